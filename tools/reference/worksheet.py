"""Findings shared by the worksheets: what is missing, what does not fit, and why.

A worksheet (RoSH summary, Good Lives, offence analysis, scenario planning,
HF36 self-assessment) does not score anything: it says which answers are
missing ("gap") and which answers disagree with each other ("inconsistency"),
and every finding names the rule it applies and why the rule matters. Gaps come
first, because they are what the reader fixes first. Framework-neutral: this
module only builds report blocks from tools.core.result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from tools.core.parse import Parsed, Row
from tools.core.result import Block, Heading, Paragraph, Table

Kind = Literal["gap", "inconsistency"]
NOT_RECORDED = "Not recorded"
_KIND_ORDER: dict[Kind, int] = {"gap": 0, "inconsistency": 1}
_KIND_LABELS: dict[Kind, str] = {"gap": "Gap", "inconsistency": "Does not fit"}


@dataclass(frozen=True)
class Finding:
    """One thing to fix: a stable rule code, what is wrong here, and why it matters."""

    kind: Kind
    code: str
    message: str
    why: str

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "code": self.code, "message": self.message, "why": self.why}


def ordered(findings: list[Finding]) -> list[Finding]:
    """Gaps first, then inconsistencies; otherwise in the order the rules found them."""
    return sorted(findings, key=lambda f: _KIND_ORDER[f.kind])


def counts(findings: list[Finding]) -> dict[str, int]:
    return {kind: sum(1 for f in findings if f.kind == kind) for kind in _KIND_ORDER}


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def lead(findings: list[Finding], noun: str) -> str:
    """One sentence for the top of the report: how many gaps and inconsistencies."""
    tally = counts(findings)
    if not findings:
        return f"No gaps or inconsistencies found in this {noun}."
    parts = []
    if tally["gap"]:
        parts.append(plural(tally["gap"], "gap", "gaps"))
    if tally["inconsistency"]:
        parts.append(plural(tally["inconsistency"], "answer that does not fit",
                            "answers that do not fit"))
    return f"This {noun} has {' and '.join(parts)}, listed below with the rule behind each."


def findings_blocks(findings: list[Finding], noun: str) -> list[Block]:
    """The findings section: a lead sentence, then a table (gaps first)."""
    blocks: list[Block] = [Heading("Findings", 4), Paragraph(lead(findings, noun), "lead")]
    if findings:
        blocks.append(Table(
            "Findings, gaps first",
            ("Finding", "What to do", "Why"),
            tuple((_KIND_LABELS[f.kind], f.message, f.why) for f in ordered(findings)),
        ))
    return blocks


def findings_json(findings: list[Finding]) -> list[dict[str, str]]:
    return [f.to_json() for f in ordered(findings)]


def text(parsed: Parsed, name: str) -> str:
    value = parsed.get(name)
    return value if isinstance(value, str) else ""


def choice(parsed: Parsed, name: str) -> str:
    value: Any = parsed.get(name)
    return value if isinstance(value, str) else ""


def flag(parsed: Parsed, name: str) -> bool | None:
    value = parsed.get(name)
    return value if isinstance(value, bool) else None


def rows(parsed: Parsed, group: str) -> tuple[Row, ...]:
    return parsed.groups.get(group, ())


def or_not_recorded(value: str) -> str:
    return value or NOT_RECORDED


def yes_no(value: bool | None) -> str:
    return NOT_RECORDED if value is None else ("Yes" if value else "No")
