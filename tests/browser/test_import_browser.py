"""Importing answers from a file, in Chromium: a file that cannot be imported in full
is refused with a message on the import field, the form keeps every answer it had and
the checklist still runs; a good file says how many answers it brought in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PLAN_PAGE, Session
from tests.browser.forms import examples, fill, read
from tools.core.drafts import export_document
from tools.core.registry import REGISTRY
from tools.core.schema import input_id

SLUG = "risk-management-plan"
TOOL = f"#tool-{SLUG}"
IMPORT = input_id(SLUG, "import-file")
COMPLETE = next(e for e in examples(SLUG) if e["name"] == "complete-plan")["inputs"]
TYPED = {"assessment_summary": "Typed before the import", "rosh_public_community": "medium"}
HEAD = ('{"format": "risk-of-harm-guide/answers", "format_version": 1, '
        f'"tool": "{SLUG}", "tool_version": 2, "saved_at": "2026-11-20T10:00:00Z", ')


def document(answers: dict[str, str]) -> str:
    return HEAD + '"answers": ' + json.dumps(answers) + "}"


#: name → (file text, words the message must contain)
REFUSED = {
    "invalid-choice": (document({"assessment_summary": "From the file", "rosh_public_community": "extreme"}),
                       ["rosh_public_community (“extreme” is not one of the choices)", "Nothing was imported"]),
    "invalid-choices": (document({"at_risk": "children,aliens"}),
                        ["at_risk (“aliens” is not one of the choices)", "Nothing was imported"]),
    "duplicate-keys": (HEAD + '"answers": {"assessment_summary": "First", '
                       '"assessment_summary": "Second"}}', ["more than one value for assessment_summary", "Nothing was imported"]),
    "larger-than-1-mb": (document({"assessment_summary": "x" * 1_200_000}),
                         ["The selected file is larger than 1 MB, so it cannot be a set of answers"]),
    "nested-5000-deep": (HEAD + '"answers": {}, "extra": ' + "[" * 5000 + "]" * 5000 + "}",
                         ["The selected file is nested more than 32 levels deep"]),
}


def open_plan(session: Session) -> Page:
    page = session.open(PLAN_PAGE)
    session.wait_ready(TOOL)
    return page


def choose(page: Page, path: Path) -> None:
    page.set_input_files(f"#{IMPORT}", str(path))


@pytest.mark.parametrize("name", REFUSED)
def test_a_file_that_cannot_be_imported_in_full_changes_nothing_and_says_why(
    session: Session, tmp_path: Path, name: str
) -> None:
    text, words = REFUSED[name]
    page = open_plan(session)
    fill(page, SLUG, TYPED)
    path = tmp_path / f"{name}.json"
    path.write_text(text, encoding="utf-8")
    choose(page, path)
    summary = page.locator(f"{TOOL} [data-role=error-summary]")
    summary.wait_for()
    message = summary.inner_text()
    for word in words:
        assert word in message
    assert "Traceback" not in message
    assert page.evaluate("document.activeElement.dataset.role") == "error-summary"
    assert page.locator(f'{TOOL} [data-field="import-file"].roh-field--error').count() == 1
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == IMPORT
    assert read(page, SLUG) == TYPED
    assert "imported" not in page.inner_text(f"{TOOL} [data-role=draft-status]")
    # The runtime is still alive: the same page checks a complete plan.
    fill(page, SLUG, COMPLETE)
    page.click(f"{TOOL} [data-action=submit]")
    page.locator(f"{TOOL} [data-role=result] .roh-checks").first.wait_for()
    assert page.locator(f"{TOOL} [data-role=error-summary]").is_hidden()


def test_a_good_file_says_how_many_answers_it_imported(session: Session, tmp_path: Path) -> None:
    page = open_plan(session)
    fill(page, SLUG, TYPED)
    answers = {"assessment_summary": "From the file", "rosh_public_community": "high",
               "at_risk": "children,staff", "risk_factors.2.description": "Second factor"}
    path = tmp_path / "plan.json"
    path.write_text(export_document(REGISTRY[SLUG][0], answers, "2026-11-20T10:00:00Z"), "utf-8")
    choose(page, path)
    status = page.locator(f"{TOOL} [data-role=draft-status]")
    status.filter(has_text="imported").wait_for()
    assert status.inner_text() == "4 answers imported from “plan.json”."
    assert read(page, SLUG) == answers
    # Choosing the same file again imports it again (the input is reset each time).
    fill(page, SLUG, {"assessment_summary": "Changed after the import"})
    choose(page, path)
    for _ in range(100):
        if read(page, SLUG) == answers:
            break
        page.wait_for_timeout(100)
    assert read(page, SLUG) == answers


def test_an_import_while_a_draft_is_kept_updates_the_draft(session: Session, tmp_path: Path) -> None:
    page = open_plan(session)
    page.check(f"#{SLUG}-keep-draft")
    answers = {"assessment_summary": "From the file"}
    path = tmp_path / "plan.json"
    path.write_text(export_document(REGISTRY[SLUG][0], answers, "2026-11-20T10:00:00Z"), "utf-8")
    choose(page, path)
    page.locator(f"{TOOL} [data-role=draft-status]").filter(has_text="1 answer imported").wait_for()
    saved = page.evaluate("(key) => localStorage.getItem(key)", f"roh-draft:{SLUG}")
    assert json.loads(saved)["answers"] == answers
