"""Author-facing error locations shared by our plugins: `docs/<path>.md:<line>`.

MkDocs hands plugins the Markdown with its front matter removed, so a line
number counted in that text is off by the front matter's length. Every error we
raise names the line in the file the author edits.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data


@functools.lru_cache(maxsize=1024)
def front_matter(source: str) -> tuple[str, dict[str, Any]]:
    """(body, meta) of a page's source: parsed once, as several hooks ask for it.

    The meta mapping is shared between callers: read it, never change it.
    """
    return get_data(source)


def body_offset(source: str) -> int:
    """How many lines of `source` come before the Markdown MkDocs passes on."""
    body, _ = front_matter(source)
    return source[: len(source) - len(body)].count("\n")


def page_offset(page: Page) -> int:
    """body_offset() of the page's file as it is on disk."""
    return body_offset(page.file.content_string)


def where(page: Page, line: int) -> str:
    """`docs/<src_uri>:<line>` for a 1-based line of the page's Markdown body."""
    return f"docs/{page.file.src_uri}:{line + page_offset(page)}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def in_code_fence(lines: list[str]) -> list[bool]:
    """For each line: is it a fence line or inside a fenced code block?"""
    return list(_fence_mask(tuple(lines)))


@functools.lru_cache(maxsize=256)
def _fence_mask(lines: tuple[str, ...]) -> tuple[bool, ...]:
    """in_code_fence(), remembered: several hooks ask it of the same page."""
    if not any("```" in line or "~~~" in line for line in lines):
        return (False,) * len(lines)  # most pages: no line can open a fence
    mask: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None:
            mask.append(bool(match))
            fence = match.group(1) if match else None
        else:
            mask.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
    return tuple(mask)


def outside_code_spans(line: str, replace: Callable[[str], str]) -> str:
    """Apply `replace` to the parts of a line that are not inline `code`."""
    out: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(line):
        out.append(replace(line[position:span.start()]))
        out.append(span.group(0))
        position = span.end()
    out.append(replace(line[position:]))
    return "".join(out)


def without_code_spans(line: str) -> str:
    """The line with its inline `code` removed, for checks on the prose alone."""
    return _CODE_SPAN.sub("", line)


class LocatedError(Exception):
    """An author's mistake at `where` (`docs/<path>:<line>`); str() is the build message."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
