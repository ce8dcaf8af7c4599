"""MAPPA categories (CJA 2003 ss.325 and 327; category 4 from the MAPPA Guidance):
the worked examples, every qualifying disposal, the 12-month boundary, findings,
the lowest category where several apply, levels, and every message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.unit import test_fuzz_runtime
from tools.core.parse import parse_inputs
from tools.core.result import InvalidInput
from tools.mappa_category import rules
from tools.mappa_category.tool import TOOL, evaluate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES: list[dict[str, Any]] = json.loads(
    (ROOT / "tools" / "mappa_category" / "fixtures" / "examples.json").read_text("utf-8")
)["examples"]
NONE = {"notification": "no", "finding": "convicted", "offence": "schedule-15",
        "ra_serious_harm": "no"}


def run(inputs: dict[str, str]) -> dict[str, Any]:
    parsed, errors = parse_inputs(TOOL, inputs)
    assert errors == []
    return evaluate(parsed).data


def categories(data: dict[str, Any]) -> list[int]:
    return [g["category"] for g in data["grounds"]]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_worked_example(example: dict[str, Any]) -> None:
    data = run(example["inputs"])
    for key, expected in example["expected"].items():
        assert data[key] == expected, key


@pytest.mark.parametrize("disposal", ["imprisonment", "yoi", "dto", "s91"])
@pytest.mark.parametrize(("months", "category"), [(11, None), (12, 2), (13, 2)])
def test_custodial_disposals_qualify_at_12_months_or_more(
    disposal: str, months: int, category: int | None
) -> None:
    data = run({**NONE, "disposal": disposal, "term_months": str(months)})
    assert data["category"] == category
    if category:
        assert data["grounds"][0]["provision"] == "Criminal Justice Act 2003 s.327(3)"


@pytest.mark.parametrize("disposal", ["hmp", "dpp", "s228", "hospital", "guardianship"])
def test_disposals_that_qualify_whatever_their_length(disposal: str) -> None:
    assert run({**NONE, "disposal": disposal})["category"] == 2
    assert run({**NONE, "offence": "murder", "disposal": disposal})["category"] == 2


@pytest.mark.parametrize("disposal", ["community", "other"])
def test_a_community_sentence_for_a_schedule_15_offence_is_not_category_2(disposal: str) -> None:
    assert run({**NONE, "disposal": disposal})["category"] is None


def test_a_long_sentence_for_an_offence_outside_schedule_15_is_not_category_2() -> None:
    data = run({**NONE, "offence": "other", "disposal": "imprisonment", "term_months": "48"})
    assert data["category"] is None and data["grounds"] == []


@pytest.mark.parametrize("finding", ["insanity", "disability-did-act"])
@pytest.mark.parametrize(("disposal", "category"), [
    ("hospital", 2), ("guardianship", 2), ("community", None), ("other", None),
])
def test_a_finding_qualifies_only_with_hospital_or_guardianship(
    finding: str, disposal: str, category: int | None
) -> None:
    data = run({**NONE, "finding": finding, "disposal": disposal})
    assert data["category"] == category
    if category:
        assert data["grounds"][0]["provision"] == "Criminal Justice Act 2003 s.327(4)"


def test_category_1_whatever_the_offence_or_sentence() -> None:
    data = run({**NONE, "notification": "yes", "offence": "other", "disposal": "other"})
    assert (data["category"], categories(data)) == (1, [1])


def test_where_several_apply_every_ground_is_listed_and_the_lowest_is_the_category() -> None:
    data = run({"notification": "yes", "finding": "convicted", "offence": "murder",
                "disposal": "hmp", "ra_serious_harm": "yes", "terrorism_risk": "yes"})
    assert data["category"] == 1
    # Category 3 is only for people in neither 1 nor 2 (s.325(2)(b)).
    assert categories(data) == [1, 2, 4]
    assert data["grounds"][1]["text"] == (
        "Convicted of murder and given detention during His Majesty's pleasure")


def test_category_2_and_4_give_2() -> None:
    data = run({**NONE, "disposal": "dpp", "terrorism_risk": "yes"})
    assert (data["category"], categories(data)) == (2, [2, 4])


def test_category_3_needs_level_2_or_3_and_the_others_are_open_to_all_three() -> None:
    assert run({**NONE, "offence": "other", "disposal": "community",
                "ra_serious_harm": "yes"})["levels"] == [2, 3]
    assert rules.levels(1) == rules.levels(2) == rules.levels(4) == (1, 2, 3)
    assert rules.levels(None) == ()


def test_terrorism_risk_left_blank_means_no() -> None:
    data = run({**NONE, "offence": "other", "disposal": "community"})
    assert data == {"category": None, "grounds": [], "levels": []}


def test_category_4_cites_the_guidance_and_says_the_statute_was_not_read() -> None:
    parsed, _ = parse_inputs(TOOL, {**NONE, "offence": "other", "disposal": "other",
                                    "terrorism_risk": "yes"})
    outcome = evaluate(parsed)
    ground = outcome.data["grounds"][0]
    assert ground["category"] == 4 and "wording not checked" in ground["provision"]
    assert "MAPPA Guidance" in ground["provision"]
    assert "has not been checked" in outcome.markdown
    assert any("MAPPA Guidance" in s.citation and "was not read" in s.citation
               for s in TOOL.sources)


def test_the_result_says_what_changed_since_2011() -> None:
    parsed, _ = parse_inputs(TOOL, {**NONE, "disposal": "hospital"})
    markdown = evaluate(parsed).markdown
    assert "What changed since 2011" in markdown
    assert "disqualified from working with children" in markdown


@pytest.mark.parametrize(("inputs", "expected"), [
    ({}, [("notification", "Select whether they are subject to notification"),
          ("finding", "Select the outcome in court"), ("offence", "Select the offence"),
          ("disposal", "Select the sentence or order"),
          ("ra_serious_harm", "Select whether the responsible authority considers they may "
                              "cause serious harm")]),
    ({**NONE, "disposal": "dto"},
     [("term_months", "Enter the length of the custodial sentence in months, for example 12")]),
    ({**NONE, "disposal": "imprisonment", "term_months": "0"},
     [("term_months", "The length of the custodial sentence must be 1 or more")]),
    ({**NONE, "disposal": "imprisonment", "term_months": "twelve"},
     [("term_months", "The length of the custodial sentence must be a whole number, like 3")]),
    ({**NONE, "disposal": "teleport"}, [("disposal", "Select the sentence or order from the list")]),
])
def test_every_message(inputs: dict[str, str], expected: list[tuple[str, str]]) -> None:
    parsed, errors = parse_inputs(TOOL, inputs)
    if not errors:
        with pytest.raises(InvalidInput) as raised:
            evaluate(parsed)
        errors = raised.value.errors
    assert [(e.field, e.message) for e in errors] == expected


def test_a_term_given_for_a_disposal_that_needs_none_is_ignored() -> None:
    assert run({**NONE, "disposal": "hospital", "term_months": "3"})["category"] == 2


def test_the_field_names_and_keys_are_the_permanent_ones() -> None:
    assert [f.name for f in TOOL.fields()] == [
        "notification", "finding", "offence", "disposal", "term_months", "ra_serious_harm",
        "terrorism_risk"]
    assert [o.key for o in TOOL.field("finding").options] == [
        "convicted", "insanity", "disability-did-act"]
    assert [o.key for o in TOOL.field("offence").options] == ["murder", "schedule-15", "other"]
    assert [o.key for o in TOOL.field("disposal").options] == [
        "imprisonment", "yoi", "dto", "hmp", "dpp", "s91", "s228", "hospital", "guardianship",
        "community", "other"]
    assert TOOL.field("terrorism_risk").required is False


def test_the_hypothesis_fuzz_covers_this_tool() -> None:
    assert TOOL in test_fuzz_runtime.TOOLS
    assert TOOL.slug in test_fuzz_runtime.ANSWERS
