"""op "import" is strict: a file is imported whole or not at all, and every problem is named."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tools.core.drafts import load_unique
from tools.core.runtime import handle

RMP = "risk-management-plan"
NOTHING = "Nothing was imported, so nothing has been lost"


def document(answers: dict[str, Any], **changes: Any) -> str:
    doc: dict[str, Any] = {
        "format": "risk-of-harm-guide/answers",
        "format_version": 1,
        "tool": RMP,
        "tool_version": 2,
        "saved_at": "2026-11-22T10:00:00Z",
        "answers": answers,
    }
    doc.update(changes)
    return json.dumps(doc, indent=2)


def imported(text: str) -> dict[str, Any]:
    response: dict[str, Any] = json.loads(handle(json.dumps(
        {"v": 1, "tool": RMP, "op": "import", "document": text})))
    return response


def refusal(text: str) -> str:
    response = imported(text)
    assert response["ok"] is False
    [error] = response["errors"]
    assert error["field"] == "import-file"
    message: str = error["message"]
    return message


def test_success_says_how_many_answers_were_imported() -> None:
    answers = {"rosh_public_community": "high", "at_risk": "children,staff", "plan_reference": "",
               "supervision.3.who": "  ", "explained_to_individual": "no"}
    assert imported(document(answers)) == {
        "v": 1, "ok": True, "inputs": answers, "imported": 3,
    }


def test_regression_duplicate_answer_names_are_refused() -> None:
    text = document({"rosh_public_community": "high"}).replace(
        '"rosh_public_community": "high"', '"rosh_public_community": "high", "rosh_public_community": "low"')
    assert refusal(text) == (
        f"The selected file is damaged: it has more than one value for rosh_public_community. {NOTHING}"
    )


def test_duplicate_keys_outside_the_answers_are_refused_too() -> None:
    text = document({"rosh_public_community": "high"}).replace('"tool_version": 2', '"tool_version": 2, '
                                                    '"tool_version": 2')
    assert "more than one value for tool_version" in refusal(text)


def test_load_unique_finds_duplicates_at_any_depth() -> None:
    value, duplicates = load_unique('{"a": {"b": 1, "b": 2}, "c": [{"d": 1, "d": 1}], "a": 0}')
    assert value == {"a": 0, "c": [{"d": 1}]}
    assert sorted(duplicates) == ["a", "b", "d"]


@pytest.mark.parametrize(
    ("answers", "named"),
    [
        ({"rosh_public_community": "extreme"}, "rosh_public_community (“extreme” is not one of the choices)"),
        ({"at_risk": "children,aliens"}, "at_risk (“aliens” is not one of the choices)"),
        ({"at_risk": "aliens,martians"},
         "at_risk (“aliens” and “martians” are not among the choices)"),
        ({"risk_factors.1.priority": "urgent"},
         "risk_factors.1.priority (“urgent” is not one of the choices)"),
        ({"explained_to_individual": "maybe"}, "explained_to_individual (“maybe” is not yes or no)"),
        ({"rosh_public_community": " high"}, "rosh_public_community (“ high” is not one of the choices)"),
        ({"assessment_summary": "a" * 100_001},
         "assessment_summary (it is longer than 100,000 characters)"),
    ],
)
def test_regression_values_the_page_cannot_show_are_refused(
    answers: dict[str, str], named: str
) -> None:
    assert refusal(document({"plan_reference": "AB", **answers})) == (
        f"The selected file has answers this page cannot accept: {named}. {NOTHING}. "
        "Check that you are on the page the file was saved from"
    )


def test_every_problem_is_named_up_to_five() -> None:
    answers = {f"risk_factors.{n}.priority": "urgent" for n in range(1, 8)}
    message = refusal(document(answers))
    assert message.count("(“urgent” is not one of the choices)") == 5
    assert "risk_factors.5.priority (“urgent” is not one of the choices) and 2 more." in message


def test_unknown_names_and_bad_values_are_named_together() -> None:
    message = refusal(document({"colour": "blue", "rosh_public_community": "extreme",
                                "supervision.21.what": "x"}))
    assert ("colour (this page does not ask for it), rosh_public_community (“extreme” is not one of the "
            "choices), supervision.21.what (Supervision has rows 1 to 20 only)") in message


def test_regression_an_import_nested_5000_deep() -> None:
    assert refusal("[" * 5000 + "]" * 5000) == (
        "The selected file has values nested more than 32 levels deep, so it cannot be a "
        "set of answers saved from this page"
    )


def test_a_file_nested_exactly_32_deep_is_read() -> None:
    nested = "[" * 31 + "]" * 31
    text = document({"rosh_public_community": "high"}).replace('"saved_at"', f'"extra": {nested}, "saved_at"')
    assert imported(text)["ok"] is True


def test_a_file_larger_than_1_mb() -> None:
    assert refusal(document({"rosh_public_community": "high"}) + " " * 1_000_000) == (
        "The selected file is larger than 1 MB, so it cannot be a set of answers saved from "
        "this page"
    )


def test_brackets_inside_answers_do_not_count_as_nesting() -> None:
    answers = {"assessment_summary": "[" * 100 + "{\"" * 100 + "\\"}
    assert imported(document(answers))["inputs"] == answers
