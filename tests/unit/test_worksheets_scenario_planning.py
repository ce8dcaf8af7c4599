"""Scenario planning worksheet: prompts of our own (no official template claimed),
each finding rule with a trigger and a near miss, and the report."""

from __future__ import annotations

import pytest

from tests.unit.worksheets import call, codes, examples, outcome, report_text
from tools.scenario_planning import TOOL

SLUG = "scenario-planning"
BASE: dict[str, str] = examples(SLUG)["three-scenarios"]["inputs"]


def variant(drop: tuple[str, ...] = (), **changes: str) -> dict[str, str]:
    inputs = {k: v for k, v in BASE.items() if not k.startswith(drop)} if drop else dict(BASE)
    inputs.update(changes)
    return inputs


def test_it_claims_no_official_template() -> None:
    assert "does not reproduce one" in TOOL.summary
    assert "not an official template" in report_text(outcome(SLUG, BASE))
    [group] = TOOL.repeats()
    assert group.name == "scenarios" and group.max_rows == 8


@pytest.mark.parametrize("part", ["nature", "victims", "seriousness", "timing",
                                  "warning_signs", "prevention"])
def test_each_missing_part_is_named(part: str) -> None:
    result = outcome(SLUG, variant(drop=(f"scenarios.2.{part}",)))
    [finding] = result["findings"]
    assert finding["code"] == "part-missing"
    assert finding["message"].startswith("Scenario 2 (‘Worse: serious injury with a weapon’)")


def test_a_scenario_without_evidence_is_speculation() -> None:
    assert codes(SLUG, variant(drop=("scenarios.3.evidence",))) == ["evidence-missing"]


def test_a_scenario_without_a_contingency_action() -> None:
    assert codes(SLUG, variant(drop=("scenarios.1.contingency",))) == ["contingency-missing"]


def test_one_scenario_is_not_enough_but_two_are() -> None:
    assert codes(SLUG, variant(drop=("scenarios.2", "scenarios.3"))) == ["one-scenario"]
    assert codes(SLUG, variant(drop=("scenarios.3",))) == []


def test_a_review_point() -> None:
    assert codes(SLUG, variant(drop=("review",))) == ["review-missing"]


def test_a_row_without_a_name_is_a_field_error() -> None:
    response = call(SLUG, {"scenarios.1.nature": "Harm"})
    assert response == {"v": 1, "ok": False, "errors": [
        {"field": "scenarios.1.name", "message": "Enter a short name for the scenario"}]}


def test_report_has_one_section_per_scenario_and_markdown() -> None:
    result = outcome(SLUG, BASE)
    headings = [b["text"] for b in result["report"] if b["type"] == "heading"]
    assert headings[1:4] == ["Scenario 1: Most likely: drinks again and fights",
                             "Scenario 2: Worse: serious injury with a weapon",
                             "Scenario 3: Better: stays sober and works"]
    assert result["scenarios"] == 3
    assert "## Scenario 2: Worse: serious injury with a weapon" in result["markdown"]
