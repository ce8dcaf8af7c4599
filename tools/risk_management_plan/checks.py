"""What a risk management plan shows of each HF36 performance criterion.

Each rule reads only what the plan records, and says in concrete terms what is
missing. Criteria that a plan's contents cannot show are "manual", with a
sentence on what to check or record instead. P16 has no wording in the source
text, so it is "not-given" and never checked.
"""

from __future__ import annotations

from collections.abc import Callable

from tools.core.result import CheckItem, Status
from tools.reference import hf36
from tools.risk_management_plan.model import (
    AT_RISK_GROUPS,
    SETTINGS,
    Action,
    Plan,
    at_risk_phrase,
    joined,
    numbers_phrase,
    pillar_phrase,
)

#: Groups named in the singular ("the public is", "a known adult is").
_SINGULAR = frozenset({"public", "known_adult"})
Rule = Callable[[Plan], tuple[Status, tuple[str, ...]]]
_QUOTE_LIMIT = 80


def quoted(text: str) -> str:
    """Free text shown inside a message, in curly quotes, cut if very long."""
    short = text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return f"“{short}”"


def _action_name(action: Action) -> str:
    return f"Action {action.number} under {pillar_phrase(action.pillar)} ({quoted(action.what)})"


def _result(gaps: list[str], met: str) -> tuple[Status, tuple[str, ...]]:
    return ("gap", tuple(gaps)) if gaps else ("met", (met,))


def _answered(value: bool | None, yes: str, no: str, unknown: str) -> tuple[bool, str]:
    if value is None:
        return False, unknown
    return value, yes if value else no


def _rosh_gaps(plan: Plan) -> list[str]:
    """What the per-group RoSH levels leave out or contradict (domain-facts §1.3)."""
    if not plan.rosh:
        return ["No RoSH level is recorded: record a level for each group at risk, in the "
                "community and in custody"]
    gaps: list[str] = []
    for key, label, _phrase in AT_RISK_GROUPS:
        rated = {setting: plan.rosh[(key, setting)] for setting, _ in SETTINGS
                 if (key, setting) in plan.rosh}
        if key in plan.at_risk and not rated:
            gaps.append(f"{label} {'is' if key in _SINGULAR else 'are'} selected as at risk, "
                        "but no RoSH level is recorded for them")
        raised = [where for setting, where in SETTINGS if rated.get(setting, "low") != "low"]
        if key not in plan.at_risk and raised:
            gaps.append(f"The RoSH level for {label.lower()} {joined(raised)} is above low, "
                        f"but {label.lower()} {'is' if key in _SINGULAR else 'are'} not "
                        "selected as at risk")
    return gaps


def _p1(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    gaps = _rosh_gaps(plan)
    if not plan.at_risk:
        gaps.insert(0, "Who is at risk is not recorded: select each group at risk of "
                       "serious harm")
    return _result(gaps, "The assessment summary, a RoSH level for each group at risk and "
                         "who is at risk are recorded")


def _p2(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    ok, text = _answered(
        plan.explained_to_individual,
        "Recorded as explained to the person",
        "You recorded that the risk and protective factors have not been explained to "
        "the person yet",
        "Not recorded whether the risk and protective factors have been explained to "
        "the person",
    )
    return ("met" if ok else "gap"), (text,)


def _p3(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    addressed = {n for a in plan.all_actions() for n in a.addresses}
    gaps = [
        f"Risk factor {f.number} ({quoted(f.description)}) is not addressed by any action"
        for f in plan.risk_factors
        if f.number not in addressed
    ]
    return _result(gaps, "Every risk factor is addressed by at least one action")


def _objectives_gap(plan: Plan) -> list[str]:
    return [] if plan.objectives else ["No objectives are recorded"]


def _p4(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    ok, text = _answered(
        plan.agreed_with_individual,
        "",
        "You recorded that the areas of risk and the objectives have not been agreed "
        "with the person yet",
        "Not recorded whether the areas of risk and the objectives have been agreed "
        "with the person",
    )
    gaps = _objectives_gap(plan) + ([] if ok else [text])
    return _result(gaps, "Objectives recorded and agreed with the person")


def _p5(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    gaps = []
    if not plan.actions["monitoring_control"]:
        gaps.append("No external controls are recorded: there is no monitoring and control "
                    "action. If none is needed, say why in the rationale")
    if not plan.internal_controls:
        gaps.append("No internal controls are recorded: say what the person will do to "
                    "manage their own risk")
    return _result(gaps, "External controls (monitoring and control actions) and internal "
                          "controls are recorded")


def _p6(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    if not plan.protective_factors:
        return "gap", ("No protective factors are recorded",)
    strengthened = sorted({n for a in plan.all_actions() for n in a.strengthens})
    if not strengthened:
        return "gap", ("Protective factors are recorded, but no action strengthens any of "
                       "them",)
    shown = numbers_phrase("protective factor", tuple(strengthened))
    return "met", (f"Actions strengthen {shown}",)


def _p7(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    if not plan.rationale:
        return "gap", ("No rationale is recorded: say why the actions are proportionate "
                       "to the risk and can be defended",)
    return "met", ("A rationale is recorded",)


def _p9(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    if not plan.agencies:
        return "gap", ("No contributing agencies are recorded",)
    return "met", ("Contributing agencies are recorded",)


def _p10(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    gaps = [
        f"Risk factor {f.number} ({quoted(f.description)}) has no priority"
        for f in plan.risk_factors
        if not f.priority
    ]
    return _result(gaps, "Every risk factor has a priority")


def _p11(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    ok, text = _answered(
        plan.agreed_with_stakeholders,
        "",
        "You recorded that the risk factors and objectives have not been agreed with the "
        "agencies and people involved yet",
        "Not recorded whether the agencies and people involved have agreed the risk "
        "factors and objectives",
    )
    gaps = _objectives_gap(plan) + ([] if ok else [text])
    return _result(gaps, "Risk factors and objectives agreed with the agencies and people "
                         "involved")


def _p13(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    if not plan.contingency:
        return "gap", ("No contingency plan is recorded: add at least one trigger and the "
                       "action to take if it happens",)
    gaps: list[str] = []
    for c in plan.contingency:
        name = f"Contingency action {c.number} ({quoted(c.action)})"
        if not c.trigger:
            gaps.append(f"{name} has no trigger: say what event or warning sign sets it off")
        if not c.who:
            gaps.append(f"{name} has no owner: say who will act")
    return _result(gaps, "A contingency plan is recorded, each action with its trigger "
                         "and owner")


def _victim_gap(plan: Plan) -> list[str]:
    if not plan.at_risk or plan.actions["victim_safety"]:
        return []
    groups = at_risk_phrase(plan.at_risk)
    singular = len(plan.at_risk) == 1 and plan.at_risk[0] in ("public", "known_adult")
    return [f"{groups[:1].upper()}{groups[1:]} {'is' if singular else 'are'} recorded as at "
            "risk, but there is no victim safety planning action"]


def _p14(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    actions = plan.all_actions()
    if not actions:
        return "gap", ("No actions are recorded under any of the four pillars",)
    gaps: list[str] = []
    for a in actions:
        if not a.who:
            gaps.append(f"{_action_name(a)} has no owner: say who will do it")
        if not a.by_when:
            gaps.append(f"{_action_name(a)} has no date or timescale: say by when")
    gaps += _victim_gap(plan)
    return _result(gaps, "Every action has an owner and a date or timescale")


def _p15(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    if not plan.actions["interventions_treatment"]:
        return "gap", ("No interventions and treatment actions are recorded: record any "
                       "specialist help needed, or say in the rationale why none is",)
    return "met", ("Interventions and treatment actions are recorded. Check that specialist "
                   "help has been arranged wherever it is needed",)


def _p18(plan: Plan) -> tuple[Status, tuple[str, ...]]:
    if not plan.shared_with:
        return "gap", ("Not recorded who the plan has been shared with",)
    return "met", ("Recorded who the plan has been shared with",)


def _manual(text: str) -> Rule:
    def rule(_plan: Plan) -> tuple[Status, tuple[str, ...]]:
        return "manual", (text,)

    return rule


RULES: dict[str, Rule] = {
    "P1": _p1,
    "P2": _p2,
    "P3": _p3,
    "P4": _p4,
    "P5": _p5,
    "P6": _p6,
    "P7": _p7,
    "P8": _manual("A plan cannot show this. Record in the case notes when, and to whom, "
                  "you passed on any urgent concern about harm to others or to the person"),
    "P9": _p9,
    "P10": _p10,
    "P11": _p11,
    "P12": _manual("The plan records the options chosen, not the ones weighed. Note in the "
                   "case record the other options you considered and why you set them aside"),
    "P13": _p13,
    "P14": _p14,
    "P15": _p15,
    "P17": _manual("A plan cannot show this. Check that the plan is saved in the case "
                   "record as your organisation requires, and updated when anything changes"),
    "P18": _p18,
    "P19": _manual("Check the plan against your organisation's strategy for managing risk "
                   "of harm and, where they apply, the MAPPA arrangements"),
}

_NOT_GIVEN_DETAIL = ("The HF36 text this guide works from gives no wording for this "
                     "criterion, so it is not checked")


def check_plan(plan: Plan) -> tuple[CheckItem, ...]:
    """One finding per HF36 performance criterion, P1 to P19, in order."""
    items = []
    for c in hf36.CRITERIA:
        if c.code in hf36.NOT_GIVEN:
            items.append(CheckItem(c.code, c.label, "not-given", (_NOT_GIVEN_DETAIL,)))
            continue
        status, details = RULES[c.code](plan)
        items.append(CheckItem(c.code, c.label, status, details))
    return tuple(items)


def counts(checks: tuple[CheckItem, ...]) -> dict[str, int]:
    """How many criteria have each status."""
    statuses: tuple[Status, ...] = ("met", "gap", "manual", "not-given")
    return {s: sum(1 for c in checks if c.status == s) for s in statuses}


def findings(checks: tuple[CheckItem, ...]) -> list[tuple[str, str]]:
    """Every gap message with its criterion code, in criterion order."""
    return [(c.code, d) for c in checks if c.status == "gap" for d in c.details]
