"""What readers see of offline use, in Chromium with the service worker allowed (C6),
on the real publish: the offline page (the saved pages as links, Go to section
offline), the "new version" notice (appears after a
publish, never reloads by itself, warns about answers not kept, its button
asks for the reload, survives instant navigation), and the Tools
page's "Make the tools available offline" (progress, done, failed and try
again, then a tool starts offline). Keyboard only, axe clean.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from mkdocs_plugins.offline import write
from mkdocs_plugins.tool_forms import tools_page
from publishing.serve import serve
from tests.browser.conftest import OGRS3_PAGE, READY_TIMEOUT_MS, Session, axe_source, new_session

# The sw part's publish, served at its own address, and its copy a test may change:
# reused, not duplicated (imported fixtures are the module's own to pytest).
from tests.browser.test_offline_worker_browser import (  # noqa: F401
    EDITION,
    SAVED_MS,
    open_session,
    real,
    real_site,
    saved,
    visit,
)
from tests.published import Published

PAGE = "2-basic-risk-assessment/2.2-oasys/"
SECTION_PAGE = "2-basic-risk-assessment/2.6.4-risk-levels-in-practice/"
NOTICE = "[data-roh-update]"
RELOAD = "[data-roh-update] [data-action=reload-update]"
CONTROL = "[data-roh-tools-offline]"
CACHE_TOOLS = "[data-roh-tools-offline] [data-action=cache-tools]"
STATUS = "[data-roh-tools-offline] [data-role=tools-offline-status]"


def axe_violations(page: Page, selector: str) -> list[dict[str, object]]:
    """axe-core's violations (WCAG 2.x A and AA) inside `selector`."""
    page.evaluate(axe_source())
    result: dict[str, list[dict[str, object]]] = page.evaluate(
        """(selector) => axe.run(selector, {runOnly: {type: "tag",
             values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})""", selector)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]}  # type: ignore[index, union-attr]
            for v in result["violations"]]


def tab_to(page: Page, selector: str, presses: int = 40) -> None:
    """Press Tab from the top of the page until `selector` has focus (keyboard only)."""
    # Start where a fresh page starts: before everything in <body>.
    page.evaluate("""() => { const start = document.createElement("span");
      start.tabIndex = -1; start.id = "test-start"; document.body.prepend(start); start.focus(); }""")
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            page.evaluate("() => document.getElementById('test-start').remove()")
            return
    raise AssertionError(f"{selector} not reached with {presses} presses of Tab")


@pytest.fixture
def same_address_copy(real: Published, tmp_path: Path) -> Iterator[tuple[Path, str]]:  # noqa: F811
    """A copy of the publish a test may change, at the publish's own address: Material's
    instant navigation follows only the sitemap's links, port included. First in the
    module, before `real_site` takes that port until the module ends."""
    folder = tmp_path / "public"
    shutil.copytree(real.folder, folder)
    with serve(folder, urlsplit(real.url).port or 0) as url:
        yield folder, url


def _publish_b(folder: Path) -> str:
    """Change one page of the served copy and write its worker again (the sw part's way)."""
    edition = folder / EDITION.rstrip("/")
    page_file = edition / PAGE / "index.html"
    page_file.write_text(page_file.read_text("utf-8").replace(
        "</h1>", "</h1><p id=publish-b>Publish B</p>", 1), "utf-8")
    old = write.read_worker(edition)
    new = write.write_worker(edition, ["print/"], [tuple(p) for p in old["pages"]])  # type: ignore[misc, union-attr]
    assert new["revision"] != old["revision"]
    return str(new["revision"])


def test_the_update_notice_waits_for_the_reader_and_reloads_into_the_new_publish(
    browser: Browser, same_address_copy: tuple[Path, str],
) -> None:
    folder, url = same_address_copy
    session = open_session(browser, url)
    try:
        page = session.open(EDITION + OGRS3_PAGE)
        saved(page)
        page.locator("#ogrs3-date-of-birth").fill("1/2/1990")  # answers typed, no draft kept
        _publish_b(folder)
        # update() can stay pending in Chromium: bounded, so a stuck check fails, never hangs CI.
        page.evaluate("""() => Promise.race([
          navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => "checked"),
          new Promise((resolve) => setTimeout(() => resolve("pending"), 30000))])""")
        notice = page.locator(NOTICE)
        page.locator(RELOAD).wait_for(timeout=SAVED_MS)
        assert notice.get_attribute("role") == "status"
        assert "A new version of this guide is available." in notice.inner_text()
        warning = notice.locator("[data-role=update-warning]")
        assert warning.is_visible()
        assert warning.inner_text() == \
            "Reloading clears the answers on this page that are not kept as a draft."
        # Above the header, in the flow: it covers nothing.
        box = notice.bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert box and header and box["y"] + box["height"] <= header["y"] + 1
        assert axe_violations(page, NOTICE) == []
        # Never by itself: the answer is still there a while later.
        page.wait_for_timeout(1500)
        assert page.locator("#ogrs3-date-of-birth").input_value() == "1/2/1990"

        # Instant navigation keeps the notice; a page without typed answers has no warning.
        page.locator(f'.md-nav--primary a[href$="{PAGE.split("/")[1]}/"]').first.click()
        page.wait_for_url("**/" + PAGE)
        assert page.locator(RELOAD).is_visible() and not warning.is_visible()

        tab_to(page, RELOAD)  # reached with Tab alone
        # Activated (as Enter on a focused button does), reading its state in the same
        # task: before the reload it says so and keeps focus (aria-disabled, not disabled).
        state = page.evaluate("""(selector) => { const button = document.querySelector(selector);
          button.click();
          return [button.textContent, button.getAttribute("aria-disabled"),
                  document.activeElement === button]; }""", RELOAD)
        assert state == ["Reloading…", "true", True]
        # Then this tab, and only because the reader asked, reloads into publish B.
        page.wait_for_selector("#publish-b", state="attached", timeout=SAVED_MS)
        assert page.locator(NOTICE).count() == 0 or not page.locator(NOTICE).is_visible()
        session.watch.assert_clean()
    finally:
        session.context.close()


def test_an_address_not_saved_shows_the_offline_page_styled(visit: Session) -> None:  # noqa: F811
    page = visit.open(EDITION + PAGE)
    saved(page)
    visit.context.set_offline(True)
    missing = "2-basic-risk-assessment/no-such-page/"  # two folders deep
    page.goto(visit.base_url + EDITION + missing)
    assert page.locator("h1").first.inner_text().strip() == "You are offline"
    # Its stylesheets and scripts loaded.
    assert page.locator(".md-header").evaluate("(e) => getComputedStyle(e).position") == "sticky"
    page.wait_for_selector("[data-roh-offline-pages] li a")
    # Every page is saved, so this address is not a page of the edition.
    assert page.locator("[data-role=offline-reason]").inner_text().startswith(
        "Every page of this edition is saved on this computer, but there is no page at the "
        "address you asked for.")
    # The worker sent the reader to offline/ itself, with a link back.
    assert "offline/?from=" in page.url, page.url
    back = page.get_by_role("link", name="open the page you asked for")
    assert back.get_attribute("href") == visit.base_url + EDITION + missing
    assert axe_violations(page, "article") == []


def test_the_offline_page_lists_saved_pages_by_section_and_go_to_works_offline(
    visit: Session,  # noqa: F811
) -> None:
    page = visit.open(EDITION + PAGE)
    saved(page)
    visit.context.set_offline(True)
    page.goto(visit.base_url + EDITION + "offline/")
    listing = page.locator("[data-roh-offline-pages]")
    listing.locator("li a").first.wait_for()
    headings = listing.locator("h3").all_inner_texts()
    assert headings[:2] == ["1 Key concepts and definitions", "2 Basic risk assessment"]
    assert headings[-1] == "Other pages"
    section = listing.locator("h3", has_text="2 Basic risk assessment").locator(
        "xpath=following-sibling::ul[1]")
    link = section.get_by_role("link", name=re.compile(r"^2\.6\.4 "))
    assert link.get_attribute("href") == visit.base_url + EDITION + SECTION_PAGE
    count = int(re.match(r"(\d+) pages", listing.locator("p").first.inner_text()).group(1))  # type: ignore[union-attr]
    assert count == listing.locator("li a").count() > 60

    # Go to section, keyboard only, offline: the saved section opens.
    tab_to(page, "#roh-offline-goto-input", presses=80)
    page.keyboard.type("2.6.4")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == visit.base_url + EDITION + SECTION_PAGE + "#s2.6.4"
    assert page.locator("h1").first.inner_text().startswith("2.6.4")


def test_the_tools_control_saves_the_tools_then_a_tool_starts_offline(visit: Session) -> None:  # noqa: F811
    page = visit.open(EDITION + "tools/")
    saved(page)
    page.reload()  # served by the worker now
    button = page.locator(CACHE_TOOLS)
    button.wait_for()
    size = int(page.locator(CONTROL).get_attribute("data-bytes") or 0)
    assert page.locator(CONTROL).inner_text().count(tools_page.megabytes(size)) == 1
    assert axe_violations(page, CONTROL) == []
    page.evaluate("""(selector) => {
      window.rohStatuses = [];
      new MutationObserver(() => window.rohStatuses.push(document.querySelector(selector).textContent))
        .observe(document.querySelector(selector), {childList: true, characterData: true, subtree: true});
    }""", STATUS)

    # Offline first: it fails, says why and offers to try again.
    visit.context.set_offline(True)
    tab_to(page, CACHE_TOOLS, presses=200)  # keyboard only
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{CONTROL}[data-state=failed]")
    assert page.locator(STATUS).inner_text().startswith("The tools could not be saved. You are offline.")
    assert button.inner_text() == "Try again" and button.is_visible()
    assert page.evaluate("document.activeElement.dataset.action") == "cache-tools"
    # A tool opened offline before the tools are saved says so and what to do,
    # as a state, not an error in the console.
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(visit.base_url + EDITION + OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=error]", timeout=SAVED_MS)
    assert "This computer is offline, and the tools have not been saved on it" in \
        page.inner_text('#tool-ogrs3 [data-role="boot-error-text"]')
    assert errors == []
    page.goto(visit.base_url + EDITION + "tools/")
    page.wait_for_selector(f"{CONTROL}[data-state=idle], {CONTROL}[data-state=failed]")
    page.evaluate("""(selector) => {
      window.rohStatuses = [];
      new MutationObserver(() => window.rohStatuses.push(document.querySelector(selector).textContent))
        .observe(document.querySelector(selector), {childList: true, characterData: true, subtree: true});
    }""", STATUS)

    visit.context.set_offline(False)
    page.focus(CACHE_TOOLS)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{CONTROL}[data-state=done]", timeout=SAVED_MS)
    statuses: list[str] = page.evaluate("window.rohStatuses")
    assert any(re.fullmatch(rf"Saving… \d+\.\d\xa0MB of {re.escape(tools_page.megabytes(size))}",
                            text) for text in statuses), statuses
    assert page.locator(STATUS).inner_text() == (
        f"Done: the tools are available offline on this computer ({tools_page.megabytes(size)} saved).")
    assert not button.is_visible()
    assert axe_violations(page, CONTROL) == []

    visit.context.set_offline(True)
    page.goto(visit.base_url + EDITION + OGRS3_PAGE)
    visit.wait_ready()
    page.goto(visit.base_url + EDITION + "tools/")
    page.wait_for_selector(f"{CONTROL}[data-state=cached]")
    assert page.locator(STATUS).inner_text() == "The tools are available offline on this computer."


def test_without_a_service_worker_the_control_and_the_list_say_why(
    browser: Browser, real_site: str,  # noqa: F811
) -> None:
    session = new_session(browser, real_site)  # service workers blocked (C6 default)
    try:
        page = session.open(EDITION + "tools/")
        page.wait_for_selector(f"{CONTROL}[data-state=unsupported]", timeout=READY_TIMEOUT_MS)
        assert page.locator(STATUS).inner_text().startswith(
            "This browser cannot keep the tools for use offline")
        assert not page.locator(CACHE_TOOLS).is_visible()
        page.goto(real_site + EDITION + "offline/")
        listing = page.locator("[data-roh-offline-pages]")
        listing.get_by_text("does not let the guide keep pages").wait_for()
        assert json.loads(listing.get_attribute("data-groups") or "[]")
        session.watch.assert_clean()
    finally:
        session.context.close()
