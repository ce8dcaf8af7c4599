"""Every published edition's sections, checked edition against edition, and the
uid chain that leads from an old section to the same section today.

Each edition is compared with the next newer published one: a uid that
disappears must be listed in the newer edition's retired-sections.yml, with a
replacement that exists there or a one-sentence removal note. Following those
links from edition to edition gives the "same section in the current edition"
that an old page's banner, canonical link and section map point to.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from mkdocs_plugins.editions.retired import FILE as RETIRED_FILE
from mkdocs_plugins.editions.retired import Retired, load_retired
from mkdocs_plugins.editions.sources import PageMeta, SectionRef, read_edition
from mkdocs_plugins.editions_data import FROZEN_DIR, Edition
from mkdocs_plugins.source import LocatedError


@dataclass(frozen=True)
class EditionSources:
    """One published edition: its pages (by src_uri), sections (by uid), retirements."""

    edition: Edition
    #: Its docs folder as messages name it: "docs/" or "versions/1.0/docs/".
    shown: str
    pages: dict[str, PageMeta]
    retired: dict[str, Retired]

    @property
    def sections(self) -> dict[str, SectionRef]:
        return {p.section.uid: p.section for p in self.pages.values() if p.section}


def shown_docs(edition: Edition) -> str:
    return "docs/" if edition.current else f"{FROZEN_DIR}/{edition.edition}/docs/"


def load_sources(edition: Edition, docs_dir: Path) -> EditionSources:
    shown = shown_docs(edition)
    pages = read_edition(docs_dir, shown)
    retired = {r.uid: r for r in load_retired(docs_dir, shown)}
    return EditionSources(edition, shown, pages, retired)


def check_pair(older: EditionSources, newer: EditionSources) -> None:
    """A uid of `older` is in `newer` or retired there; every retirement is sound."""
    old, new = older.sections, newer.sections
    label = newer.edition.edition
    for entry in newer.retired.values():
        if entry.uid in new:
            raise LocatedError(entry.where, f"uid {entry.uid!r} is retired but is still the "
                               f"uid of a section of edition {label} ({new[entry.uid].where})")
        if entry.uid not in old:
            raise LocatedError(entry.where, f"uid {entry.uid!r} is not a section of edition "
                               f"{older.edition.edition}, so edition {label} cannot retire it")
    for uid, section in old.items():
        if uid not in new and uid not in newer.retired:
            raise LocatedError(section.where, f"uid {uid!r} (section {section.label} of "
                               f"edition {older.edition.edition}) is not in edition {label}: "
                               "a uid never changes once published. Give the section the same "
                               f"uid in edition {label}, or list it in "
                               f"{newer.shown}{RETIRED_FILE} with replaced_by: <uid> or "
                               "removed: \"<one sentence for readers>\"")


def check_replacements(sources: EditionSources) -> None:
    """Every replaced_by names a section of this same edition."""
    sections = sources.sections
    for entry in sources.retired.values():
        if entry.replaced_by is not None and entry.replaced_by not in sections:
            raise LocatedError(entry.where, f"replaced_by {entry.replaced_by!r} is not the "
                               f"uid of a section of edition {sources.edition.edition}")


def check_all(published: list[EditionSources]) -> None:
    """Check every published edition (newest first) against the next newer one."""
    for sources in published:
        check_replacements(sources)
    for newer, older in pairwise(published):
        check_pair(older, newer)


@dataclass(frozen=True)
class Successor:
    """Where a section of an old edition is in the current edition.

    `section` is the current edition's section (None when the chain ended in a
    removal); `replaced` says a replaced_by link was followed on the way;
    `removed_in` and `note` say which edition removed it and why.
    """

    section: SectionRef | None
    replaced: bool = False
    removed_in: str | None = None
    note: str | None = None


def successor(uid: str, newer: list[EditionSources]) -> Successor:
    """Follow `uid` through `newer` (the editions after its own, oldest first)."""
    replaced = False
    for sources in newer:
        if uid in sources.sections:
            continue
        entry = sources.retired.get(uid)
        if entry is None:  # check_all() makes this impossible; say so plainly if not
            raise LocatedError(f"{sources.shown}{RETIRED_FILE}:1",
                               f"uid {uid!r} is neither a section nor retired in edition "
                               f"{sources.edition.edition}")
        if entry.removed is not None:
            return Successor(None, replaced, sources.edition.edition, entry.removed)
        assert entry.replaced_by is not None
        uid, replaced = entry.replaced_by, True
    return Successor(newer[-1].sections[uid] if newer else None, replaced)
