"""Scenario planning worksheet: a few realistic futures, each tied to evidence and to
a contingency action.

The prompts are the guide's own (section 2.6.1). No public source confirmed an
official scenario-planning template (domain-facts §8), so the worksheet names
none and offers no fixed set of scenario types. What it rests on: HF36 P13
(identify future situations from a realistic assessment of the risks) and the
MAPPA Guidance chapter 12 (a risk management plan must include contingency
plans). Field names are permanent.
"""

from __future__ import annotations

from tools.core.parse import Parsed, Row
from tools.core.report_markdown import render_markdown
from tools.core.result import Block, Heading, Outcome, Paragraph, SummaryList
from tools.core.schema import Field, Repeat, Section, Source, Tool
from tools.reference import hf36
from tools.reference.worksheet import (
    Finding,
    counts,
    findings_blocks,
    findings_json,
    or_not_recorded,
    ordered,
    rows,
    text,
)

#: Row fields after the name: (field name, label, phrase used when it is missing, hint).
PARTS: tuple[tuple[str, str, str, str], ...] = (
    ("nature", "What harm could happen", "what harm could happen", ""),
    ("victims", "Who would be at risk", "who would be at risk",
     "By role or relationship, not by name"),
    ("seriousness", "How serious the harm could be", "how serious the harm could be", ""),
    ("timing", "How soon, and in what circumstances", "how soon, and in what circumstances",
     ""),
    ("warning_signs", "Triggers and warning signs", "the triggers and warning signs",
     "What would show this scenario becoming more likely"),
    ("prevention", "What would prevent or interrupt it", "what would prevent or interrupt it",
     "Controls, support and protective factors"),
    ("evidence", "The evidence it rests on", "the evidence it rests on",
     "From the offence analysis and the person's history"),
    ("contingency", "What to do if the warning signs appear", "what to do if the warning "
     "signs appear", "The action, and who takes it"),
)
_CORE = ("nature", "victims", "seriousness", "timing", "warning_signs", "prevention")
_QUOTE_LIMIT = 60


def _name(row: Row) -> str:
    name = row.text("name")
    short = name if len(name) <= _QUOTE_LIMIT else name[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return f"Scenario {row.number} (‘{short}’)"


TOOL = Tool(
    slug="scenario-planning",
    title="Scenario planning worksheet",
    version=1,
    summary=(
        "Describe a small number of realistic futures for this person: the harm, who, how "
        "serious, how soon, the warning signs, what would prevent it, the evidence behind "
        "it and the contingency action. The prompts are written for this guide; the "
        "guide's sources could not confirm an official scenario-planning template, so "
        "this worksheet does not reproduce one."
    ),
    submit_label="Check the scenarios",
    keeps_drafts=True,
    result_noun="scenarios",
    sources=(
        Source(hf36.CITATION + " (P13: identify future situations from a realistic "
               "assessment of the options and the risks)"),
        Source("Ministry of Justice, MAPPA Guidance, chapter 12 ‘Risk management plan’ "
               "(§12.11: plans must include contingency plans)",
               "https://mappa.justice.gov.uk/connect.ti/MAPPA/view?objectId=10356020"),
    ),
    sections=(
        Section("About the scenarios", (
            Field("reference", "Case reference", "text", required=False, width="medium",
                  hint="Use initials or a case reference, not a full name"),
        )),
        Section("Scenarios", (
            Repeat("scenarios", "Each scenario", "Scenario", add_label="Add another scenario",
                   max_rows=8,
                   hint="Keep the number small and each one realistic: for example the "
                        "most likely future, one where things go worse and one where they "
                        "go better.",
                   fields=(
                       Field("name", "Short name for the scenario", "text",
                             noun="a short name for the scenario", width="long"),
                       *(Field(name, label, "textarea", required=False, hint=hint)
                         for name, label, _, hint in PARTS),
                   )),
        )),
        Section("Review", (
            Field("review", "When the scenarios will be reviewed", "text", required=False,
                  width="long", hint="A date, or the event that would prompt a review"),
        )),
    ),
)


def check(parsed: Parsed) -> list[Finding]:
    """Scenarios missing, parts missing, and scenarios without evidence or contingency."""
    scenarios = rows(parsed, "scenarios")
    found: list[Finding] = []
    if not scenarios:
        return [Finding("gap", "no-scenarios", "No scenario is recorded",
                        "Future situations have to be described before a plan can "
                        "prepare for them (HF36 P13)")]
    phrases = {name: phrase for name, _, phrase, _ in PARTS}
    for row in scenarios:
        missing = [phrases[p] for p in _CORE if not row.text(p)]
        if missing:
            found.append(Finding("gap", "part-missing",
                                 f"{_name(row)} does not say {'; '.join(missing)}",
                                 "Each scenario should describe the harm, the victims, the "
                                 "seriousness, the timing, the warning signs and what "
                                 "would prevent it, so the plan can act on each"))
        if not row.text("evidence"):
            found.append(Finding("gap", "evidence-missing",
                                 f"{_name(row)} does not say what evidence it rests on",
                                 "A scenario with no link to the person's history or "
                                 "current risk factors is speculation, and a plan built on "
                                 "it may be disproportionate"))
        if not row.text("contingency"):
            found.append(Finding("gap", "contingency-missing",
                                 f"{_name(row)} has no contingency action",
                                 "A risk management plan must include contingency plans "
                                 "(MAPPA Guidance §12.11): say what will be done, and by "
                                 "whom, if the warning signs appear"))
    if len(scenarios) == 1:
        found.append(Finding("gap", "one-scenario", "Only one scenario is recorded",
                             "A plan built on one future may leave you unprepared for the "
                             "one that does most harm; consider at least one where things "
                             "go worse"))
    if not text(parsed, "review"):
        found.append(Finding("gap", "review-missing", "No review point is recorded",
                             "Scenarios date quickly as circumstances change; say when "
                             "they will be looked at again"))
    return found


def _report(parsed: Parsed, findings: list[Finding]) -> tuple[Block, ...]:
    reference = text(parsed, "reference")
    blocks: list[Block] = [
        Heading("Scenario plan" + (f": {reference}" if reference else ""), 3)]
    for row in rows(parsed, "scenarios"):
        blocks += [Heading(f"Scenario {row.number}: {row.text('name')}", 4),
                   SummaryList(tuple((label, or_not_recorded(row.text(name)))
                                     for name, label, _, _ in PARTS))]
    blocks.append(SummaryList((("Review", or_not_recorded(text(parsed, "review"))),)))
    blocks += findings_blocks(findings, "scenario plan")
    blocks.append(Paragraph(
        "Prompts written for this guide (section 2.6.1), not an official template. They "
        "build on HF36 P13 and the MAPPA Guidance on contingency planning."))
    return tuple(blocks)


def evaluate(parsed: Parsed) -> Outcome:
    findings = ordered(check(parsed))
    report = _report(parsed, findings)
    return Outcome(
        data={"scenarios": len(rows(parsed, "scenarios")), "counts": counts(findings),
              "findings": findings_json(findings)},
        report=report,
        markdown=render_markdown(report),
    )
