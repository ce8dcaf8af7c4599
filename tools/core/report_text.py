"""Render report blocks as plain text, for pasting into a case record.

Case-record systems take plain text: no Markdown, no HTML, often a fixed-width
box. So headings are underlined, tables become one "Heading: value" line per
cell (a grid would wrap into nonsense), and every line is the reader's text as
typed (trimmed), never interpreted. Made from the same blocks as the page and
the Markdown document, so the three never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tools.core.report_markdown import STATUS_LABELS
from tools.core.result import (
    Block,
    BulletList,
    CheckList,
    Details,
    Heading,
    Paragraph,
    SummaryList,
    Table,
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in _LINE_BREAK.split(text) if line.strip()]


def _inline(text: str) -> str:
    """One line: line breaks inside a cell or list item become spaces."""
    return " ".join(_lines(text))


def _heading(block: Heading) -> list[str]:
    text = _inline(block.text)
    underline = "=" if block.level <= 3 else "-"
    return [text, underline * len(text)]


def _table(block: Table) -> list[str]:
    out = [_inline(block.caption)] if block.caption else []
    for number, row in enumerate(block.rows, start=1):
        if len(block.rows) > 1:
            out.append(f"{number}.")
        for head, cell in zip(block.head, row, strict=False):
            out.append(f"  {_inline(head)}: {_inline(cell)}")
    if not block.rows:
        out.append("  (none)")
    return out


def _summary(block: SummaryList) -> list[str]:
    out: list[str] = []
    for key, value in block.rows:
        lines = _lines(value)
        out.append(f"{_inline(key)}: {lines[0] if lines else ''}".rstrip())
        out += [f"  {line}" for line in lines[1:]]
    return out


def _checks(block: CheckList) -> list[str]:
    out = [_inline(block.caption)]
    for item in block.items:
        status = STATUS_LABELS[item.status]
        line = f"- {_inline(item.code)} ({status.lower()})"
        if item.label != status:
            line += f": {_inline(item.label)}"
        out.append(line)
        out += [f"    - {_inline(detail)}" for detail in item.details]
    return out


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        return _lines(block.text)
    if isinstance(block, BulletList):
        return [f"- {_inline(item)}" for item in block.items]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, SummaryList):
        return _summary(block)
    if isinstance(block, Details):
        return [_inline(block.summary), "", render_text(block.blocks).rstrip("\n")]
    return _checks(block)


def render_text(blocks: Iterable[Block]) -> str:
    """The whole report as plain text, blocks separated by blank lines."""
    parts = ["\n".join(_block(b)) for b in blocks]
    return "\n\n".join(p for p in parts if p) + "\n"
