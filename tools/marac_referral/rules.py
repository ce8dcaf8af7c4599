"""The four SafeLives Marac referral criteria, each met or not, with its reason.

Sources: SafeLives Marac referral form (2015) and "Marac Referral Criteria:
Definitions" (visible high risk: 14 or more "yes" answers on the SafeLives Dash
risk checklist; potential escalation: 3 incidents in 12 months as the common
starting point, set locally; professional judgement alone is enough); SafeLives
"Definition of a repeat Marac" (current version: any instance of abuse between
the same victim and perpetrator within 12 months of the last referral). Pure:
counts and dates in, findings out. No Dash question wording is reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tools.core.dates import long_date

#: The SafeLives Dash risk checklist has 24 questions.
DASH_QUESTIONS = 24
#: Visible high risk: 14 or more "yes" answers (SafeLives).
VISIBLE_HIGH_RISK_YES = 14
#: Potential escalation: the common starting point, which areas set for themselves.
DEFAULT_ESCALATION_THRESHOLD = 3
#: Repeat: a new incident within 12 months of the last referral.
REPEAT_MONTHS = 12


@dataclass(frozen=True)
class Criterion:
    """One referral criterion: whether it is met, and why, in plain English."""

    key: str
    label: str
    met: bool
    reason: str

    def to_json(self) -> dict[str, object]:
        return {"met": self.met, "reason": self.reason}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def visible_high_risk(dash_yes: int) -> Criterion:
    met = dash_yes >= VISIBLE_HIGH_RISK_YES
    reason = (f"{_count(dash_yes, '“yes” answer', '“yes” answers')} on the DASH risk "
              f"checklist: {'at or above' if met else 'below'} the "
              f"{VISIBLE_HIGH_RISK_YES} that SafeLives sets for a referral")
    return Criterion("visible_high_risk", "Visible high risk", met, reason)


def potential_escalation(incidents: int, threshold: int) -> Criterion:
    met = incidents >= threshold
    reason = (f"{_count(incidents, 'incident', 'incidents')} reported to the police in the "
              f"past 12 months: {'at or above' if met else 'below'} this area's threshold "
              f"of {threshold}")
    return Criterion("potential_escalation", "Potential escalation", met, reason)


def professional_judgement(referring: bool) -> Criterion:
    reason = ("You judge that the case should be referred: that is enough on its own; "
              "record why" if referring else
              "You did not judge that the case should be referred whatever the counts")
    return Criterion("professional_judgement", "Professional judgement", referring, reason)


def repeat(last_referral: date | None, new_incident: date | None,
           repeat_until: date | None) -> Criterion:
    """Within 12 months of the last referral; `repeat_until` is the last such day."""
    label = "Repeat MARAC"
    if last_referral is None or new_incident is None or repeat_until is None:
        return Criterion("repeat", label, False, "No earlier referral to MARAC was entered")
    met = new_incident <= repeat_until
    if met:
        reason = (f"A new incident on {long_date(new_incident)}, within 12 months of the "
                  f"last referral on {long_date(last_referral)} (up to and including "
                  f"{long_date(repeat_until)}): refer it again, whatever the local "
                  "threshold")
    else:
        reason = (f"The new incident on {long_date(new_incident)} is more than 12 months "
                  f"after the last referral on {long_date(last_referral)} (the last day "
                  f"was {long_date(repeat_until)}): the other criteria decide whether it "
                  "is a new referral")
    return Criterion("repeat", label, met, reason)
