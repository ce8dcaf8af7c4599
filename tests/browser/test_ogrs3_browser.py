"""The OGRS3 calculator in Chromium: results, errors, keyboard only, JavaScript off,
a Python that will not start, and instant navigation between the tool pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import OGRS3_PAGE, PLAN_PAGE, Session, new_session
from tests.browser.forms import examples, fill, read

NAMED = {e["name"]: e for e in examples("ogrs3")}
BROWSER_CASES = ["moj-arns-act62-scenario-2", "rsr-calculator-one-previous-same-year",
                 "regression-T0-very-high"]


@pytest.mark.parametrize("name", BROWSER_CASES)
def test_named_case_gives_the_expected_percentages(session: Session, name: str) -> None:
    example = NAMED[name]
    page = session.open(OGRS3_PAGE)
    session.wait_ready()
    fill(page, "ogrs3", example["inputs"])
    page.click("#tool-ogrs3 [data-action=submit]")
    result = page.locator("#tool-ogrs3 [data-role=result]")
    result.locator(".roh-summary-list").wait_for()
    text = result.inner_text()
    expected = example["expected"]
    assert f"Within one year\n{expected['percent_1y']}%" in text
    assert f"Within two years\n{expected['percent_2y']}%" in text
    assert f"Band (two-year figure)\n{expected['band'].capitalize()}" in text
    assert "How each factor moved the score" in text


def test_invalid_input_focuses_the_summary_whose_links_focus_the_fields(session: Session) -> None:
    page = session.open(OGRS3_PAGE)
    session.wait_ready()
    fill(page, "ogrs3", {"sex": "female", "date_of_birth": "31/2/1980",
                         "previous_sanctions": "-1", "offence": "robbery"})
    page.click("#tool-ogrs3 [data-action=submit]")
    summary = page.locator("#tool-ogrs3 [data-role=error-summary]")
    summary.wait_for()
    assert page.evaluate("document.activeElement.dataset.role") == "error-summary"
    links = summary.locator("a")
    assert links.all_inner_texts()[:3] == [
        "Date of birth must be a real date",
        "Enter date of first sanction",  # asked first: it comes first in time
        "Enter date of the current conviction or caution",
    ]
    assert "Number of previous sanctions must be 0 or more" in links.all_inner_texts()
    assert page.title().startswith("Error: ")
    # A hovered or focused error link keeps the error colour: Material's accent is 4.25:1.
    links.first.hover()
    assert links.first.evaluate("a => getComputedStyle(a).color") == "rgb(179, 38, 30)"
    links.first.focus()
    assert links.first.evaluate("a => getComputedStyle(a).color") == "rgb(179, 38, 30)"
    links.first.click()
    assert page.evaluate("document.activeElement.id") == "ogrs3-date-of-birth"
    summary.get_by_text("Number of previous sanctions must be 0 or more").click()
    assert page.evaluate("document.activeElement.id") == "ogrs3-previous-sanctions"
    # The field says what is wrong, is marked invalid, and nothing typed was lost.
    field = page.locator('#tool-ogrs3 [data-field="date_of_birth"]')
    assert field.locator(".roh-error-message").text_content() == "Error: Date of birth must be a real date"
    assert page.get_attribute("#ogrs3-date-of-birth", "aria-invalid") == "true"
    assert "ogrs3-date-of-birth-error" in (page.get_attribute("#ogrs3-date-of-birth", "aria-describedby") or "")
    assert read(page, "ogrs3") == {"sex": "female", "date_of_birth": "31/2/1980",
                                   "previous_sanctions": "-1", "offence": "robbery",
                                   "as_at": page.input_value("#ogrs3-as-at")}


def test_the_whole_calculator_can_be_completed_with_the_keyboard_alone(session: Session) -> None:
    page = session.open(OGRS3_PAGE)
    session.wait_ready()
    keys = page.keyboard
    for _ in range(400):  # tab from the top of the page to the first question
        keys.press("Tab")
        if page.evaluate("document.activeElement.id") == "ogrs3-sex":
            break
    else:
        pytest.fail("Tab never reached the first question")
    keys.press("Space")                       # Male
    keys.press("Tab")
    keys.type("1/6/1980")                     # date of birth
    keys.press("Tab")
    keys.type("1/2/2002")                     # first sanction (asked first: it came first)
    keys.press("Tab")
    keys.type("1/3/2011")                     # conviction
    keys.press("Tab")
    keys.type("1")                            # previous sanctions
    keys.press("Tab")
    keys.type("Fraud")                        # type-ahead in the select
    keys.press("Tab")
    keys.type("1/3/2011")                     # follow-up start
    keys.press("Enter")                       # submit from the keyboard
    result = page.locator("#tool-ogrs3 [data-role=result]")
    result.locator(".roh-summary-list").wait_for()
    assert "Within two years\n20%" in result.inner_text()
    assert page.evaluate("document.activeElement.dataset.role") == "result"


def test_with_javascript_off_the_form_and_the_notice_are_visible(
    browser: Browser, base_url: str
) -> None:
    quiet = new_session(browser, base_url, java_script_enabled=False)
    try:
        page = quiet.open(OGRS3_PAGE)
        tool = page.locator("#tool-ogrs3")
        assert tool.locator("form").is_visible()
        assert tool.locator("#ogrs3-date-of-birth").is_visible()
        notice = tool.locator(".roh-notice", has_text="needs JavaScript")
        assert notice.is_visible()
        assert "print a blank copy" in notice.inner_text()
        # Without the script the button cannot send answers anywhere, not even to a URL.
        assert tool.locator("[data-action=submit]").is_disabled()
        quiet.watch.assert_clean()
    finally:
        quiet.context.close()


def test_without_webassembly_the_form_stays_readable_with_a_notice(session: Session) -> None:
    session.context.add_init_script("delete globalThis.WebAssembly")
    page = session.open(OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=error]")
    notice = page.locator("#tool-ogrs3 [data-role=unsupported]")
    assert "needs WebAssembly" in notice.inner_text()
    assert page.locator("#ogrs3-date-of-birth").is_visible()
    assert page.get_attribute("html", "data-roh-runtime-starts") is None


def test_opened_from_a_file_the_tool_says_it_needs_a_web_address(
    browser: Browser, site: Path
) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((site / OGRS3_PAGE / "index.html").as_uri())
        page.wait_for_selector("#tool-ogrs3[data-state=error]")
        notice = page.locator("#tool-ogrs3 [data-role=unsupported]")
        assert "cannot run from a file" in notice.inner_text()
        assert page.locator("#ogrs3-date-of-birth").is_visible()
    finally:
        context.close()


def serve_ogrs3_page_with(page: Page, old: str, new: str) -> None:
    """Serve the OGRS3 page with `old` replaced by `new` in its HTML."""

    def rewrite(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(old, new))

    page.route(re.compile(r".*/2\.2\.1-predictors/$"), rewrite)


def test_a_python_that_will_not_start_shows_an_error_and_retry_works(session: Session) -> None:
    page = session.page

    def corrupt(route: Route) -> None:
        route.fulfill(status=200, body=b"\x00not wasm at all", content_type="application/wasm")

    # No shortened boot timeout: the worker checks the wasm against the build's
    # manifest and reports it at once (the retry's boot then has the usual 60 s).
    page.context.route("**/pyodide.asm.wasm", corrupt)
    session.open(OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=error]", timeout=20_000)
    error = page.locator("#tool-ogrs3 [data-role=boot-error]")
    assert error.is_visible()
    assert "could not start. The tool’s files could not be loaded." in error.inner_text()
    page.context.unroute("**/pyodide.asm.wasm")
    page.click("#tool-ogrs3 [data-action=retry]")
    session.wait_ready("#tool-ogrs3")
    assert error.is_hidden()


def test_the_worker_started_from_the_head_is_the_one_the_tool_uses(session: Session) -> None:
    workers: list[str] = []
    session.page.on("worker", lambda worker: workers.append(worker.url))
    session.open(OGRS3_PAGE)
    session.wait_ready("#tool-ogrs3")
    # Material's search worker is the other one; ours starts from a blob: wrapper.
    assert len([url for url in workers if url.startswith("blob:")]) == 1, workers
    assert len([u for u in session.watch.requests if u.endswith("pyodide.asm.wasm")]) == 1


def test_a_worker_that_cannot_load_fails_at_once_with_a_message(session: Session) -> None:
    page = session.page

    # Playwright cannot intercept a request made from inside a worker, so the
    # page is rewritten to name a worker script the server does not have.
    serve_ogrs3_page_with(page, "tools-worker.mjs", "tools-worker-missing.mjs")
    session.open(OGRS3_PAGE)
    # Well inside the 60 s start-up timeout: the failure is reported, not waited out.
    page.wait_for_selector("#tool-ogrs3[data-state=error]", timeout=15_000)
    error = page.locator("#tool-ogrs3 [data-role=boot-error]")
    assert "could not be loaded" in error.inner_text()
    starts = page.get_attribute("html", "data-roh-runtime-starts")
    page.click("#tool-ogrs3 [data-action=retry]")
    # A second worker is started, and it too fails at once.
    expect(page.locator("html")).not_to_have_attribute(
        "data-roh-runtime-starts", starts or "", timeout=15_000)
    page.wait_for_selector("#tool-ogrs3[data-state=error]", timeout=15_000)
    assert "could not be loaded" in error.inner_text()


def test_instant_navigation_to_the_other_tool_does_not_start_python_again(session: Session) -> None:
    page = session.open(OGRS3_PAGE)
    session.wait_ready()
    page.evaluate("window.rohSamePage = true")  # survives instant navigation, not a reload
    page.evaluate("document.querySelector('a[href$=\"4.2.1-holistic-plans-and-approach-goals/\"]')"
                  ".click()")
    page.wait_for_url(re.compile(re.escape(PLAN_PAGE) + "$"))
    session.wait_ready("#tool-risk-management-plan")
    assert page.evaluate("window.rohSamePage") is True, "the page was reloaded"
    assert page.get_attribute("html", "data-roh-runtime-starts") == "1"
    wasm = [u for u in session.watch.requests if u.endswith("pyodide.asm.wasm")]
    assert len(wasm) == 1, wasm
    documents = [u for u in session.watch.requests if u.endswith(PLAN_PAGE)]
    assert documents, "the plan page was not fetched"
