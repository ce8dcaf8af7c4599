"""Render report blocks as Markdown, with every piece of text escaped.

The Markdown export is made from the same blocks as the page, so the two never
disagree. All text is treated as data: Markdown and HTML specials are
backslash-escaped (CommonMark and GitHub Flavored Markdown treat an escaped
punctuation character as a literal), and anything that would start a block at
the beginning of a line (a list marker, a heading underline) is escaped too. So
a reader's "<script>" shows as text wherever the file is rendered, never as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tools.core.result import (
    Block,
    BulletList,
    CheckList,
    Details,
    Heading,
    Paragraph,
    Status,
    SummaryList,
    Table,
)

#: Characters escaped wherever they appear: emphasis, code, links, raw HTML and
#: entities, headings, tables, strikethrough, attribute lists, and the escape itself.
_SPECIALS = frozenset("\\`*_[]<>#|&~{}")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")
_LEADING_MARKERS = frozenset("-+=:")

STATUS_LABELS: dict[Status, str] = {
    "met": "Shown",
    "gap": "Gap",
    "manual": "Check by hand",
    "not-given": "Not given in the source text",
}


def escape_line(line: str) -> str:
    """One line of text, escaped so that it renders exactly as typed (trimmed)."""
    text = "".join("\\" + ch if ch in _SPECIALS else ch for ch in line.strip())
    ordered = _ORDERED_MARKER.match(text)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{text[ordered.end():]}"
    if text[:1] in _LEADING_MARKERS:
        return "\\" + text
    return text


def _lines(text: str) -> list[str]:
    return [line for line in _LINE_BREAK.split(text) if line.strip()]


def escape_inline(text: str) -> str:
    """Text for one line (a table cell or list item): line breaks become spaces."""
    return " ".join(escape_line(line) for line in _lines(text))


def escape_block(text: str) -> str:
    """Text for a paragraph: each line kept, joined by hard line breaks."""
    return "\\\n".join(escape_line(line) for line in _lines(text))


def _heading(block: Heading) -> list[str]:
    # The page puts report headings under its own h2, so level 3 is the top.
    return ["#" * max(1, block.level - 2) + " " + escape_inline(block.text)]


def _table(block: Table) -> list[str]:
    def row(cells: Iterable[str]) -> str:
        return "| " + " | ".join(escape_inline(c) for c in cells) + " |"

    out = [f"**{escape_inline(block.caption)}**", ""] if block.caption else []
    out += [row(block.head), "| " + " | ".join("---" for _ in block.head) + " |"]
    out += [row(r) for r in block.rows]
    return out


def _summary(block: SummaryList) -> list[str]:
    out: list[str] = []
    for key, value in block.rows:
        out += [f"**{escape_inline(key)}:** {escape_block(value)}", ""]
    return out[:-1]


def _checks(block: CheckList) -> list[str]:
    out = [f"**{escape_inline(block.caption)}**", ""]
    for item in block.items:
        status = STATUS_LABELS[item.status]
        line = f"- **{escape_inline(item.code)}** ({escape_inline(status.lower())})"
        if item.label != status:
            line += f": {escape_inline(item.label)}"
        out.append(line)
        out += [f"  - {escape_inline(detail)}" for detail in item.details]
    return out


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        return [escape_block(block.text)]
    if isinstance(block, BulletList):
        return [f"- {escape_inline(item)}" for item in block.items]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, SummaryList):
        return _summary(block)
    if isinstance(block, Details):
        inner = "\n\n".join("\n".join(_block(b)) for b in block.blocks)
        return [f"**{escape_inline(block.summary)}**", "", inner]
    return _checks(block)


def render_markdown(blocks: Iterable[Block]) -> str:
    """The whole report as one Markdown document, blocks separated by blank lines."""
    return "\n\n".join("\n".join(_block(b)) for b in blocks) + "\n"
