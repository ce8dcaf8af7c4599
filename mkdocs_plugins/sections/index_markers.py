"""Index markers in Markdown (`{index: term > sub; see also: other}`) and the index they build.

Markers are invisible: they are read from every page's source before any page
is rendered (so the A–Z page can list them whatever order MkDocs renders in)
and stripped from each page's Markdown. The locator of a marker is the
section number of the page it is on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mkdocs_plugins.source import LocatedError, did_you_mean, in_code_fence

MARKER = re.compile(r"[ \t]?\{index(!?):([^{}]*)\}")


@dataclass(frozen=True)
class Marker:
    """One marker as written, with where it is."""

    term: str
    sub: str
    principal: bool
    see: str
    see_also: str
    where: str


def term_key(term: str) -> str:
    return " ".join(term.split()).casefold()


def _parse(body: str, principal: bool, where: str) -> Marker:
    parts = [part.strip() for part in body.split(";")]
    heading = parts[0]
    term, _, sub = (piece.strip() for piece in heading.partition(">"))
    if not term or (">" in heading and not sub):
        raise LocatedError(where, "empty index entry: write {index: term} or "
                                  "{index: term > sub-entry}")
    if ">" in sub:
        raise LocatedError(where, "an index entry has one level of sub-entries only")
    see = see_also = ""
    for part in parts[1:]:
        name, colon, target = (piece.strip() for piece in part.partition(":"))
        if not colon or name not in ("see", "see also") or not target:
            raise LocatedError(where, f"unknown index marker part {part!r}: use "
                                      "'see: term' or 'see also: term'")
        if name == "see":
            see = target
        else:
            see_also = target
    if see and (sub or principal or see_also):
        raise LocatedError(where, "a 'see' entry only points elsewhere: it takes no sub-entry, "
                                  "no '!' and no 'see also'")
    return Marker(term, sub, principal, see, see_also, where)


def read_markers(src_uri: str, body: str, first_line: int) -> list[Marker]:
    """Every marker in a page's Markdown body (code is skipped)."""
    lines = body.split("\n")
    code = in_code_fence(lines)
    found = []
    for index, line in enumerate(lines):
        if code[index] or "{index" not in line:
            continue
        where = f"docs/{src_uri}:{index + first_line}"
        for match in MARKER.finditer(line):
            found.append(_parse(match.group(2), match.group(1) == "!", where))
    return found


def strip_markers(body: str) -> str:
    """The Markdown without its markers (code is left alone)."""
    lines = body.split("\n")
    code = in_code_fence(lines)
    return "\n".join(line if code[i] else MARKER.sub("", line).rstrip() if "{index" in line
                     else line for i, line in enumerate(lines))


@dataclass
class Locators:
    """Section numbers where a term is discussed; principal ones are shown in bold."""

    numbers: dict[str, bool] = field(default_factory=dict)  # number → principal

    def add(self, number: str, principal: bool) -> None:
        self.numbers[number] = self.numbers.get(number, False) or principal

    def ordered(self) -> list[tuple[str, bool]]:
        return sorted(self.numbers.items(),
                      key=lambda item: tuple(int(p) for p in item[0].split(".")))


@dataclass
class Entry:
    """A top-level index term, its sub-entries and cross-references."""

    term: str
    locators: Locators = field(default_factory=Locators)
    subs: dict[str, tuple[str, Locators]] = field(default_factory=dict)
    see: str = ""
    see_also: set[str] = field(default_factory=set)
    where: str = ""


def build_index(
    markers: Iterable[tuple[str, Marker]], extra_see: Mapping[str, str] | None = None
) -> dict[str, Entry]:
    """Entries by term key from (section number, marker) pairs; LocatedError on a bad see.

    `extra_see` adds "term, see target" entries (from the glossary) where the
    term has no entry of its own and the target exists.
    """
    entries: dict[str, Entry] = {}
    for number, marker in markers:
        entry = entries.setdefault(term_key(marker.term), Entry(marker.term, where=marker.where))
        if marker.see:
            entry.see = marker.see
            continue
        if marker.sub:
            sub = entry.subs.setdefault(term_key(marker.sub), (marker.sub, Locators()))
            sub[1].add(number, marker.principal)
        else:
            entry.locators.add(number, marker.principal)
        if marker.see_also:
            entry.see_also.add(marker.see_also)
    for entry in entries.values():
        targets = [(entry.see, "see")] if entry.see else []
        targets += [(target, "see also") for target in sorted(entry.see_also)]
        for target, kind in targets:
            if term_key(target) not in entries or entries[term_key(target)].see:
                known = [e.term for e in entries.values() if not e.see]
                raise LocatedError(entry.where, f"index entry {entry.term!r} says {kind} "
                                                f"{target!r}, which is not an entry in the index"
                                                f"{did_you_mean(target, known)}")
        if entry.see and (entry.locators.numbers or entry.subs):
            raise LocatedError(entry.where, f"index entry {entry.term!r} has its own locators "
                                            f"elsewhere, so it cannot only 'see' {entry.see!r}: "
                                            "use 'see also'")
    for term, target in (extra_see or {}).items():
        if term_key(term) not in entries and term_key(target) in entries:
            entries[term_key(term)] = Entry(term, see=entries[term_key(target)].term)
    return entries
