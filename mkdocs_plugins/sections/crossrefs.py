"""`[§2.6.4]` in Markdown → a link showing "2.6.4 Title", or a build error.

The link is an ordinary relative Markdown link to the section's file, so MkDocs
resolves and validates it like any other.
"""

from __future__ import annotations

import difflib
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

#: `[§` up to its `]` (group 2 is empty when the line ends first). A `(` or `[`
#: after the bracket makes it the text of an ordinary link, which is left alone.
CANDIDATE = re.compile(r"\[§([^\]]*)(\]?)")
NUMBER = re.compile(r"[1-9][0-9]*(?:\.[1-9][0-9]*)*")
EXAMPLE = "[§2.6.4]"
#: The number an author probably meant: digits separated by dots or spaces.
_DIGITS = re.compile(r"[0-9]+(?:[.\s]+[0-9]+)*")


def relative_link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def _linker(src_uri: str, sections: Mapping[str, Section],
            where: str) -> Callable[[re.Match[str]], str]:
    """The re.sub replacement for one line: a Markdown link, or LocatedError."""

    def link(match: re.Match[str]) -> str:
        if match.string[match.end():match.end() + 1] in ("(", "["):
            return match.group(0)  # [§…](target) or [§…][ref]: the author's own link
        number = _number(match, sections, where)
        section = sections.get(number)
        if section is None:
            raise LocatedError(where, f"[§{number}] refers to section {number}, which does "
                                      f"not exist{did_you_mean(number, sections)}")
        target = relative_link(src_uri, section.src_uri)
        return f"[{section.label}]({target}#{section.anchor})"

    return link


def _number(match: re.Match[str], sections: Mapping[str, Section], where: str) -> str:
    """The section number a `[§…]` holds; LocatedError if it is not written as one."""
    written, closed = match.group(1), match.group(2)
    shown = match.group(0)
    if not closed:
        start = "[§" + "".join(written.split()[:1])
        raise LocatedError(where, f"section reference {start} is never closed: write it like "
                                  f"{EXAMPLE}")
    if NUMBER.fullmatch(written):
        return written
    if not written.strip():
        raise LocatedError(where, f"empty section reference {shown}: write the section's "
                                  f"number, like {EXAMPLE}")
    digits = _DIGITS.search(written)
    guess = ".".join(part.lstrip("0") or "0" for part in re.split(r"[.\s]+", digits.group(0))
                     ) if digits else ""
    close = [guess] if guess in sections else difflib.get_close_matches(guess, sections, n=1)
    hint = f" (did you mean [§{close[0]}]?)" if close else ""
    raise LocatedError(where, f"malformed section reference {shown}: write the number alone, "
                              f"like {EXAMPLE}{hint}")


def link_sections(markdown: str, src_uri: str, sections: Mapping[str, Section],
                  first_line: int) -> str:
    """Replace every `[§n]` outside code; LocatedError for a malformed reference or a
    section that does not exist."""
    lines = markdown.split("\n")
    code = in_code_fence(lines)
    for index, line in enumerate(lines):
        if code[index] or "[§" not in line:
            continue
        link = _linker(src_uri, sections, f"docs/{src_uri}:{index + first_line}")

        def replace(text: str, link: Callable[[re.Match[str]], str] = link) -> str:
            return CANDIDATE.sub(link, text)

        lines[index] = outside_code_spans(line, replace)
    return "\n".join(lines)
