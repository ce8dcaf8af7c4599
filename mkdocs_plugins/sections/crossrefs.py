"""`[§2.6.4]` in Markdown → a link showing "2.6.4 Title", or a build error.

The link is an ordinary relative Markdown link to the section's file, so MkDocs
resolves and validates it like any other.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping

from mkdocs_plugins.sections.numbering import Section
from mkdocs_plugins.source import (
    LocatedError,
    did_you_mean,
    in_code_fence,
    outside_code_spans,
)

REFERENCE = re.compile(r"\[§\s?([0-9][0-9.]*)\](?![(\[])")


def relative_link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def _linker(src_uri: str, sections: Mapping[str, Section],
            where: str) -> Callable[[re.Match[str]], str]:
    """The re.sub replacement for one line: a Markdown link, or LocatedError."""

    def link(match: re.Match[str]) -> str:
        number = match.group(1).rstrip(".")
        section = sections.get(number)
        if section is None:
            raise LocatedError(where, f"[§{number}] refers to section {number}, which does "
                                      f"not exist{did_you_mean(number, sections)}")
        target = relative_link(src_uri, section.src_uri)
        return f"[{section.label}]({target}#{section.anchor})"

    return link


def link_sections(markdown: str, src_uri: str, sections: Mapping[str, Section],
                  first_line: int) -> str:
    """Replace every `[§n]` outside code; LocatedError for a section that does not exist."""
    lines = markdown.split("\n")
    code = in_code_fence(lines)
    for index, line in enumerate(lines):
        if code[index] or "[§" not in line:
            continue
        link = _linker(src_uri, sections, f"docs/{src_uri}:{index + first_line}")

        def replace(text: str, link: Callable[[re.Match[str]], str] = link) -> str:
            return REFERENCE.sub(link, text)

        lines[index] = outside_code_spans(line, replace)
    return "\n".join(lines)
