"""The notification period, MAPPA category and MARAC referral calculators in Chromium.

One page load per tool: the form is completed with the keyboard alone and gives
the result of a worked example from tools/<tool>/fixtures/, then answers from the
tool's "bad" contract fixture give its field error; axe runs in the result and
error states (the page as loaded is in test_accessibility_browser.py). One profile
with JavaScript off checks all three pages. The session's recorder fails any test
that makes an off-origin request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Keyboard, Page

from tests.browser.conftest import Session, new_session
from tests.browser.forms import contract, examples, fill, read
from tests.browser.test_accessibility_browser import violations
from tools.core.registry import REGISTRY
from tools.core.schema import input_id


@dataclass(frozen=True)
class Case:
    slug: str
    page: str
    first_field: str  # the id Tab must reach first
    answer: Callable[[Keyboard], None]  # types the worked example, ending on the submit
    example: str
    shown: tuple[str, ...]  # lines the result must show
    bad: str  # contract fixture with a field error


def _notification(keys: Keyboard) -> None:
    keys.type("14/5/1975")             # date of birth
    keys.press("Tab")
    keys.type("1/3/2010")              # relevant date
    keys.press("Tab")                  # first disposal radio (life)
    keys.press("ArrowDown")            # ipp
    keys.press("ArrowDown")            # imprisonment
    keys.press("Tab")
    keys.type("3, 10")                 # terms
    keys.press("Tab")                  # consecutive: yes
    keys.press("Space")
    keys.press("Tab")                  # discharge months (blank)
    keys.press("Tab")                  # first notification (blank)
    keys.press("Enter")


def _mappa(keys: Keyboard) -> None:
    keys.press("ArrowDown")            # notification: no
    keys.press("Tab")                  # finding: convicted
    keys.press("Space")
    keys.press("Tab")                  # offence: murder ...
    keys.press("ArrowDown")            # ... schedule 15
    keys.press("Tab")
    keys.type("Imp")                   # type-ahead in the select: imprisonment
    keys.press("Tab")
    keys.type("12")                    # term in months
    keys.press("Tab")                  # responsible authority view: yes ...
    keys.press("ArrowDown")            # ... no
    keys.press("Tab")                  # terrorism risk (blank)
    keys.press("Tab")                  # the submit button
    keys.press("Enter")


def _marac(keys: Keyboard) -> None:
    keys.type("4")                     # DASH "yes" answers
    keys.press("Tab")
    keys.type("1")                     # police incidents
    keys.press("Tab")                  # escalation threshold (blank: 3)
    keys.press("Tab")                  # professional judgement: yes ...
    keys.press("ArrowDown")            # ... no
    keys.press("Tab")
    keys.type("10/1/2026")             # last referral
    keys.press("Tab")
    keys.type("9/11/2026")             # new incident
    keys.press("Enter")


CASES = [
    Case("notification-period", "3-advanced-risk-assessment/3.2-assessing-sexual-offending/",
         "notification-period-date-of-birth", _notification,
         "lords-en-3-plus-10-months-consecutive",
         ("Notification period\n10 years", "Last day of the period\n29 February 2020"),
         "notification-period-evaluate-suspended-refused"),
    Case("mappa-category", "5-working-with-other-agencies/5.1-mappa/",
         "mappa-category-notification", _mappa, "abh-12-months-imprisonment-category-2",
         ("MAPPA category\nCategory 2", "Levels open to this category\n1, 2, 3"),
         "mappa-category-evaluate-missing-term"),
    Case("marac-referral", "3-advanced-risk-assessment/3.6.2-dash-and-marac/",
         "marac-referral-dash-yes", _marac, "repeat-within-12-months",
         ("Referral indicated\nYes",),
         "marac-referral-evaluate-incident-before-referral"),
]


def tab_to(page: Page, tool: str, element_id: str) -> None:
    """Tab into the form from the tool's title, as a reader who scrolled to it would.

    A click on the (non-focusable) title only sets where sequential focus starts;
    tabbing from the top of these long pages costs a minute of round trips, and
    the OGRS3 tests already tab through the whole page.
    """
    page.locator(f"{tool} .roh-tool__title").click()
    # Off the form: a pointer resting on the error summary's links would show
    # Material's hover colour, 4.25:1 on white (reported to the lead).
    page.mouse.move(0, 0)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    pytest.fail(f"Tab from the title never reached #{element_id}")


@pytest.mark.parametrize("case", CASES, ids=[c.slug for c in CASES])
def test_keyboard_result_field_error_and_axe(session: Session, case: Case) -> None:
    page = session.open(case.page)
    tool = f"#tool-{case.slug}"
    session.wait_ready(tool)  # axe on the page as loaded: test_accessibility_browser.py
    tab_to(page, tool, case.first_field)
    case.answer(page.keyboard)
    result = page.locator(f"{tool} [data-role=result]")
    result.locator(".roh-summary-list").wait_for()
    text = result.inner_text()
    for line in case.shown:
        assert line in text
    assert page.evaluate("document.activeElement.dataset.role") == "result"
    # What the keys typed is exactly the worked example the result was checked against.
    example = next(e for e in examples(case.slug) if e["name"] == case.example)
    assert read(page, case.slug) == example["inputs"]
    assert violations(page) == [], "result"

    bad = contract(case.bad)["request"]["inputs"]
    for item in REGISTRY[case.slug][0].fields():  # boxes the bad answers leave empty
        if item.name not in bad and item.kind in ("text", "integer", "date"):
            page.fill(f"#{input_id(case.slug, item.name)}", "")
    fill(page, case.slug, bad)
    # Enter on the button, not a click, so the pointer stays off the error summary.
    page.locator(f"{tool} [data-action=submit]").press("Enter")
    summary = page.locator(f"{tool} [data-role=error-summary]")
    summary.wait_for()
    [error] = contract(case.bad)["response"]["errors"]
    assert summary.locator("a").all_inner_texts() == [error["message"]]
    assert page.evaluate("document.activeElement.dataset.role") == "error-summary"
    field = page.locator(f'{tool} [data-field="{error["field"]}"] .roh-error-message')
    assert field.text_content() == f"Error: {error['message']}"
    assert violations(page) == [], "errors"


def test_with_javascript_off_each_form_is_visible_and_gives_no_result(
    browser: Browser, base_url: str
) -> None:
    quiet = new_session(browser, base_url, java_script_enabled=False)
    try:
        for case in CASES:
            page = quiet.open(case.page)
            tool = page.locator(f"#tool-{case.slug}")
            assert tool.locator("form").is_visible()
            assert tool.locator(f"#{case.first_field}").is_visible()
            assert tool.locator(".roh-notice", has_text="needs JavaScript").is_visible()
            assert tool.locator("[data-action=submit]").is_disabled()
            assert tool.locator("[data-role=result]").inner_text().strip() == ""
        quiet.watch.assert_clean()
    finally:
        quiet.context.close()
