"""The five worksheets in Chromium, one page load each: filled from a worked example
with the keyboard, checked, findings shown gaps first; axe clean with the findings
shown (the page as loaded is in test_accessibility_browser's every-page run);
and with JavaScript off every worksheet's form is still there to read or print.

Set ROH_SHOTS_DIR to also save screenshots (empty, findings, print, mobile)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page

from tests.browser.conftest import Session, new_session
from tests.browser.forms import _field, examples
from tests.browser.test_accessibility_browser import violations
from tools.core.schema import input_id

#: slug → (page, the worked example with findings to fill in).
WORKSHEETS = {
    "rosh-summary": ("2-basic-risk-assessment/2.6.4-risk-levels-in-practice/", "gaps-first"),
    "good-lives": ("2-basic-risk-assessment/2.4.6-good-lives-model/", "linked-without-plan"),
    "offence-analysis": ("2-basic-risk-assessment/2.6-offence-analysis/", "label-and-one-source"),
    "scenario-planning": ("2-basic-risk-assessment/2.6.1-scenario-planning/", "one-thin-scenario"),
    "hf36-self-assessment": ("4-risk-management/4.2-risk-management-planning/", "partly-rated"),
}
SHOTS = os.environ.get("ROH_SHOTS_DIR", "")


def shot(page: Page, name: str, width: int, part: Locator | None = None) -> None:
    """Save a screenshot of the viewport, or of one part of the page, when asked to."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    target = Path(SHOTS) / f"{name}-{width}.png"
    if part is None:
        page.screenshot(path=str(target))
    else:
        part.screenshot(path=str(target))


def _add_rows_with_the_keyboard(page: Page, slug: str, name: str) -> None:
    match = re.fullmatch(r"([^.]+)\.(\d+)\.[^.]+", name)
    if not match:
        return
    group = page.locator(f'#tool-{slug} [data-repeat="{match.group(1)}"]')
    while group.locator(":scope > .roh-repeat__row").count() < int(match.group(2)):
        group.locator(':scope > [data-action="add-row"]').focus()
        page.keyboard.press("Enter")


def fill_with_keyboard(page: Page, slug: str, inputs: dict[str, str]) -> None:
    """Every answer given by focusing its control and pressing keys, as a keyboard user does."""
    keys = page.keyboard
    for name, value in inputs.items():
        if not value:
            continue
        _add_rows_with_the_keyboard(page, slug, name)
        field = _field(slug, name)
        if field.kind in ("choice", "yes_no") and field.widget != "select":
            page.locator(f'#tool-{slug} input[name="{name}"][value="{value}"]').focus()
            keys.press("Space")
        elif field.widget == "select":
            page.locator(f"#{input_id(slug, name)}").focus()
            keys.type(next(o.label for o in field.options if o.key == value))
        else:
            page.locator(f"#{input_id(slug, name)}").focus()
            keys.insert_text(value)


@pytest.mark.parametrize("slug", list(WORKSHEETS))
def test_a_worksheet_filled_from_the_keyboard_shows_its_findings(
    session: Session, slug: str
) -> None:
    path, example_name = WORKSHEETS[slug]
    example = next(e for e in examples(slug) if e["name"] == example_name)
    page = session.open(path)
    tool = f"#tool-{slug}"
    session.wait_ready(tool)  # axe on the page as loaded: test_accessibility_browser
    page.locator(tool).evaluate("element => element.scrollIntoView()")
    shot(page, f"{slug}-empty", 1280)

    fill_with_keyboard(page, slug, example["inputs"])
    page.locator(f"{tool} [data-action=submit]").focus()
    page.keyboard.press("Enter")
    result = page.locator(f"{tool} [data-role=result]")
    table = result.locator("table", has_text="Finding")
    table.wait_for()
    rows = table.locator("tbody tr")
    assert rows.count() == len(example["expected"]["codes"])
    first = rows.nth(0).locator("td").nth(0).inner_text()
    assert first == "Gap", "gaps are listed first"
    text = result.inner_text()
    for part in example["expected"]["report"]:
        assert part in text
    assert violations(page) == []
    shot(page, f"{slug}-findings", 1280, result)
    shot(page, f"{slug}-findings-mobile", 390, result)
    if SHOTS:
        page.emulate_media(media="print")
        shot(page, f"{slug}-print", 1280, result)


def test_with_javascript_off_every_worksheet_form_is_visible(
    browser: Browser, base_url: str
) -> None:
    quiet = new_session(browser, base_url, java_script_enabled=False)
    try:
        for slug, (path, _) in WORKSHEETS.items():
            page = quiet.open(path)
            tool = page.locator(f"#tool-{slug}")
            assert tool.locator("form").is_visible()
            assert tool.locator(".roh-notice", has_text="needs JavaScript").is_visible()
            assert tool.locator("[data-action=submit]").is_disabled()
            first = next(iter(examples(slug)[0]["inputs"]))
            assert page.locator(f"#{input_id(slug, first)}").count() == 1
        quiet.watch.assert_clean()
    finally:
        quiet.context.close()
