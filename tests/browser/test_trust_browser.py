"""Every tool, every time (issue 11 §4, issue 13 §6), in Chromium: a result is marked
out of date when answers change and removed when a recalculation fails; Copy as
text (clipboard, and the visible fallback); Start again; a restored draft is
announced at the top with "Start a new …"; Delete draft only with a draft; Remove
row by keyboard; the skip link and #tool- links land on the tool's heading; axe."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from tests.browser.conftest import OGRS3_PAGE, PLAN_PAGE, READY_TIMEOUT_MS, Session
from tests.browser.forms import examples, fill, read
from tests.browser.test_accessibility_browser import violations
from tools.core.schema import input_id

OGRS3 = "#tool-ogrs3"
PLAN_SLUG = "risk-management-plan"
PLAN = f"#tool-{PLAN_SLUG}"
CASE = next(e for e in examples("ogrs3") if e["name"] == "moj-arns-act62-scenario-2")
COMPLETE = next(e for e in examples(PLAN_SLUG) if e["name"] == "complete-plan")["inputs"]
KEY = f"roh-draft:{PLAN_SLUG}"


def calculate(page: Page, tool: str) -> None:
    page.click(f"{tool} [data-action=submit]")
    page.locator(f"{tool} [data-role=report] .roh-result__heading").first.wait_for()


def active_id(page: Page) -> str:
    value: str = page.evaluate("document.activeElement && document.activeElement.id")
    return value


def test_ogrs3_result_goes_stale_is_removed_on_failure_copies_and_starts_again(
    session: Session,
) -> None:
    session.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                      origin=session.base_url.rstrip("/"))
    page = session.open(OGRS3_PAGE)
    session.wait_ready(OGRS3)
    fill(page, "ogrs3", CASE["inputs"])
    calculate(page, OGRS3)
    result = page.locator(f"{OGRS3} [data-role=result]")
    # Focus moves to the result, whose top is below the sticky header.
    assert page.evaluate("document.activeElement.dataset.role") == "result"
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert result.bounding_box()["y"] >= header - 1
    assert "not the OASys figure of record" in result.inner_text()
    working = result.locator("details")
    assert working.count() == 1 and not working.evaluate("d => d.open")
    stale = page.locator(f"{OGRS3} [data-role=stale]")
    assert stale.inner_text() == "" and stale.get_attribute("role") == "status"

    page.fill(f"#{input_id('ogrs3', 'previous_sanctions')}", "3")
    assert stale.inner_text().startswith("Out of date — calculate again.")
    assert stale.is_visible() and result.get_attribute("data-stale") == ""
    assert "20%" in result.inner_text()  # the old figures stay, marked, until recalculated

    # Copy as text recalculates first (the shown result is out of date), then copies.
    page.click(f"{OGRS3} [data-action=copy-text]")
    page.locator(f"{OGRS3} [data-role=copy-status]").get_by_text("Copied as text").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("OGRS3 result\n============\n")
    assert "Within two years:" in copied and "**" not in copied
    assert stale.inner_text() == ""

    # Where the browser refuses, the text is shown selected in a labelled box.
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); }")
    page.click(f"{OGRS3} [data-action=copy-text]")
    box = page.locator(f"#{input_id('ogrs3', 'copy-text')}")
    box.wait_for()
    assert box.input_value() == copied and active_id(page) == input_id("ogrs3", "copy-text")

    # The same dates for 5 previous sanctions: an error, and the old result goes.
    page.fill(f"#{input_id('ogrs3', 'previous_sanctions')}", "5")
    page.fill(f"#{input_id('ogrs3', 'first_sanction_date')}", CASE["inputs"]["conviction_date"])
    page.click(f"{OGRS3} [data-action=submit]")
    summary = page.locator(f"{OGRS3} [data-role=error-summary]")
    summary.wait_for()
    assert "because there are 5 previous sanctions" in summary.inner_text()
    assert page.locator(f"{OGRS3} [data-role=report]").inner_text() == ""
    assert stale.inner_text() == "" and result.get_attribute("data-stale") is None
    assert page.locator(f"{OGRS3} [data-role=result-actions]").is_hidden()

    # Start again asks in the page first (no window.confirm), then empties everything.
    page.on("dialog", lambda dialog: (_ for _ in ()).throw(AssertionError(dialog.message)))
    page.click(f"{OGRS3} [data-action=start-again]")
    confirm = page.locator(f"{OGRS3} [data-role=start-again-confirm]")
    assert confirm.is_visible()
    page.click(f"{OGRS3} [data-action=start-again-cancel]")
    assert confirm.is_hidden() and read(page, "ogrs3")["sex"] == "male"
    page.click(f"{OGRS3} [data-action=start-again]")
    page.click(f"{OGRS3} [data-action=start-again-confirm]")
    assert set(read(page, "ogrs3")) == {"as_at"}  # today's date, filled in again
    assert summary.is_hidden()
    assert "have been cleared" in page.inner_text(f"{OGRS3} [data-role=status]")
    assert active_id(page) == input_id("ogrs3", "sex")


def test_the_skip_link_and_a_tool_link_land_on_the_tools_heading(session: Session) -> None:
    page = session.open(OGRS3_PAGE)
    session.wait_ready(OGRS3)
    page.keyboard.press("Tab")  # the theme's "Skip to content"
    page.keyboard.press("Tab")
    skip = page.locator("a[data-roh-skip]")
    assert skip.inner_text() == "Skip to the calculator"
    assert page.evaluate("document.activeElement.hasAttribute('data-roh-skip')")
    page.keyboard.press("Enter")
    assert active_id(page) == "tool-ogrs3-title"
    # The home page's link and the Tools page's link both go to #tool-<slug>.
    page.goto(session.base_url + "tools/")
    page.click(f'a[href$="{PLAN_PAGE}#tool-{PLAN_SLUG}"]')
    session.wait_ready(PLAN)
    page.wait_for_selector(f"#tool-{PLAN_SLUG}-title:focus", timeout=READY_TIMEOUT_MS)
    assert page.locator("a[data-roh-skip]").inner_text() == "Skip to the checklist"


def draft(answers: dict[str, str], version: int = 2) -> str:
    return json.dumps({"format": "risk-of-harm-guide/draft", "format_version": 1,
                       "tool": PLAN_SLUG, "tool_version": version,
                       "saved_at": "2026-11-20T10:00:00Z", "answers": answers})


def test_a_restored_draft_is_announced_at_the_top_and_start_a_new_clears_it(
    session: Session,
) -> None:
    page = session.open("")
    answers = {"assessment_summary": "Someone else's case", "rosh_children_community": "high",
               "risk_factors.1.description": "Drinks", "risk_factors.2.description": "Jealous"}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, draft(answers)])
    page.goto(session.base_url + PLAN_PAGE)
    session.wait_ready(PLAN)
    notice = page.locator(f"{PLAN} [data-notice=restored]")
    notice.wait_for(timeout=READY_TIMEOUT_MS)
    assert "Your draft from 20 November 2026" in notice.inner_text()
    form_top = page.locator(f"{PLAN} [data-role=form]").bounding_box()["y"]
    assert notice.bounding_box()["y"] < form_top  # at the top, not below a long form
    assert read(page, PLAN_SLUG) == answers
    delete = page.locator(f"{PLAN} [data-action=delete-draft]")
    assert delete.is_visible()
    assert violations(page) == []
    start_new = notice.get_by_role(
        "button", name="Start a new risk management plan checklist (clears this draft)")
    start_new.click()
    assert page.evaluate("(k) => localStorage.getItem(k)", KEY) is None
    assert read(page, PLAN_SLUG) == {}
    assert page.locator(f"{PLAN} [data-repeat=risk_factors] > .roh-repeat__row").count() == 1
    assert notice.count() == 0 and delete.is_hidden()


def test_an_older_version_draft_says_what_was_converted(session: Session) -> None:
    page = session.open("")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [KEY, draft({"rosh_level": "high", "assessment_summary": "Assault"}, 1)])
    page.goto(session.base_url + PLAN_PAGE)
    session.wait_ready(PLAN)
    notice = page.locator(f"{PLAN} [data-notice=restored]")
    notice.wait_for(timeout=READY_TIMEOUT_MS)
    assert "saved by version 1 of the risk management plan checklist" in notice.inner_text()
    summary = page.input_value(f"#{input_id(PLAN_SLUG, 'assessment_summary')}")
    assert summary.endswith("earlier version of this checklist: High. Record a level for "
                            "each group at risk.")


def test_delete_draft_shows_only_with_a_draft_and_rows_are_removed_by_keyboard(
    session: Session,
) -> None:
    page = session.open(PLAN_PAGE)
    session.wait_ready(PLAN)
    delete = page.locator(f"{PLAN} [data-action=delete-draft]")
    assert delete.is_hidden()
    page.check(f"#{PLAN_SLUG}-keep-draft")
    page.fill(f"#{input_id(PLAN_SLUG, 'assessment_summary')}", "Kept")
    delete.wait_for(state="visible")

    group = page.locator(f"{PLAN} [data-repeat=risk_factors]")
    group.locator(":scope > [data-action=add-row]").focus()
    page.keyboard.press("Enter")
    assert active_id(page) == input_id(PLAN_SLUG, "risk_factors.2.description")
    group.locator(":scope > [data-action=add-row]").focus()
    page.keyboard.press("Enter")
    third = input_id(PLAN_SLUG, "risk_factors.3.description")
    assert active_id(page) == third
    page.keyboard.type("Third factor")
    remove = group.locator(".roh-repeat__row[data-row='2']").get_by_role(
        "button", name="Remove Risk factor 2", exact=True)  # its accessible name says which
    assert remove.count() == 1
    remove.focus()
    page.keyboard.press("Enter")
    rows = group.locator(":scope > .roh-repeat__row")
    assert rows.count() == 2
    moved = input_id(PLAN_SLUG, "risk_factors.2.description")
    assert active_id(page) == moved and page.input_value(f"#{moved}") == "Third factor"
    assert "Risk factor 2" in rows.nth(1).locator("legend").inner_text()
    assert "Risk factor 2 removed" in page.inner_text(f"{PLAN} [data-role=status]")
    page.wait_for_timeout(600)  # drafts are saved 300 ms after the last change
    kept = json.loads(page.evaluate("(k) => localStorage.getItem(k)", KEY))["answers"]
    assert kept["risk_factors.2.description"] == "Third factor"
    assert "risk_factors.3.description" not in kept


def test_the_plan_records_rosh_per_group_and_prints_the_plan_first(session: Session) -> None:
    page = session.open(PLAN_PAGE)
    session.wait_ready(PLAN)
    fill(page, PLAN_SLUG, COMPLETE)
    calculate(page, PLAN)
    text = page.inner_text(f"{PLAN} [data-role=report]")
    assert "Risk of serious harm (RoSH) levels" in text
    assert text.index("The plan") < text.index("Findings against HF36")
    page.evaluate("() => { window.print = () => { window.__printed = document.querySelector("
                  "'.roh-print-only').innerText; }; }")
    page.emulate_media(media="print")  # buttons are hidden in print: press it from script
    page.evaluate(f"document.querySelector('{PLAN} [data-action=print]').click()")
    printed = page.evaluate("new Promise(r => { const t = setInterval(() => { if (window.__printed)"
                            " { clearInterval(t); r(window.__printed); } }, 50); })")
    page.emulate_media(media="screen")
    assert printed.startswith("Printed on ")
    assert "Copy as text" not in printed
    assert violations(page) == []
