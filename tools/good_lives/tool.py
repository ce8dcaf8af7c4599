"""Good Lives worksheet: for each primary good, how the person seeks it now, whether
offending is part of that, what stands in the way, and the plan.

In the Good Lives Model offending is an attempt to secure valued goods by
harmful means (goodlivesmodel.com), so the rules ask that every good linked to
offending has a plan for another route to it. Field names are permanent.
"""

from __future__ import annotations

from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import Block, BulletList, Heading, Outcome, Paragraph, SummaryList, Table
from tools.core.schema import Field, Section, Source, Tool
from tools.good_lives.goods import CITATION, GOODS, MEDIUM_NOTE, Good
from tools.reference.worksheet import (
    Finding,
    counts,
    findings_blocks,
    findings_json,
    flag,
    or_not_recorded,
    ordered,
    text,
)

_PARTS = ("now", "offending", "obstacles", "plan")
_LINK_WHY = ("The Good Lives Model sees offending as an attempt to get something the person "
             "values by harmful means; a plan that removes the harmful route without another "
             "route to the same good leaves the need in place")


def _good_section(number: int, good: Good) -> Section:
    return Section(f"{number}. {good.label}", (
        Field(f"{good.key}_now", "How does the person seek this now?", "textarea",
              required=False, hint="What they do, and who with"),
        Field(f"{good.key}_offending", "Is offending, or what leads to it, part of how "
              "they seek it?", "yes_no", required=False,
              noun=f"whether offending is part of how they seek "
                   f"{good.key.replace('_', ' ')}"),
        Field(f"{good.key}_obstacles", "What stands in the way of getting it without "
              "harm?", "textarea", required=False,
              hint="In the person, such as skills or beliefs, and around them, such as "
                   "housing or relationships"),
        Field(f"{good.key}_plan", "Plan", "textarea", required=False,
              hint="Steps towards this good that are safe for others, and who will help"),
    ), hint=MEDIUM_NOTE if good.medium else "")


TOOL = Tool(
    slug="good-lives",
    title="Good Lives worksheet",
    version=1,
    summary=(
        "Work through the eleven primary goods of the Good Lives Model (section 2.4.6) "
        "with the person: how they seek each one now, whether offending is part of that, "
        "what stands in the way and the plan. The worksheet lists the goods left "
        "unplanned; it does not score anything."
    ),
    submit_label="Check the worksheet",
    keeps_drafts=True,
    result_noun="worksheet",
    sources=(
        Source(CITATION),
        Source("Ward, T. and Stewart, C. (2003), who first proposed the Good Lives Model; "
               "summary by Bar-Ilan University, Positive Criminology",
               "https://positive-criminology.biu.ac.il/TheGoodLives.html"),
        Source("The Good Lives Model: offending as an attempt to secure primary goods by "
               "inappropriate means", "https://www.goodlivesmodel.com/information.shtml"),
    ),
    sections=(
        Section("About the worksheet", (
            Field("reference", "Case reference", "text", required=False, width="medium",
                  hint="Use initials or a case reference, not a full name"),
            Field("what_matters", "What the person says matters most to them", "textarea",
                  required=False, hint="In their words where you can"),
        )),
        *(_good_section(n, g) for n, g in enumerate(GOODS, start=1)),
    ),
)


def _answers(parsed: Parsed, good: Good) -> dict[str, str]:
    out = {part: text(parsed, f"{good.key}_{part}") for part in ("now", "obstacles", "plan")}
    linked = flag(parsed, f"{good.key}_offending")
    out["offending"] = "" if linked is None else ("yes" if linked else "no")
    return out


def _explored(answers: dict[str, str]) -> bool:
    return any(answers[p] for p in _PARTS)


def check(parsed: Parsed) -> list[Finding]:
    """What is missing from the worksheet, good by good."""
    by_good = {g.key: _answers(parsed, g) for g in GOODS}
    explored = [g for g in GOODS if _explored(by_good[g.key])]
    found: list[Finding] = []
    if not text(parsed, "what_matters"):
        found.append(Finding("gap", "person-view-missing",
                             "What the person says matters most to them is not recorded",
                             "The model is worked through with the person: the goods they "
                             "value, in their own terms, are where the plan starts"))
    if not explored:
        found.append(Finding("gap", "no-goods", "No primary good has been explored yet",
                             "The worksheet has nothing to plan from until at least one "
                             "good is explored with the person"))
        return found
    for g in explored:
        a = by_good[g.key]
        if a["offending"] == "yes" and not a["plan"]:
            found.append(Finding("gap", "linked-no-plan",
                                 f"{g.label}: offending is part of how the person seeks "
                                 "this, but there is no plan for another route to it",
                                 _LINK_WHY))
        if a["offending"] == "yes" and not a["now"]:
            found.append(Finding("gap", "linked-not-described",
                                 f"{g.label}: offending is part of how the person seeks "
                                 "this, but how they seek it now is not described",
                                 "Describing the route offending takes is what shows which "
                                 "need a safe route has to meet"))
        if a["obstacles"] and not a["plan"] and a["offending"] != "yes":
            found.append(Finding("gap", "obstacle-no-plan",
                                 f"{g.label}: obstacles are recorded but there is no plan",
                                 "An obstacle that no step addresses is likely to stay"))
    unanswered = [g.label for g in explored if not by_good[g.key]["offending"]]
    if unanswered:
        found.append(Finding("gap", "link-unanswered",
                             "Not recorded whether offending is part of how the person "
                             f"seeks: {'; '.join(unanswered)}", _LINK_WHY))
    return found


def _report(parsed: Parsed, findings: list[Finding]) -> tuple[Block, ...]:
    reference = text(parsed, "reference")
    answers = {g.key: _answers(parsed, g) for g in GOODS}
    explored = [g for g in GOODS if _explored(answers[g.key])]
    link = {"yes": "Yes", "no": "No", "": "Not recorded"}
    blocks: list[Block] = [
        Heading("Good Lives worksheet" + (f": {reference}" if reference else ""), 3),
        SummaryList((("What matters most to the person",
                      or_not_recorded(text(parsed, "what_matters"))),)),
    ]
    if explored:
        blocks.append(Table(
            "Primary goods explored",
            ("Primary good", "How it is sought now", "Offending part of it?", "Obstacles",
             "Plan"),
            tuple((g.label, or_not_recorded(answers[g.key]["now"]),
                   link[answers[g.key]["offending"]], or_not_recorded(answers[g.key]["obstacles"]),
                   or_not_recorded(answers[g.key]["plan"])) for g in explored)))
    rest = [g.label for g in GOODS if g not in explored]
    if rest:
        blocks += [Paragraph("Primary goods not explored yet:"), BulletList(tuple(rest))]
    blocks += findings_blocks(findings, "worksheet")
    blocks.append(Paragraph(
        "Primary goods from Ward and Maruna (2007), as described in section 2.4.6 of this "
        "guide; happiness and creativity come from secondary sources only."))
    return tuple(blocks)


def evaluate(parsed: Parsed) -> Outcome:
    """List the goods explored and what is left unplanned (gaps first)."""
    findings = ordered(check(parsed))
    explored = [g.key for g in GOODS if _explored(_answers(parsed, g))]
    linked = [g.key for g in GOODS if flag(parsed, f"{g.key}_offending") is True]
    report = _report(parsed, findings)
    return Outcome(
        data={"explored": explored, "linked_to_offending": linked,
              "counts": counts(findings), "findings": findings_json(findings)},
        report=report,
        markdown=render_markdown(report),
    )
