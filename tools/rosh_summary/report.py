"""The RoSH summary as a printable document: the grid, the headings, risk to self,
then the findings."""

from __future__ import annotations

from tools.core.result import Block, Heading, Paragraph, SummaryList, Table
from tools.reference.worksheet import Finding, findings_blocks, or_not_recorded
from tools.rosh_summary.model import (
    GROUPS,
    LEVEL_LABELS,
    SELF_HEADINGS,
    SETTINGS,
    TIMING_LABELS,
    Summary,
)

_NOT_RECORDED = "Not recorded"


def _level(summary: Summary, group: str, setting: str) -> str:
    level = next(r.level for r in summary.ratings if r.group == group and r.setting == setting)
    return LEVEL_LABELS.get(level, _NOT_RECORDED)


def _concern(value: bool | None) -> str:
    return _NOT_RECORDED if value is None else ("Concerns" if value else "No concerns")


def summary_report(summary: Summary, findings: list[Finding]) -> tuple[Block, ...]:
    title = "RoSH summary" + (f": {summary.reference}" if summary.reference else "")
    when = TIMING_LABELS.get(summary.timing, _NOT_RECORDED)
    if summary.when:
        when = f"{when}. {summary.when}" if summary.timing else summary.when
    blocks: list[Block] = [
        Heading(title, 3),
        Table("Risk of serious harm by group",
              ("Group", *(label for _, label, _ in SETTINGS), "Who, and how"),
              tuple((label, *(_level(summary, key, s) for s, _, _ in SETTINGS),
                     or_not_recorded(summary.who.get(key, "")))
                    for key, label, _ in GROUPS)),
        SummaryList((
            ("Nature of the risk", or_not_recorded(summary.nature)),
            ("When the risk is greatest", when),
            ("What would increase it", or_not_recorded(summary.increases)),
            ("What would reduce it", or_not_recorded(summary.reduces)),
        )),
        Table("Risk to self", ("Heading", "Concerns", "Details"),
              tuple((label, _concern(summary.to_self.get(name)),
                     summary.to_self_detail.get(name, "") or "None recorded")
                    for name, label in SELF_HEADINGS)),
    ]
    blocks += findings_blocks(findings, "summary")
    blocks.append(Paragraph(
        "Groups, settings and headings as OASys records them; level definitions from "
        "Probation Circular 36/2006 and the Scottish MAPPA National Guidance 2016 §4.5. "
        "The levels are the assessor's judgement: this worksheet checks the record, it "
        "does not set a level."))
    return tuple(blocks)
