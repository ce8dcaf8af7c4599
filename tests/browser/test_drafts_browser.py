"""Drafts kept in this browser, in Chromium: whatever is stored, the checklist starts
and every control works; a draft comes back through Python's "restore", which names
each answer it could not put back; two tabs never silently overwrite or re-create
each other's draft."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route

from tests.browser.conftest import PLAN_PAGE, READY_TIMEOUT_MS, Session
from tests.browser.forms import examples, fill, read
from tests.browser.test_accessibility_browser import violations
from tools.core.schema import input_id

SLUG = "risk-management-plan"
TOOL = f"#tool-{SLUG}"
KEY = f"roh-draft:{SLUG}"
NOTICE = f"{TOOL} [data-role=draft-notice]"
SUMMARY = input_id(SLUG, "assessment_summary")
COMPLETE = next(e for e in examples(SLUG) if e["name"] == "complete-plan")["inputs"]


def draft(answers: object, **fields: object) -> str:
    """A stored draft in the C1 format, with any field replaced."""
    return json.dumps({"format": "risk-of-harm-guide/draft", "format_version": 1, "tool": SLUG,
                       "tool_version": 2, "saved_at": "2026-11-20T10:00:00Z", "answers": answers,
                       **fields})


def stored(page: Page) -> str | None:
    value: str | None = page.evaluate("(key) => localStorage.getItem(key)", KEY)
    return value


def open_with_draft(session: Session, text: str) -> Page:
    """The checklist opened with `text` already in this browser's storage."""
    page = session.open("")  # same origin, no tool: storage can be set before the tool runs
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, text])
    page.goto(session.base_url + PLAN_PAGE)
    session.wait_ready(TOOL)
    return page


def notice(page: Page, kind: str) -> str:
    box = page.locator(f"{NOTICE} [data-notice={kind}]")
    box.wait_for(timeout=READY_TIMEOUT_MS)
    return box.inner_text()


UNREADABLE = {
    "answers-null": '{"answers": null}',
    "not-json": "{this is not JSON",
    "another-tool": draft({"sex": "male"}, tool="ogrs3"),
    "newer-format": draft({"assessment_summary": "From the future"}, format_version=2),
    "nested-5000-deep": draft({"assessment_summary": "x"})[:-1] + ', "extra": ' + "[" * 5000
                        + "]" * 5000 + "}",
}


@pytest.mark.parametrize("text", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_draft_is_named_and_can_be_deleted_and_nothing_else_breaks(
    session: Session, text: str
) -> None:
    page = open_with_draft(session, text)
    message = notice(page, "unreadable")
    assert message.startswith("This saved draft could not be read")
    assert "Traceback" not in message
    assert page.get_attribute(TOOL, "data-state") == "ready"
    assert read(page, SLUG) == {}
    assert not page.is_checked(f"#{SLUG}-keep-draft")
    assert stored(page) == text, "an unreadable draft is kept until the reader deletes it"
    fill(page, SLUG, {"assessment_summary": "Typed beside the unreadable draft"})
    with page.expect_download() as download:                       # export still works
        page.click(f"{TOOL} [data-action=export-json]")
    assert "Typed beside the unreadable draft" in Path(download.value.path()).read_text("utf-8")
    page.click(f"{NOTICE} [data-action=draft-delete]")
    assert stored(page) is None
    assert page.locator(f"{NOTICE} [data-notice]").count() == 0
    assert "Draft deleted" in page.inner_text(f"{TOOL} [data-role=draft-status]")
    assert read(page, SLUG) == {"assessment_summary": "Typed beside the unreadable draft"}
    fill(page, SLUG, COMPLETE)                                      # and the checklist runs
    page.click(f"{TOOL} [data-action=submit]")
    page.locator(f"{TOOL} [data-role=result] .roh-checks").first.wait_for()


def test_the_delete_draft_button_also_removes_an_unreadable_draft(session: Session) -> None:
    page = open_with_draft(session, UNREADABLE["answers-null"])
    notice(page, "unreadable")
    page.click(f"{TOOL} [data-action=delete-draft]")
    assert stored(page) is None
    assert page.locator(f"{NOTICE} [data-notice]").count() == 0


def test_a_draft_in_the_format_before_versions_is_restored_and_says_so(session: Session) -> None:
    legacy = json.dumps({"answers": {"assessment_summary": "Written before drafts had versions",
                                     "rosh_level": "high"}, "saved_at": "2026-11-20T10:00:00Z"})
    page = open_with_draft(session, legacy)
    message = notice(page, "restored")
    assert "Your draft from 20 November 2026" in message and "was restored" in message
    assert "saved by version 1 of the risk management plan checklist" in message
    assert read(page, SLUG) == {"assessment_summary": "Written before drafts had versions\n\n"
                                "Overall RoSH level recorded in an earlier version of this "
                                "checklist: High. Record a level for each group at risk."}
    assert page.is_checked(f"#{SLUG}-keep-draft")


def test_a_draft_with_unknown_and_invalid_answers_restores_the_rest_and_names_both(
    session: Session,
) -> None:
    page = open_with_draft(session, draft({"assessment_summary": "Still here", "rosh_public_community": "extreme",
                                           "no_such_question": "Lost?"}))
    message = notice(page, "restored")
    assert "was restored" in message
    assert "2 answers could not be restored" in message
    assert "rosh_public_community" in message and "extreme" in message
    assert "no_such_question" in message
    assert read(page, SLUG) == {"assessment_summary": "Still here"}
    # The notice is at the top of the tool, above the form, where it is seen first.
    top = page.locator(NOTICE).bounding_box()
    form = page.locator(f"{TOOL} form").bounding_box()
    assert top and form and top["y"] < form["y"]
    assert page.get_attribute(NOTICE, "role") == "status"
    assert violations(page) == []


def test_a_draft_saved_by_this_page_survives_a_reload_in_the_new_format(session: Session) -> None:
    page = session.open(PLAN_PAGE)
    session.wait_ready(TOOL)
    page.check(f"#{SLUG}-keep-draft")
    fill(page, SLUG, {"assessment_summary": "Kept", "at_risk": "children,staff"})
    page.wait_for_timeout(600)
    saved = json.loads(stored(page) or "null")
    assert {k: saved[k] for k in ("format", "format_version", "tool", "tool_version")} == {
        "format": "risk-of-harm-guide/draft", "format_version": 1, "tool": SLUG, "tool_version": 2}
    assert saved["answers"] == {"assessment_summary": "Kept", "at_risk": "children,staff"}
    page.reload()
    session.wait_ready(TOOL)
    assert "was restored" in notice(page, "restored")
    assert read(page, SLUG) == {"assessment_summary": "Kept", "at_risk": "children,staff"}


def test_typing_before_the_draft_is_back_is_never_overwritten(session: Session) -> None:
    held: list[Route] = []  # the tools archive, held back: Python cannot start without it
    session.context.route("**/assets/tools/tools-*.zip", lambda route: held.append(route))
    page = session.open("")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, draft({"assessment_summary": "The saved draft"})])
    page.goto(session.base_url + PLAN_PAGE)
    page.fill(f"#{SUMMARY}", "Typed while Python loads")  # the form is usable before Python
    notice(page, "pending")
    for _ in range(int(READY_TIMEOUT_MS / 100)):
        if held:
            break
        page.wait_for_timeout(100)
    assert page.get_attribute(TOOL, "data-state") == "loading"
    held[0].continue_()
    session.wait_ready(TOOL)
    message = notice(page, "restore-offered")
    assert "had started typing" in message
    assert read(page, SLUG) == {"assessment_summary": "Typed while Python loads"}
    page.click(f"{NOTICE} [data-action=draft-restore]")
    assert "was restored" in notice(page, "restored")
    assert read(page, SLUG) == {"assessment_summary": "The saved draft"}


@pytest.fixture
def two_tabs(session: Session) -> Iterator[tuple[Page, Page]]:
    """Tab A keeps a draft; tab B is then opened and restores it (one profile, two pages)."""
    a = session.open(PLAN_PAGE)
    session.wait_ready(TOOL)
    a.check(f"#{SLUG}-keep-draft")
    fill(a, SLUG, {"assessment_summary": "Written in tab A"})
    a.wait_for_timeout(600)
    b = session.context.new_page()
    b.goto(session.base_url + PLAN_PAGE)
    b.wait_for_selector(f"{TOOL}[data-state=ready]", timeout=READY_TIMEOUT_MS)
    notice(b, "restored")
    assert read(b, SLUG) == {"assessment_summary": "Written in tab A"}
    yield a, b
    b.close()


def type_into(page: Page, text: str) -> None:
    page.fill(f"#{SUMMARY}", text)
    page.wait_for_timeout(600)  # longer than the 300 ms save delay


def test_a_draft_deleted_in_one_tab_is_not_re_created_by_typing_in_another(
    session: Session, two_tabs: tuple[Page, Page]
) -> None:
    a, b = two_tabs
    a.click(f"{TOOL} [data-action=delete-draft]")
    assert stored(a) is None
    assert "deleted in another tab" in notice(b, "deleted")
    type_into(b, "Typed in tab B after the delete")
    assert stored(b) is None and stored(a) is None
    assert not b.is_checked(f"#{SLUG}-keep-draft")
    assert "deleted in another tab" in b.inner_text(f"{TOOL} [data-role=draft-status]")
    assert read(b, SLUG) == {"assessment_summary": "Typed in tab B after the delete"}
    # Ticking the box again is the reader's own choice: then B keeps a draft again.
    b.check(f"#{SLUG}-keep-draft")
    assert json.loads(stored(b) or "{}")["answers"] == {
        "assessment_summary": "Typed in tab B after the delete"}


def test_two_tabs_editing_one_draft_warn_instead_of_overwriting(
    session: Session, two_tabs: tuple[Page, Page]
) -> None:
    a, b = two_tabs
    type_into(a, "Changed in tab A")
    warning = notice(b, "other-tab")
    assert "This draft is open in another tab" in warning
    assert "would overwrite it" in warning
    type_into(b, "Changed in tab B")
    assert json.loads(stored(a) or "{}")["answers"] == {"assessment_summary": "Changed in tab A"}
    assert read(b, SLUG) == {"assessment_summary": "Changed in tab B"}   # kept on B's page
    assert violations(b) == []
    # B chooses its own answers: they become the draft, and now A is the one warned.
    b.click(f"{NOTICE} [data-action=draft-take]")
    assert json.loads(stored(b) or "{}")["answers"] == {"assessment_summary": "Changed in tab B"}
    notice(a, "other-tab")
    type_into(a, "A again")
    assert json.loads(stored(a) or "{}")["answers"] == {"assessment_summary": "Changed in tab B"}
    # A chooses to load B's draft instead: its form now shows B's answers.
    a.click(f"{NOTICE} [data-action=draft-load]")
    notice(a, "restored")
    assert read(a, SLUG) == {"assessment_summary": "Changed in tab B"}


def test_a_tab_whose_event_is_late_still_does_not_overwrite(
    session: Session, two_tabs: tuple[Page, Page]
) -> None:
    """The check before each write, not only the storage event, guards the draft."""
    _a, b = two_tabs
    # Another writer whose storage event this tab never sees: the page's own script.
    b.evaluate("([key, value]) => localStorage.setItem(key, value)",
               [KEY, draft({"assessment_summary": "Written elsewhere"})])
    type_into(b, "B, unaware")
    assert json.loads(stored(b) or "{}")["answers"] == {"assessment_summary": "Written elsewhere"}
    assert "This draft is open in another tab" in notice(b, "other-tab")


def test_axe_finds_nothing_on_the_unreadable_draft_notice(session: Session) -> None:
    page = open_with_draft(session, UNREADABLE["answers-null"])
    notice(page, "unreadable")
    assert violations(page) == []

