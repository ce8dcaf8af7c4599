"""Offence analysis worksheet: what, where, when, who, how and why, from evidence.

The six questions are a practice heuristic in the guide's own words (section
2.6): no public source confirmed an official offence-analysis model, so the
worksheet claims none. What it rests on: Scott (1977), offender + victim +
circumstances = offence; HF36 P1 and P3 (review the nature of the offences;
identify triggers) and K9 to K11 (sources of information, corroboration, and
telling observed evidence from hearsay). Field names are permanent.
"""

from __future__ import annotations

from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import Block, Heading, Outcome, Paragraph, SummaryList, Table
from tools.core.schema import Field, Option, Repeat, Section, Source, Tool
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

#: (field name, question, what to establish: the hint).
QUESTIONS: tuple[tuple[str, str, str], ...] = (
    ("what", "What happened?", "The behaviour itself, not only the legal label: violence, "
     "weapons, threats, sexual elements, injuries and lasting harm"),
    ("where", "Where?", "The setting, and whether it gave access, privacy or cover"),
    ("when", "When?", "Time of day and week, stage of life, and what had happened in the "
     "hours, days and months before"),
    ("who", "Who?", "The victim and their relationship to the person; anyone else involved "
     "or present, including children"),
    ("how", "How?", "Planned or impulsive, how the victim was approached, how resistance "
     "was overcome, what happened afterwards"),
    ("why", "Why?", "The person's motives and needs, and the beliefs that let them act"),
)
EVIDENCE = (Option("strong", "Strong: observed, or from more than one reliable source"),
            Option("weak", "Weak: one source, or hearsay"),
            Option("disputed", "Disputed: the sources disagree"))
_EVIDENCE_LABELS = {"strong": "Strong", "weak": "Weak", "disputed": "Disputed"}
_SCOTT_WHY = ("An offence comes from the person, the victim and the circumstances together "
              "(Scott, 1977); a question left blank leaves part of that picture out")


def _question_fields(name: str, question: str, hint: str) -> tuple[Field, ...]:
    return (
        Field(name, question, "textarea", required=False, hint=hint),
        Field(f"{name}_evidence", f"{question} How strong is the evidence?", "choice",
              required=False, widget="select", options=EVIDENCE,
              noun=f"how strong the evidence is for ‘{question}’"),
    )


TOOL = Tool(
    slug="offence-analysis",
    title="Offence analysis worksheet",
    version=1,
    summary=(
        "Analyse an offence with six questions (what, where, when, who, how, why), say "
        "how strong the evidence is for each, and link it to past behaviour, triggers and "
        "who could be harmed. The questions are a practice structure written for this "
        "guide, not an official model: the guide's sources could not confirm one."
    ),
    submit_label="Check the analysis",
    keeps_drafts=True,
    result_noun="analysis",
    sources=(
        Source("Scott, P. D. (1977) ‘Assessing dangerousness in criminals’, British Journal "
               "of Psychiatry 131: offender, victim and circumstances together make the "
               "offence"),
        Source(hf36.CITATION + " (P1, P3; K9 to K11 on sources of information, "
               "corroboration and hearsay)"),
    ),
    sections=(
        Section("The offence", (
            Field("reference", "Case reference", "text", required=False, width="medium",
                  hint="Use initials or a case reference, not a full name"),
            Field("offence", "The offence as charged or convicted", "text", required=False,
                  width="long", hint="The legal label, for example ‘assault occasioning "
                                     "actual bodily harm’"),
        )),
        Section("Six questions", tuple(f for q in QUESTIONS for f in _question_fields(*q)),
                hint="Answer from the evidence, and say how strong it is."),
        Section("Sources of information", (
            Repeat("sources", "Sources used", "Source", add_label="Add another source",
                   fields=(
                       Field("source", "Source", "text", noun="the source", width="long",
                             hint="For example ‘police summary of evidence’ or ‘interview "
                                  "with the person’"),
                       Field("note", "What it adds, and how reliable it is", "text",
                             required=False, width="long"),
                   )),
        )),
        Section("Beyond this offence", (
            Field("account", "The person's own account", "textarea", required=False,
                  hint="What they say happened and why, and where it differs from the "
                       "other sources"),
            Field("pattern", "Links with past behaviour", "textarea", required=False,
                  hint="Including behaviour that did not lead to a conviction"),
            Field("triggers", "Triggers and warning signs", "textarea", required=False),
            Field("at_risk", "Who could be harmed in future, and how", "textarea",
                  required=False, hint="By role or relationship, not by name"),
        )),
    ),
)


def check(parsed: Parsed) -> list[Finding]:
    """What is missing from the analysis, and where the evidence is thin."""
    found: list[Finding] = []
    for name, question, _hint in QUESTIONS:
        if not text(parsed, name):
            found.append(Finding("gap", f"{name}-missing", f"‘{question}’ is not answered",
                                 _SCOTT_WHY))
    unrated = [f"‘{q}’" for name, q, _ in QUESTIONS
               if text(parsed, name) and not text(parsed, f"{name}_evidence")]
    if unrated:
        found.append(Finding("gap", "evidence-unrated",
                             f"Say how strong the evidence is for {', '.join(unrated)}",
                             "Telling observed evidence from reliable sources and from "
                             "hearsay is part of the standard (HF36 K11)"))
    sources = rows(parsed, "sources")
    if not sources:
        found.append(Finding("gap", "no-sources", "No source of information is recorded",
                             "An analysis is only as good as its sources; record each one "
                             "(HF36 K9)"))
    checks = (
        ("account", "account-missing", "The person's own account is not recorded",
         "Their account shows how they explain the offence, and where it differs from "
         "the evidence is itself evidence"),
        ("pattern", "pattern-missing", "Links with past behaviour are not recorded",
         "One offence read alone can hide a pattern; look at all past harmful behaviour"),
        ("triggers", "triggers-missing", "Triggers and warning signs are not recorded",
         "The plan needs the triggers of the harmful behaviour to act on them (HF36 P3)"),
        ("at_risk", "at-risk-missing", "Who could be harmed in future is not recorded",
         "The analysis should say who is at risk before a level is chosen (section 2.6.4)"),
    )
    found += [Finding("gap", code, message, why)
              for name, code, message, why in checks if not text(parsed, name)]
    disputed = [f"‘{q}’" for name, q, _ in QUESTIONS
                if text(parsed, f"{name}_evidence") == "disputed"]
    if disputed and len(sources) < 2:
        found.append(Finding("inconsistency", "disputed-one-source",
                             f"The evidence for {', '.join(disputed)} is recorded as "
                             "disputed, but fewer than two sources are recorded",
                             "A dispute is between sources: record each, so a reader can "
                             "weigh them (HF36 K10, corroboration)"))
    offence, what = text(parsed, "offence"), text(parsed, "what")
    if offence and what and offence.casefold().strip(" .") == what.casefold().strip(" ."):
        found.append(Finding("inconsistency", "label-not-behaviour",
                             "‘What happened?’ repeats the legal label of the offence: "
                             "describe the behaviour",
                             "The same label can cover a single punch or a prolonged "
                             "attack in front of children; the behaviour tells them apart"))
    return found


def _report(parsed: Parsed, findings: list[Finding]) -> tuple[Block, ...]:
    reference = text(parsed, "reference")
    blocks: list[Block] = [
        Heading("Offence analysis" + (f": {reference}" if reference else ""), 3),
        SummaryList((("Offence as charged or convicted",
                      or_not_recorded(text(parsed, "offence"))),)),
        Table("Six questions", ("Question", "Answer", "Evidence"),
              tuple((q, or_not_recorded(text(parsed, name)),
                     _EVIDENCE_LABELS.get(text(parsed, f"{name}_evidence"), "Not recorded"))
                    for name, q, _ in QUESTIONS)),
    ]
    sources = rows(parsed, "sources")
    if sources:
        blocks.append(Table("Sources of information", ("Source", "What it adds"),
                            tuple((r.text("source"), or_not_recorded(r.text("note")))
                                  for r in sources)))
    else:
        blocks.append(Paragraph("No sources of information are recorded."))
    blocks.append(SummaryList((
        ("The person's own account", or_not_recorded(text(parsed, "account"))),
        ("Links with past behaviour", or_not_recorded(text(parsed, "pattern"))),
        ("Triggers and warning signs", or_not_recorded(text(parsed, "triggers"))),
        ("Who could be harmed in future", or_not_recorded(text(parsed, "at_risk"))),
    )))
    blocks += findings_blocks(findings, "analysis")
    blocks.append(Paragraph(
        "The six questions are a practice structure written for this guide (section 2.6), "
        "not an official model. They build on Scott (1977) and HF36."))
    return tuple(blocks)


def evaluate(parsed: Parsed) -> Outcome:
    findings = ordered(check(parsed))
    report = _report(parsed, findings)
    answered = [name for name, _, _ in QUESTIONS if text(parsed, name)]
    return Outcome(
        data={"answered": answered, "counts": counts(findings),
              "findings": findings_json(findings)},
        report=report,
        markdown=render_markdown(report),
    )
