"""Read and check the section number in each page's title heading.

Section numbers are how readers cite the guide, so they are checked like code:
a malformed, duplicated or out-of-order number fails the build naming the file
and line. Pure: page sources in, Section records or a LocatedError out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_plugins.source import LocatedError, body_offset, front_matter, in_code_fence

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(\d[\d.]*)\s+(.+)$")
_WELL_FORMED = re.compile(r"^[1-9]\d*(\.[1-9]\d*)*$")
_NUMBERED_SUBHEADING = re.compile(r"^#{2,6}\s+\d+\.\d+")


@dataclass(frozen=True)
class Section:
    """A numbered page: its number, title, source file and the heading's line."""

    number: str
    title: str
    src_uri: str
    line: int

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.number.split("."))

    @property
    def anchor(self) -> str:
        return f"s{self.number}"

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}"


def read_section(src_uri: str, source: str) -> Section | None:
    """The page's Section, or None for an unnumbered page; LocatedError if malformed."""
    body, meta = front_matter(source)
    offset = body_offset(source)
    lines = body.split("\n")
    code = in_code_fence(lines)
    found: Section | None = None
    for index, line in enumerate(lines):
        if code[index]:
            continue
        where = f"docs/{src_uri}:{index + 1 + offset}"
        if _NUMBERED_SUBHEADING.match(line):
            raise LocatedError(where, "only a page's title (its # heading) carries a section "
                                        "number; remove the number from this heading")
        heading = _H1.match(line)
        if not heading or found is not None:
            continue
        numbered = _NUMBERED.match(heading.group(1))
        declared = str(meta.get("section", "")).strip()
        if not numbered:
            if declared:
                raise LocatedError(where, f"the front matter says section {declared}, so the "
                                            f"heading must start with it: '# {declared} …'")
            return None
        number, title = numbered.group(1), numbered.group(2).strip()
        if not _WELL_FORMED.match(number):
            raise LocatedError(where, f"malformed section number {number!r}: write numbers "
                                        "like 2.6.4 (no leading zeros, no empty parts)")
        if declared and declared != number:
            raise LocatedError(where, f"the heading says {number} but the front matter says "
                                        f"section {declared}")
        found = Section(number, title, src_uri, index + 1 + offset)
    return found


def check_order(sections: Iterable[Section]) -> dict[str, Section]:
    """Sections by number; LocatedError on a duplicate or a number out of reading order."""
    by_number: dict[str, Section] = {}
    previous: Section | None = None
    for section in sections:
        here = f"docs/{section.src_uri}:{section.line}"
        if section.number in by_number:
            first = by_number[section.number]
            raise LocatedError(here, f"section {section.number} is numbered twice: it is "
                                       f"already docs/{first.src_uri}:{first.line}")
        if previous is not None and section.key <= previous.key:
            raise LocatedError(here, f"section {section.number} comes after "
                                       f"{previous.number} in the navigation: numbers must "
                                       "rise in reading order")
        by_number[section.number] = section
        previous = section
    return by_number
