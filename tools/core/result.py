"""What a tool returns: either field errors or an outcome with a report.

The report is data, not HTML: a list of typed blocks that the page renders with
`textContent` only, so free text typed by a reader can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

JSON = dict[str, Any]


@dataclass(frozen=True)
class FieldError:
    """A message about one input, worded as GOV.UK error messages are."""

    field: str  # the input name, e.g. "date_of_birth" or "supervision.1.who"
    message: str

    def to_json(self) -> JSON:
        return {"field": self.field, "message": self.message}


class InvalidInput(Exception):
    """Raised by a tool's evaluate() when inputs parse but do not fit together."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


# ---- report blocks -------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 3  # 2..4; the result region itself sits under an h2

    def to_json(self) -> JSON:
        return {"type": "heading", "text": self.text, "level": self.level}


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: Literal["", "lead", "warning"] = ""

    def to_json(self) -> JSON:
        return {"type": "paragraph", "text": self.text, "emphasis": self.emphasis}


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]

    def to_json(self) -> JSON:
        return {"type": "list", "items": list(self.items)}


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_json(self) -> JSON:
        return {
            "type": "table",
            "caption": self.caption,
            "head": list(self.head),
            "rows": [list(r) for r in self.rows],
        }


@dataclass(frozen=True)
class SummaryList:
    """Key/value pairs (GOV.UK summary list)."""

    rows: tuple[tuple[str, str], ...]

    def to_json(self) -> JSON:
        return {"type": "summary", "rows": [{"key": k, "value": v} for k, v in self.rows]}


Status = Literal["met", "gap", "manual", "not-given"]


@dataclass(frozen=True)
class CheckItem:
    code: str  # "P1"
    label: str
    status: Status
    details: tuple[str, ...] = ()

    def to_json(self) -> JSON:
        return {
            "code": self.code,
            "label": self.label,
            "status": self.status,
            "details": list(self.details),
        }


@dataclass(frozen=True)
class CheckList:
    """Criterion-by-criterion findings (met / gap / check by hand / not given)."""

    caption: str
    items: tuple[CheckItem, ...]

    def to_json(self) -> JSON:
        items = [i.to_json() for i in self.items]
        return {"type": "checks", "caption": self.caption, "items": items}


@dataclass(frozen=True)
class Details:
    """Supporting detail shown collapsed under a one-line summary (the working of a result)."""

    summary: str
    blocks: tuple[Heading | Paragraph | BulletList | Table | SummaryList | CheckList, ...]

    def to_json(self) -> JSON:
        return {"type": "details", "summary": self.summary,
                "blocks": [b.to_json() for b in self.blocks]}


Block = Heading | Paragraph | BulletList | Table | SummaryList | CheckList | Details


@dataclass(frozen=True)
class Outcome:
    """A tool's answer: machine-readable `data` plus a human `report`.

    `markdown`, when given, is the tool's own Markdown export of the result;
    The runtime adds `text` to every outcome it sends: the report as plain
    text for pasting into a case record (tools.core.report_text).
    """

    data: JSON
    report: tuple[Block, ...]
    markdown: str = ""

    def to_json(self) -> JSON:
        out: JSON = dict(self.data)
        out["report"] = [b.to_json() for b in self.report]
        if self.markdown:
            out["markdown"] = self.markdown
        return out
