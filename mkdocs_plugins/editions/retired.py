"""An edition's retired sections: `docs/_data/retired-sections.yml`.

Each entry names a uid of the previous published edition that this edition no
longer has, and says what became of it: `replaced_by` (a uid in this edition)
or `removed` (one sentence shown to readers of the old edition's banner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs_plugins.editions.sources import UID
from mkdocs_plugins.guide_pages.data import load_entries
from mkdocs_plugins.source import LocatedError

FILE = "_data/retired-sections.yml"
#: A second sentence: an end mark, a space, then a capital or digit.
_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-Z0-9\"“‘(]")


@dataclass(frozen=True)
class Retired:
    """What became of a section this edition no longer has."""

    uid: str
    replaced_by: str | None
    removed: str | None
    where: str


def _removed_note(value: object, where: str) -> str:
    note = " ".join(str(value).split())
    if not note:
        raise LocatedError(where, "removed: needs one sentence for readers saying why the "
                           "section was removed or where its content went")
    if note[-1] not in ".!?" or _TWO_SENTENCES.search(note[:-1]):
        raise LocatedError(where, "removed: must be one sentence ending with a full stop "
                           f"(readers see it in the old edition's banner), not {note!r}")
    return note


def load_retired(docs_dir: Path, shown: str) -> list[Retired]:
    """The entries of `docs_dir`/_data/retired-sections.yml; none when the file is absent."""
    path = docs_dir / FILE
    if not path.is_file():
        return []
    # A file that is not a list of mappings fails here, already naming file:line.
    entries = load_entries(path, f"{shown}{FILE}", ("uid",))
    found: list[Retired] = []
    seen: dict[str, str] = {}
    for entry in entries:
        where = f"{shown}{FILE}:{entry.line}"
        uid = entry.text("uid").strip()
        if not UID.match(uid):
            raise LocatedError(where, f"uid {uid!r} is not a valid uid (lower-case words "
                               "joined by hyphens)")
        if uid in seen:
            raise LocatedError(where, f"uid {uid!r} is already listed at {seen[uid]}")
        seen[uid] = where
        unknown = sorted(set(entry.values) - {"uid", "replaced_by", "removed"})
        if unknown:
            raise LocatedError(where, f"unknown key {unknown[0]!r}: an entry has uid and "
                               "either replaced_by or removed")
        has_replacement = entry.values.get("replaced_by") is not None
        has_note = entry.values.get("removed") is not None
        if has_replacement == has_note:
            raise LocatedError(where, f"uid {uid!r} needs exactly one of replaced_by: <the uid "
                               "that replaces it in this edition> or removed: \"<one sentence "
                               "for readers>\"")
        replaced_by = entry.text("replaced_by").strip() if has_replacement else None
        removed = _removed_note(entry.values["removed"], where) if has_note else None
        found.append(Retired(uid, replaced_by, removed, where))
    return found
