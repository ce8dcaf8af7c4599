"""A risk management plan as typed data, built from parsed form values.

The form's rows become numbered factors and actions. Cross-references ("this
action addresses risk factors 1, 3") are checked here, because they only make
sense once every group has been read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tools.core.dates import long_date
from tools.core.parse import Parsed, Row
from tools.core.result import FieldError, InvalidInput

#: The four pillars of risk management (MAPPA Guidance ch.12; Kemshall), in
#: the order plans list them: (group name, heading, phrase used in messages).
PILLARS: tuple[tuple[str, str, str], ...] = (
    ("supervision", "Supervision", "supervision"),
    ("monitoring_control", "Monitoring and control", "monitoring and control"),
    ("interventions_treatment", "Interventions and treatment", "interventions and treatment"),
    ("victim_safety", "Victim safety planning", "victim safety planning"),
)

#: OASys groups at risk of serious harm: key, label, phrase used in messages.
AT_RISK_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("children", "Children", "children"),
    ("public", "The public", "the public"),
    ("known_adult", "A known adult", "a known adult"),
    ("staff", "Staff", "staff"),
    ("prisoners", "Prisoners", "prisoners"),
)

#: Where a RoSH level applies (OASys rates each group in both): key, phrase.
SETTINGS: tuple[tuple[str, str], ...] = (
    ("community", "in the community"),
    ("custody", "in custody"),
)

#: The four OASys RoSH levels (domain-facts §1.2), lowest first: key, label.
ROSH_LEVELS: tuple[tuple[str, str], ...] = (
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("very_high", "Very high"),
)


def rosh_field_name(group: str, setting: str) -> str:
    """The permanent field name of one group's level in one setting ("rosh_children_custody")."""
    return f"rosh_{group}_{setting}"


_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\s)\s*")


@dataclass(frozen=True)
class Factor:
    """A numbered risk factor, protective factor or objective."""

    number: int
    description: str
    priority: str = ""  # risk factors only: "high", "medium", "low" or ""


@dataclass(frozen=True)
class Action:
    """One action under a pillar; `number` is the row number shown on the form."""

    pillar: str
    number: int
    what: str
    who: str
    by_when: str
    addresses: tuple[int, ...]
    strengthens: tuple[int, ...]


@dataclass(frozen=True)
class Contingency:
    """What to do if a warning sign appears, and who does it."""

    number: int
    trigger: str
    action: str
    who: str


@dataclass(frozen=True)
class Plan:
    reference: str
    plan_date: date
    review_date: date
    #: {(group key, setting key): level key} for every level recorded.
    rosh: dict[tuple[str, str], str]
    assessment_summary: str
    at_risk: tuple[str, ...]
    agencies: str
    risk_factors: tuple[Factor, ...]
    protective_factors: tuple[Factor, ...]
    objectives: tuple[Factor, ...]
    actions: dict[str, tuple[Action, ...]]  # by pillar group name, every pillar present
    contingency: tuple[Contingency, ...]
    explained_to_individual: bool | None
    agreed_with_individual: bool | None
    agreed_with_stakeholders: bool | None
    internal_controls: str
    rationale: str
    shared_with: str

    def all_actions(self) -> tuple[Action, ...]:
        return tuple(a for name, _, _ in PILLARS for a in self.actions[name])


def pillar_phrase(group: str) -> str:
    """How messages name a pillar ("monitoring and control")."""
    return next(phrase for name, _, phrase in PILLARS if name == group)


def _text(parsed: Parsed, name: str) -> str:
    value = parsed.get(name)
    return value if isinstance(value, str) else ""


def _flag(parsed: Parsed, name: str) -> bool | None:
    value = parsed.get(name)
    return value if isinstance(value, bool) else None


def _numbers(raw: str) -> tuple[int, ...] | None:
    """"1, 3" or "1 and 3" → (1, 3); None when anything else is in the box."""
    parts = [p for p in _SEPARATORS.split(raw.strip()) if p]
    if not all(p.isascii() and p.isdigit() and len(p) <= 9 for p in parts):
        return None
    return tuple(sorted({int(p) for p in parts}))


def _factors(rows: tuple[Row, ...]) -> tuple[Factor, ...]:
    return tuple(Factor(r.number, r.text("description"), r.text("priority")) for r in rows)


def joined(phrases: list[str]) -> str:
    """["children", "a known adult"] → "children and a known adult"."""
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def at_risk_phrase(keys: tuple[str, ...]) -> str:
    """The groups at risk as a phrase, in form order ("children and a known adult")."""
    return joined([phrase for key, _, phrase in AT_RISK_GROUPS if key in keys])


def numbers_phrase(kind: str, numbers: tuple[int, ...]) -> str:
    """(5,) → "risk factor 5"; (5, 7) → "risk factors 5 and 7"."""
    shown = [str(n) for n in numbers]
    if len(shown) == 1:
        return f"{kind} {shown[0]}"
    return f"{kind}s {joined(shown)}"


def _references(
    row: Row, group: str, cell: str, kind: str, known: set[int], errors: list[FieldError]
) -> tuple[int, ...]:
    """Read a cell of factor numbers and check each one exists."""
    name = f"{group}.{row.number}.{cell}"
    where = f"action {row.number} under {pillar_phrase(group)}"
    numbers = _numbers(row.text(cell))
    if numbers is None:
        errors.append(FieldError(
            name, f"Enter the {kind} numbers for {where} as numbers separated by commas, like 1, 3"
        ))
        return ()
    missing = tuple(n for n in numbers if n not in known)
    if missing:
        there = "there is no" if len(missing) == 1 else "there are no"
        errors.append(FieldError(
            name,
            f"{where[:1].upper()}{where[1:]} refers to {numbers_phrase(kind, missing)}, "
            f"but {there} {numbers_phrase(kind, missing)}",
        ))
    return numbers


def build_plan(parsed: Parsed) -> Plan:
    """Turn parsed values into a Plan, or raise InvalidInput with every problem."""
    errors: list[FieldError] = []
    risk_factors = _factors(parsed.groups["risk_factors"])
    protective = _factors(parsed.groups["protective_factors"])
    if not risk_factors:
        errors.append(FieldError("risk_factors.1.description", "Enter at least one risk factor"))
    risk_numbers = {f.number for f in risk_factors}
    protective_numbers = {f.number for f in protective}

    actions: dict[str, tuple[Action, ...]] = {}
    for group, _, _ in PILLARS:
        actions[group] = tuple(
            Action(
                pillar=group,
                number=row.number,
                what=row.text("what"),
                who=row.text("who"),
                by_when=row.text("by_when"),
                addresses=_references(row, group, "addresses", "risk factor",
                                      risk_numbers, errors),
                strengthens=_references(row, group, "strengthens", "protective factor",
                                        protective_numbers, errors),
            )
            for row in parsed.groups[group]
        )
    plan_date: date = parsed.get("plan_date")
    review_date: date = parsed.get("review_date")
    if review_date <= plan_date:
        errors.append(FieldError("review_date", "Review date must be after the date of the "
                                 f"plan, {long_date(plan_date)}"))
    if errors:
        raise InvalidInput(errors)

    at_risk = parsed.get("at_risk")
    rosh = {
        (group, setting): level
        for setting, _ in SETTINGS
        for group, _, _ in AT_RISK_GROUPS
        if (level := _text(parsed, rosh_field_name(group, setting)))
    }
    return Plan(
        reference=_text(parsed, "plan_reference"),
        plan_date=plan_date,
        review_date=review_date,
        rosh=rosh,
        assessment_summary=_text(parsed, "assessment_summary"),
        at_risk=at_risk if isinstance(at_risk, tuple) else (),
        agencies=_text(parsed, "agencies"),
        risk_factors=risk_factors,
        protective_factors=protective,
        objectives=_factors(parsed.groups["objectives"]),
        actions=actions,
        contingency=tuple(
            Contingency(r.number, r.text("trigger"), r.text("action"), r.text("who"))
            for r in parsed.groups["contingency"]
        ),
        explained_to_individual=_flag(parsed, "explained_to_individual"),
        agreed_with_individual=_flag(parsed, "agreed_with_individual"),
        agreed_with_stakeholders=_flag(parsed, "agreed_with_stakeholders"),
        internal_controls=_text(parsed, "internal_controls"),
        rationale=_text(parsed, "rationale"),
        shared_with=_text(parsed, "shared_with"),
    )
