"""The plan and its HF36 findings as report blocks: a clean printable document.

Every cell is plain text; the page renders it with textContent and the
Markdown export escapes it, so a reader's text can never become markup.
"""

from __future__ import annotations

from tools.core.dates import long_date
from tools.core.result import (
    Block,
    BulletList,
    CheckItem,
    CheckList,
    Heading,
    Paragraph,
    SummaryList,
    Table,
)
from tools.reference import hf36
from tools.risk_management_plan.model import (
    AT_RISK_GROUPS,
    PILLARS,
    ROSH_LEVELS,
    SETTINGS,
    Action,
    Factor,
    Plan,
    at_risk_phrase,
    numbers_phrase,
)

NOT_RECORDED = "Not recorded"
_ROSH_LABELS = dict(ROSH_LEVELS)
_PRIORITY_LABELS = {"high": "High", "medium": "Medium", "low": "Low", "": NOT_RECORDED}


def _or_not_recorded(text: str) -> str:
    return text or NOT_RECORDED


def _yes_no(value: bool | None) -> str:
    return NOT_RECORDED if value is None else ("Yes" if value else "No")


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _lead(checks: tuple[CheckItem, ...]) -> str:
    met = sum(1 for c in checks if c.status == "met")
    gaps = sum(1 for c in checks if c.status == "gap")
    manual = sum(1 for c in checks if c.status == "manual")
    shown = f"all {met}" if not gaps else f"{met} of the {met + gaps}"
    text = f"The plan shows {shown} criteria that a plan's contents can show."
    if gaps:
        text += (f" {_plural(gaps, 'criterion has', 'criteria have')} gaps, listed under "
                 "the findings below the plan.")
    text += (f" {_plural(manual, 'criterion needs', 'criteria need')} checking by hand, "
             "and P16 is not given in the source text.")
    return text


def _addressed_by(factor: Factor, actions: tuple[Action, ...], cell: str) -> str:
    headings = {name: heading for name, heading, _ in PILLARS}
    linked = [
        f"{headings[a.pillar]} action {a.number}"
        for a in actions
        if factor.number in (a.addresses if cell == "addresses" else a.strengthens)
    ]
    return "; ".join(linked) or "No action"


def _links(action: Action) -> str:
    parts = []
    if action.addresses:
        parts.append(numbers_phrase("risk factor", action.addresses))
    if action.strengthens:
        parts.append("strengthens " + numbers_phrase("protective factor", action.strengthens))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] if text else "None recorded"


def _factor_tables(plan: Plan) -> list[Block]:
    actions = plan.all_actions()
    blocks: list[Block] = [Table(
        "Risk factors",
        ("No.", "Risk factor", "Priority", "Addressed by"),
        tuple((str(f.number), f.description, _PRIORITY_LABELS[f.priority],
               _addressed_by(f, actions, "addresses")) for f in plan.risk_factors),
    )]
    if plan.protective_factors:
        blocks.append(Table(
            "Protective factors",
            ("No.", "Protective factor", "Strengthened by"),
            tuple((str(f.number), f.description, _addressed_by(f, actions, "strengthens"))
                  for f in plan.protective_factors),
        ))
    else:
        blocks.append(Paragraph("No protective factors are recorded."))
    if plan.objectives:
        blocks.append(Table("Objectives", ("No.", "Objective"),
                            tuple((str(o.number), o.description) for o in plan.objectives)))
    else:
        blocks.append(Paragraph("No objectives are recorded."))
    return blocks


def _action_tables(plan: Plan) -> list[Block]:
    blocks: list[Block] = []
    for name, heading, phrase in PILLARS:
        rows = tuple(
            (a.what, _or_not_recorded(a.who), _or_not_recorded(a.by_when), _links(a))
            for a in plan.actions[name]
        )
        if rows:
            blocks.append(Table(heading, ("What", "Who", "By when", "Addresses"), rows))
        else:
            blocks.append(Paragraph(f"No {phrase} actions are recorded."))
    if plan.contingency:
        blocks.append(Table(
            "Contingency plan",
            ("Trigger", "Action", "Who"),
            tuple((_or_not_recorded(c.trigger), c.action, _or_not_recorded(c.who))
                  for c in plan.contingency),
        ))
    else:
        blocks.append(Paragraph("No contingency plan is recorded."))
    return blocks


def _about(plan: Plan) -> SummaryList:
    groups = at_risk_phrase(plan.at_risk)
    return SummaryList((
        ("Plan reference", _or_not_recorded(plan.reference)),
        ("Date of the plan", long_date(plan.plan_date)),
        ("Review date", long_date(plan.review_date)),
        ("Who is at risk", _or_not_recorded(groups[:1].upper() + groups[1:])),
        ("Summary of the assessment", plan.assessment_summary),
        ("Agencies contributing", _or_not_recorded(plan.agencies)),
        ("Internal controls", _or_not_recorded(plan.internal_controls)),
    ))


def _rosh_table(plan: Plan) -> Table:
    """The RoSH level of each group in each setting, as OASys records them."""
    return Table(
        "Risk of serious harm (RoSH) levels",
        ("Group", *(where[:1].upper() + where[1:] for _, where in SETTINGS)),
        tuple(
            (label, *(_ROSH_LABELS.get(plan.rosh.get((key, setting), ""), NOT_RECORDED)
                      for setting, _ in SETTINGS))
            for key, label, _ in AT_RISK_GROUPS
        ),
    )


def _findings(checks: tuple[CheckItem, ...]) -> list[Block]:
    """Gaps first: a list of every gap, then each element's criteria, gaps at the top."""
    blocks: list[Block] = [Heading("Findings against HF36", 4)]
    gaps = [f"{c.code}: {detail}" for c in checks if c.status == "gap" for detail in c.details]
    if gaps:
        blocks += [Paragraph("Gaps to fill:"), BulletList(tuple(gaps))]
    for element, caption in hf36.ELEMENTS.items():
        codes = {c.code for c in hf36.CRITERIA if c.element == element}
        # Gaps first (what the reader must act on), then the rest in criterion order.
        items = sorted((c for c in checks if c.code in codes), key=lambda c: c.status != "gap")
        blocks.append(CheckList(caption, tuple(items)))
    return blocks


def _agreement(plan: Plan) -> SummaryList:
    return SummaryList((
        ("Factors explained to the person", _yes_no(plan.explained_to_individual)),
        ("Areas of risk and objectives agreed with the person",
         _yes_no(plan.agreed_with_individual)),
        ("Risk factors and objectives agreed with those involved",
         _yes_no(plan.agreed_with_stakeholders)),
        ("Why the actions are proportionate and defensible", _or_not_recorded(plan.rationale)),
        ("Shared with", _or_not_recorded(plan.shared_with)),
    ))


def plan_report(plan: Plan, checks: tuple[CheckItem, ...]) -> tuple[Block, ...]:
    """The plan first (what is printed and shared), then what it shows of HF36, gaps first."""
    title = "Risk management plan" + (f": {plan.reference}" if plan.reference else "")
    blocks: list[Block] = [
        Heading(title, 3),
        Paragraph(_lead(checks), "lead"),
        Heading("The plan", 4),
        _about(plan),
        _rosh_table(plan),
    ]
    blocks += _factor_tables(plan)
    blocks += _action_tables(plan)
    blocks += [Heading("Agreement and communication", 4), _agreement(plan)]
    blocks += _findings(checks)
    blocks.append(Paragraph(
        f"Criteria paraphrased from {hf36.CITATION}. The four pillars and contingency "
        "planning follow MAPPA Guidance chapter 12. RoSH levels per group, in the community "
        "and in custody, as OASys records them."
    ))
    return tuple(blocks)
