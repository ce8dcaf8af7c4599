"""Offence analysis worksheet: the six questions (a practice structure, claimed as no
official model), each finding rule with a trigger and a near miss, and the report."""

from __future__ import annotations

import pytest

from tests.unit.worksheets import codes, examples, outcome, report_text
from tools.offence_analysis import TOOL
from tools.offence_analysis.tool import QUESTIONS

SLUG = "offence-analysis"
BASE: dict[str, str] = examples(SLUG)["complete-analysis"]["inputs"]


def variant(drop: tuple[str, ...] = (), **changes: str) -> dict[str, str]:
    inputs = {k: v for k, v in BASE.items() if not k.startswith(drop)} if drop else dict(BASE)
    inputs.update(changes)
    return inputs


def test_it_claims_no_official_model() -> None:
    assert "not an official model" in TOOL.summary
    assert "not an official model" in report_text(outcome(SLUG, BASE))
    assert [q[0] for q in QUESTIONS] == ["what", "where", "when", "who", "how", "why"]


@pytest.mark.parametrize("name", ["what", "where", "when", "who", "how", "why"])
def test_each_unanswered_question_is_a_gap(name: str) -> None:
    assert codes(SLUG, variant(drop=(f"{name}",))) == [f"{name}-missing"]


def test_an_answer_without_its_evidence_rating() -> None:
    result = outcome(SLUG, variant(drop=("where_evidence", "how_evidence")))
    [finding] = result["findings"]
    assert finding["code"] == "evidence-unrated"
    assert finding["message"] == "Say how strong the evidence is for ‘Where?’, ‘How?’"


def test_no_sources() -> None:
    assert codes(SLUG, variant(drop=("sources.",))) == ["no-sources"]


@pytest.mark.parametrize(("name", "code"), [
    ("account", "account-missing"), ("pattern", "pattern-missing"),
    ("triggers", "triggers-missing"), ("at_risk", "at-risk-missing"),
])
def test_beyond_the_offence(name: str, code: str) -> None:
    assert codes(SLUG, variant(drop=(name,))) == [code]


def test_disputed_evidence_needs_two_sources() -> None:
    assert codes(SLUG, variant(drop=("sources.2",), why_evidence="disputed")) == [
        "disputed-one-source"]
    # near miss: disputed with two sources
    assert codes(SLUG, variant(why_evidence="disputed")) == []


def test_the_legal_label_is_not_the_behaviour() -> None:
    assert codes(SLUG, variant(what="Assault occasioning actual bodily harm")) == [
        "label-not-behaviour"]
    # near miss: the label inside a fuller description
    assert codes(SLUG, variant(what="Assault occasioning actual bodily harm: kicked him "
                                    "repeatedly on the ground")) == []


def test_report_rows_and_markdown() -> None:
    result = outcome(SLUG, BASE)
    table = next(b for b in result["report"] if b.get("caption") == "Six questions")
    assert table["rows"][5] == ["Why?", BASE["why"], "Weak"]
    assert result["answered"] == ["what", "where", "when", "who", "how", "why"]
    assert "| Interview with Person A | Minimises the kicking |" in result["markdown"]
