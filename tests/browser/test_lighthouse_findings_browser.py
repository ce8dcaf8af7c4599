"""What Lighthouse's mobile run found (benchmarks/lighthouse.py), checked for good.

Lighthouse emulates a 412 px wide phone; the other browser tests use a desktop
window, where the breadcrumbs fit on one row and the Go to box sits in the
header's own row, so neither phone finding showed there (nor did the layout
shifts of what sections.mjs shows once it runs). The third finding is
main-thread work on a tool page while Python loads.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.browser.conftest import OGRS3_PAGE, axe_source, new_session

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


#: What sections.mjs shows once it runs, each of which pushed the page down when it appeared.
SHOWN_BY_SCRIPT = ("[data-goto]", ".roh-citation__copy", ".roh-abbr__button")
#: Where the last paragraph of the article is, and the header's height.
POSITIONS = ("() => [document.querySelector('.md-header').offsetHeight, Math.round("
             "[...document.querySelectorAll('article p')].pop().getBoundingClientRect().top"
             " + scrollY)]")


@pytest.mark.parametrize("selector", SHOWN_BY_SCRIPT)
def test_what_scripts_show_takes_its_room_before_it_is_shown(
        browser: Browser, base_url: str, selector: str) -> None:
    """The page is laid out the same before sections.mjs shows `selector` as after (no
    layout shift), and without scripts (it needs them) it takes no room at all."""
    session = new_session(browser, base_url, **PHONE)
    try:
        page = session.open(CONTENT_PAGE)
        page.wait_for_selector("[data-goto][data-enhanced]")
        assert page.locator(f"{selector}:not([hidden])").count() > 0
        shown = page.evaluate(POSITIONS)
        page.evaluate("(s) => { for (const e of document.querySelectorAll(s)) e.hidden = true; }",
                      selector)
        hidden = page.evaluate(POSITIONS)
        visibility = page.evaluate("(s) => getComputedStyle(document.querySelector(s)).visibility",
                                   selector)
        assert (hidden, visibility) == (shown, "hidden")
        session.watch.assert_clean()
    finally:
        session.context.close()
    no_scripts = new_session(browser, base_url, java_script_enabled=False, **PHONE)
    try:
        page = no_scripts.open(CONTENT_PAGE)
        assert page.evaluate("(s) => getComputedStyle(document.querySelector(s)).display",
                             selector) == "none"
    finally:
        no_scripts.context.close()


def test_the_loading_bar_does_not_repaint_the_page(browser: Browser, base_url: str) -> None:
    """Chromium animates an indeterminate <progress> by repainting on the main thread
    (about 12 paints a second for the whole boot); tool-form.css's bar pulses on the
    compositor instead. Pyodide's wasm is held back so the tool stays loading."""
    session = new_session(browser, base_url, service_workers="block")
    held: list[Route] = []
    try:
        session.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
        page = session.open(OGRS3_PAGE)
        page.wait_for_selector("#tool-ogrs3[data-state=loading] .roh-progress")
        page.wait_for_timeout(300)  # first paint of the bar done
        browser.start_tracing(page=page, categories=["devtools.timeline"])
        page.wait_for_timeout(1500)
        events = json.loads(browser.stop_tracing())["traceEvents"]
        assert page.get_attribute("#tool-ogrs3", "data-state") == "loading"
        main = {(e["pid"], e["tid"]) for e in events if e.get("ph") == "M"
                and e.get("name") == "thread_name" and e["args"]["name"] == "CrRendererMain"}
        paints = [e for e in events if e.get("name") == "Paint" and (e["pid"], e["tid"]) in main]
        assert len(paints) <= 3, f"{len(paints)} main-thread paints in 1.5 s while loading"
    finally:
        session.context.close()
