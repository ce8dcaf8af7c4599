"""What Lighthouse's mobile run found on a phone-sized screen, checked for good.

Lighthouse emulates a 412 px wide phone; the other browser tests use a desktop
window, where the breadcrumbs fit on one row and the Go to box sits in the
header's own row, so neither finding showed there.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page

from tests.browser.conftest import axe_source, new_session

CONTENT_PAGE = "2-basic-risk-assessment/2.2-oasys/"
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}
#: axe-core leaves WCAG 2.2's target-size rule off unless asked (Lighthouse asks).
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def violations(page: Page) -> list[dict[str, Any]]:
    page.evaluate(axe_source())
    found: list[dict[str, Any]] = page.evaluate(
        "(options) => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in found]


def test_axe_finds_nothing_on_a_content_page_on_a_phone(browser: Browser, base_url: str) -> None:
    """Wrapped breadcrumbs were 16 px targets 4 px apart (WCAG 2.2 target size)."""
    session = new_session(browser, base_url, **PHONE)
    try:
        page = session.open(CONTENT_PAGE)
        page.wait_for_selector("[data-goto][data-enhanced]")
        rows = page.evaluate(
            "() => new Set([...document.querySelectorAll('.roh-breadcrumbs .md-path__link')]"
            ".map(a => Math.round(a.getBoundingClientRect().top))).size")
        assert rows >= 2, "the breadcrumbs no longer wrap on a phone: pick a longer trail"
        assert violations(page) == []
        session.watch.assert_clean()
    finally:
        session.context.close()


def test_the_go_to_box_takes_its_room_before_it_is_shown(browser: Browser, base_url: str) -> None:
    """The header is as tall before sections.mjs shows the box as after (no layout shift),
    and without scripts (the box needs them) it keeps no empty row for the box."""
    session = new_session(browser, base_url, **PHONE)
    try:
        page = session.open(CONTENT_PAGE)
        page.wait_for_selector("[data-goto][data-enhanced]")
        shown = page.evaluate("document.querySelector('.md-header').offsetHeight")
        hidden = page.evaluate(
            "() => { const box = document.querySelector('[data-goto]'); box.hidden = true;"
            " const height = document.querySelector('.md-header').offsetHeight;"
            " const visible = getComputedStyle(box).visibility; box.hidden = false;"
            " return [height, visible]; }")
        assert hidden == [shown, "hidden"]
        session.watch.assert_clean()
    finally:
        session.context.close()
    no_scripts = new_session(browser, base_url, java_script_enabled=False, **PHONE)
    try:
        page = no_scripts.open(CONTENT_PAGE)
        assert page.evaluate(
            "getComputedStyle(document.querySelector('[data-goto]')).display") == "none"
    finally:
        no_scripts.context.close()
