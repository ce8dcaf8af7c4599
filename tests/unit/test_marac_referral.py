"""MARAC referral (SafeLives criteria): the worked examples, each criterion at its
threshold, the local escalation threshold, the 12 months of a repeat at month ends
and leap days, and every message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.unit import test_fuzz_runtime
from tools.core.parse import parse_inputs
from tools.core.result import InvalidInput
from tools.marac_referral.tool import TOOL, evaluate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES: list[dict[str, Any]] = json.loads(
    (ROOT / "tools" / "marac_referral" / "fixtures" / "examples.json").read_text("utf-8")
)["examples"]
QUIET = {"dash_yes": "2", "police_incidents_12_months": "0", "professional_judgement": "no"}


def run(inputs: dict[str, str]) -> dict[str, Any]:
    parsed, errors = parse_inputs(TOOL, inputs)
    assert errors == []
    return evaluate(parsed).data


def met(data: dict[str, Any]) -> list[str]:
    return [key for key, c in data["criteria"].items() if c["met"]]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_worked_example(example: dict[str, Any]) -> None:
    data = run(example["inputs"])
    assert data["referral_indicated"] is example["expected"]["referral_indicated"]
    assert met(data) == example["expected"]["met"]


@pytest.mark.parametrize(("yes", "meets"), [(0, False), (13, False), (14, True), (24, True)])
def test_visible_high_risk_is_14_or_more_yes_answers(yes: int, meets: bool) -> None:
    data = run({**QUIET, "dash_yes": str(yes)})
    assert data["criteria"]["visible_high_risk"]["met"] is meets
    assert data["referral_indicated"] is meets


@pytest.mark.parametrize(("incidents", "threshold", "meets"), [
    (2, "", False), (3, "", True), (4, "5", False), (5, "5", True), (1, "1", True),
])
def test_potential_escalation_against_the_areas_threshold(
    incidents: int, threshold: str, meets: bool
) -> None:
    inputs = {**QUIET, "police_incidents_12_months": str(incidents)}
    if threshold:
        inputs["escalation_threshold"] = threshold
    data = run(inputs)
    assert data["criteria"]["potential_escalation"]["met"] is meets
    assert data["escalation_threshold"] == int(threshold or 3)


def test_professional_judgement_is_enough_on_its_own() -> None:
    data = run({**QUIET, "professional_judgement": "yes"})
    assert (met(data), data["referral_indicated"]) == (["professional_judgement"], True)


@pytest.mark.parametrize(("last", "new", "repeat"), [
    ("10/1/2026", "10/1/2026", True),     # the same day
    ("10/1/2026", "10/1/2027", True),     # the same date 12 months on: counted
    ("10/1/2026", "11/1/2027", False),    # the day after: a new referral
    ("29/2/2024", "28/2/2025", True),
    ("29/2/2024", "1/3/2025", True),      # no 29 February 2025: the later reading
    ("29/2/2024", "2/3/2025", False),
    ("31/1/2025", "31/1/2026", True),
    ("31/1/2025", "1/2/2026", False),
])
def test_a_repeat_is_an_incident_within_12_months_of_the_last_referral(
    last: str, new: str, repeat: bool
) -> None:
    data = run({**QUIET, "last_referral_date": last, "new_incident_date": new})
    assert data["criteria"]["repeat"]["met"] is repeat
    assert data["referral_indicated"] is repeat


def test_a_repeat_is_referred_whatever_the_counts_and_says_why() -> None:
    data = run({**QUIET, "last_referral_date": "10/1/2026", "new_incident_date": "9/11/2026"})
    assert data["criteria"]["repeat"]["reason"] == (
        "A new incident on 9 November 2026, within 12 months of the last referral on "
        "10 January 2026 (up to and including 10 January 2027): refer it again, whatever "
        "the local threshold")


def test_every_criterion_has_a_reason_and_the_lead_names_those_met() -> None:
    parsed, _ = parse_inputs(TOOL, {"dash_yes": "15", "police_incidents_12_months": "3",
                                    "professional_judgement": "yes"})
    outcome = evaluate(parsed)
    assert all(c["reason"] for c in outcome.data["criteria"].values())
    assert ("Refer to MARAC: visible high risk, potential escalation and professional "
            "judgement are met.") in outcome.markdown
    none = evaluate(parse_inputs(TOOL, QUIET)[0])
    assert none.data["referral_indicated"] is False
    assert none.data["criteria"]["repeat"]["reason"] == "No earlier referral to MARAC was entered"


@pytest.mark.parametrize(("inputs", "expected"), [
    ({}, [("dash_yes", "Enter the number of “yes” answers"),
          ("police_incidents_12_months", "Enter the number of incidents reported to the police"),
          ("professional_judgement",
           "Select whether you judge that the case should be referred")]),
    ({**QUIET, "dash_yes": "25"}, [("dash_yes", "The number of “yes” answers must be 24 or fewer")]),
    ({**QUIET, "dash_yes": "-1"}, [("dash_yes", "The number of “yes” answers must be 0 or more")]),
    ({**QUIET, "escalation_threshold": "0"},
     [("escalation_threshold", "Your area's escalation threshold must be 1 or more")]),
    ({**QUIET, "last_referral_date": "10/1/2026"},
     [("new_incident_date", "Enter the date of the new incident, or leave both dates blank "
                            "if the case has not been referred before")]),
    ({**QUIET, "new_incident_date": "10/1/2026"},
     [("last_referral_date", "Enter the date of the last referral, or leave both dates blank "
                             "if the case has not been referred before")]),
    ({**QUIET, "last_referral_date": "10/1/2026", "new_incident_date": "9/1/2026"},
     [("new_incident_date", "The date of the new incident must be the same as or after the "
                            "date of the last referral")]),
    ({**QUIET, "last_referral_date": "30/2/2026", "new_incident_date": "9/1/2026"},
     [("last_referral_date", "The date of the last referral must be a real date")]),
    ({**QUIET, "last_referral_date": "1/1/9999", "new_incident_date": "2/1/9999"},
     [("last_referral_date", "The date of the last referral must be before the year 9999")]),
])
def test_every_message(inputs: dict[str, str], expected: list[tuple[str, str]]) -> None:
    parsed, errors = parse_inputs(TOOL, inputs)
    if not errors:
        with pytest.raises(InvalidInput) as raised:
            evaluate(parsed)
        errors = raised.value.errors
    assert [(e.field, e.message) for e in errors] == expected


def test_no_dash_question_wording_is_reproduced() -> None:
    text = json.dumps([TOOL.summary, [(f.label, f.hint) for f in TOOL.fields()]])
    for theme in ("strangl", "choke", "pregnan", "kill", "weapon", "stalk", "jealous"):
        assert theme not in text.lower()


def test_the_field_names_are_the_permanent_ones() -> None:
    assert sorted(f.name for f in TOOL.fields()) == sorted([
        "dash_yes", "police_incidents_12_months", "professional_judgement",
        "last_referral_date", "new_incident_date", "escalation_threshold"])


def test_the_hypothesis_fuzz_covers_this_tool() -> None:
    assert TOOL in test_fuzz_runtime.TOOLS
    assert TOOL.slug in test_fuzz_runtime.ANSWERS
