"""op "restore" is lenient: every answer the page can show comes back, the rest are named."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tools.core import drafts, restore
from tools.core.restore import DRAFT_FORMAT, FORMAT_MIGRATIONS, from_format_0, read_draft
from tools.core.runtime import handle
from tools.core.schema import Field, Section, Tool
from tools.risk_management_plan import TOOL

RMP = "risk-management-plan"
SAVED_AT = "2026-11-30T18:04:00.000Z"


def draft(answers: Any, **changes: Any) -> str:
    stored: dict[str, Any] = {
        "format": DRAFT_FORMAT,
        "format_version": 1,
        "tool": RMP,
        "tool_version": 2,
        "saved_at": SAVED_AT,
        "answers": answers,
    }
    stored.update(changes)
    return json.dumps(stored)


def restored(text: str) -> dict[str, Any]:
    response: dict[str, Any] = json.loads(handle(json.dumps(
        {"v": 1, "tool": RMP, "op": "restore", "draft": text})))
    assert "detail" not in response
    return response


def unreadable(text: str) -> str:
    response = restored(text)
    assert response["ok"] is False
    [error] = response["errors"]
    assert error["field"] == "draft"
    message: str = error["message"]
    assert message.startswith("This saved draft could not be read (") and message.endswith(")")
    return message.removeprefix("This saved draft could not be read (").removesuffix(")")


def test_a_complete_draft_is_restored_in_full() -> None:
    answers = {"rosh_public_community": "high", "at_risk": "children", "supervision.20.what": "x",
               "plan_reference": ""}
    assert restored(draft(answers)) == {
        "v": 1, "ok": True, "inputs": answers, "restored": 3, "not_restored": [],
        "saved_at": SAVED_AT, "message": "",
    }


def test_regression_unknown_names_and_bad_values_are_named_not_dropped() -> None:
    response = restored(draft({"rosh_public_community": "extreme", "foo": "bar",
                               "supervision.1.what": "Weekly"}))
    assert response["inputs"] == {"supervision.1.what": "Weekly"}
    assert response["restored"] == 1
    assert response["not_restored"] == [
        {"name": "foo", "reason": "this page does not ask for it"},
        {"name": "rosh_public_community", "reason": "“extreme” is not one of the choices"},
    ]
    assert response["message"] == (
        "2 answers could not be restored: foo (this page does not ask for it), rosh_public_community "
        "(“extreme” is not one of the choices)"
    )


def test_one_answer_not_restored_is_singular() -> None:
    assert restored(draft({"at_risk": "children,aliens"}))["message"] == (
        "1 answer could not be restored: at_risk (“aliens” is not one of the choices)"
    )


def test_blank_answers_that_do_not_fit_are_not_worth_a_message() -> None:
    response = restored(draft({"old_field": "", "supervision.30.who": "  ", "rosh_public_community": None}))
    assert response["ok"] is True
    assert response["inputs"] == {} and response["not_restored"] == []


def test_answers_that_are_not_text_are_named() -> None:
    response = restored(draft({"rosh_public_community": 3, "at_risk": ["children"]}))
    assert response["not_restored"] == [
        {"name": "at_risk", "reason": "it is not text"},
        {"name": "rosh_public_community", "reason": "it is not text"},
    ]


def test_a_missing_or_odd_saved_at_is_empty() -> None:
    assert restored(draft({}, saved_at=5))["saved_at"] == ""
    stored = json.loads(draft({}))
    del stored["saved_at"]
    assert restored(json.dumps(stored))["saved_at"] == ""


# ---- format version 0 (drafts from before the format field) ----------------------

def test_regression_legacy_draft_is_migrated_explicitly() -> None:
    legacy = {"answers": {"rosh_public_community": "medium", "risk_level": "x"}, "saved_at": SAVED_AT}
    assert from_format_0(legacy, TOOL) == {
        "format": DRAFT_FORMAT, "format_version": 1, "tool": RMP, "tool_version": 1,
        "saved_at": SAVED_AT, "answers": {"rosh_public_community": "medium", "risk_level": "x"},
    }
    assert FORMAT_MIGRATIONS[0] is from_format_0
    response = restored(json.dumps(legacy))
    assert response["inputs"] == {"rosh_public_community": "medium"}
    assert response["message"] == (
        "1 answer could not be restored: risk_level (this page does not ask for it)"
    )


def test_regression_legacy_draft_with_answers_null() -> None:
    assert unreadable('{"answers": null}') == "its answers are missing or damaged"


def test_a_legacy_draft_reads_as_the_current_format() -> None:
    assert read_draft(TOOL, json.dumps({"answers": {}, "saved_at": SAVED_AT})) == json.loads(
        draft({}, tool_version=1))


# ---- drafts that cannot be read at all ---------------------------------------------

@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "it is empty"),
        ("{\"answers\": ", "it is damaged: it is not valid JSON"),
        ("[]", "it is not a draft saved by this guide"),
        ("null", "it is not a draft saved by this guide"),
        (draft({}, format="risk-of-harm-guide/answers"), "it is not a draft saved by this guide"),
        (draft({}, format_version="1"), "it is not a draft saved by this guide"),
        (draft({}, format_version=True), "it is not a draft saved by this guide"),
        (draft({}, format_version=0), "it is not a draft saved by this guide"),
        (draft({}, tool_version=1.0), "it is not a draft saved by this guide"),
        (draft({}, tool=None), "it is not a draft saved by this guide"),
        (draft([]), "its answers are missing or damaged"),
        (draft({}, tool="ogrs3"),
         "it holds answers for OGRS3 calculator, not Risk management plan checklist"),
        (draft({}, tool="nope"),
         "it holds answers for another tool (‘nope’), not Risk management plan checklist"),
        (draft({}, format_version=2), "it was saved in draft format version 2 by a newer "
         "version of the guide; this page reads format version 1"),
        (draft({}, tool_version=3), "it was saved by version 3 of Risk management plan "
         "checklist, which is newer than version 2 on this page"),
        ("[" * 5000, "it has values nested more than 32 levels deep, so it cannot be a "
                        "draft saved from this page"),
        (draft({}) + " " * 1_000_000,
         "it is larger than 1 MB, so it cannot be a draft saved from this page"),
    ],
)
def test_unreadable_drafts_say_why(text: str, reason: str) -> None:
    assert unreadable(text) == reason


def test_a_restore_request_needs_the_draft_as_text() -> None:
    response = json.loads(handle(json.dumps({"v": 1, "tool": RMP, "op": "restore"})))
    assert response["errors"] == [
        {"field": None, "message": "A restore request needs \"draft\" as a string."}
    ]


# ---- tool versions -----------------------------------------------------------------

NEWER = Tool(RMP, "Fake plan", 2, "", (Section("Only", (Field("full_name", "Name", "text"),)),))


def test_an_older_tool_version_is_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    def rename(answers: dict[str, str]) -> dict[str, str]:
        return {("full_name" if k == "name" else k): v for k, v in answers.items()}

    monkeypatch.setitem(drafts.MIGRATIONS, RMP, {1: rename})
    kept = restore.restore(NEWER, draft({"name": "A", "gone": "B"}, tool_version=1))
    assert kept.inputs == {"full_name": "A"}
    assert kept.message == "1 answer could not be restored: gone (this page does not ask for it)"


def test_an_older_tool_version_without_a_migration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(drafts.MIGRATIONS, RMP, {})
    with pytest.raises(restore.Unreadable) as raised:
        restore.restore(NEWER, draft({"name": "A"}, tool_version=1))
    assert str(raised.value) == (
        "it was saved by version 1 of Fake plan, an older version that this page cannot convert"
    )
