"""The published site in Chromium, served by publishing.serve with the deploy headers:
the root and its 404 page, short routes into latest/ and into an edition, a tool on
a superseded edition's page, and a crawl of every page of every edition."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage

from publishing.serve import serve
from tests.browser.conftest import Session, new_session
from tests.browser.forms import examples, fill
from tests.browser.test_accessibility_browser import violations
from tests.published import Published, published

OGRS3_1_0 = "1.0/2-planning/2.2-ogrs3-predictor/"


def _served(kind: str) -> Iterator[tuple[Published, str]]:
    done = published(kind)
    with serve(done.folder, urlsplit(done.url).port or 0) as url:
        assert url == done.url
        yield done, url


@pytest.fixture(scope="module")
def fixture_site() -> Iterator[tuple[Published, str]]:
    yield from _served("fixture")


@pytest.fixture(scope="module")
def real_site() -> Iterator[tuple[Published, str]]:
    yield from _served("real")


@pytest.fixture
def visit(browser: Browser, fixture_site: tuple[Published, str]) -> Iterator[Session]:
    session = new_session(browser, fixture_site[1])
    yield session
    try:
        session.watch.assert_clean()
    finally:
        session.context.close()


def test_the_root_sends_readers_to_latest(visit: Session) -> None:
    page = visit.open("")
    page.wait_for_url(f"{visit.base_url}latest/")
    assert page.locator("h1").first.is_visible()


@pytest.mark.parametrize(("route", "lands"), [
    ("s/1.2/", "latest/1-basics/1.2-risk-levels/#s1.2"),
    ("s/2.3/", "latest/2-planning/2.3-other-agencies/#s2.3"),
    ("2.0/s/1.2/", "2.0/1-basics/1.2-risk-levels/#s1.2"),
    ("1.0/s/1.3/", "1.0/1-basics/1.3-risk-levels/#s1.3"),
    ("1.0/s/2.1/", "1.0/2-planning/2.1-planning/#s2.1"),
])
def test_short_routes_land_on_the_section_in_the_right_edition(
    visit: Session, route: str, lands: str
) -> None:
    page = visit.open(route)
    page.wait_for_url(visit.base_url + lands)
    anchor = lands.split("#")[1]
    assert page.locator(f'[id="{anchor}"]').count() == 1


@pytest.mark.parametrize(("address", "lands"), [
    ("1-basics/1.2-risk-levels/", "latest/1-basics/1.2-risk-levels/"),
    ("2-planning/2.3-other-agencies/?from=slide#top", "latest/2-planning/2.3-other-agencies/?from=slide#top"),
])
def test_a_version_less_deep_link_lands_in_latest(visit: Session, address: str, lands: str) -> None:
    page = visit.open(address)
    page.wait_for_url(visit.base_url + lands)
    assert "1.2" in page.title() or "2.3" in page.title()


def test_a_missing_page_offers_go_to_section_which_works(visit: Session) -> None:
    page = visit.open("latest/no-such-page/")
    page.locator("h1", has_text="Page not found").wait_for()
    assert page.url == f"{visit.base_url}latest/no-such-page/", "a real miss is not forwarded"
    box = page.get_by_role("textbox", name="Go to section")
    box.fill("9.9")
    box.press("Enter")
    status = page.locator("#roh-root-goto-status")
    assert "There is no section 9.9 in the current edition" in status.inner_text()
    box.fill("2.3")
    box.press("Enter")
    page.wait_for_url(f"{visit.base_url}latest/2-planning/2.3-other-agencies/#s2.3")


def test_without_javascript_the_404_page_is_links_that_work(
    browser: Browser, fixture_site: tuple[Published, str]
) -> None:
    session = new_session(browser, fixture_site[1], java_script_enabled=False)
    try:
        page = session.open("1.0/gone/")
        assert page.locator("form[data-goto]").is_hidden()
        contents = page.locator(".roh-root__contents a")
        assert contents.count() == 7  # 1, 1.1, 1.2, 2, 2.1, 2.2, 2.3
        page.get_by_role("link", name="1.2 Risk levels").click()
        page.wait_for_url(f"{session.base_url}latest/1-basics/1.2-risk-levels/")
        session.watch.assert_clean()
    finally:
        session.context.close()


def test_a_tool_on_a_superseded_editions_page_starts_and_computes(visit: Session) -> None:
    page = visit.open(OGRS3_1_0)
    visit.wait_ready()
    example = examples("ogrs3")[1]
    fill(page, "ogrs3", example["inputs"])
    page.click("#tool-ogrs3 [data-action=submit]")
    result = page.locator("#tool-ogrs3 [data-role=result]")
    result.locator(".roh-summary-list").wait_for()
    assert f"Within two years\n{example['expected']['percent_2y']}%" in result.inner_text()
    runtime = [u for u in visit.watch.requests if "pyodide.asm.wasm" in u or "/tools/tools-" in u]
    assert runtime and all(urlsplit(u).path.startswith("/_assets/") for u in runtime)


def pages_to_crawl(site: Path) -> list[str]:
    """Every HTML page of the publish that is not a redirect; latest/ is byte-identical
    to its edition (a build test proves it), so only its home page is visited."""
    urls = []
    for url in (site / "urls.txt").read_text("utf-8").splitlines():
        if url.startswith("latest/") and url != "latest/":
            continue
        path = site / (url + "index.html" if url == "" or url.endswith("/") else url)
        if path.suffix != ".html" or 'http-equiv="refresh"' in path.read_text("utf-8"):
            continue
        urls.append(url)
    return urls


def crawl(browser: Browser, base_url: str, urls: list[str]) -> dict[str, object]:
    """One browser profile for the whole crawl; axe injected once per page."""
    session = new_session(browser, base_url)
    problems: dict[str, object] = {}
    console: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            console.append(message.text)

    session.page.on("console", on_console)
    try:
        for url in urls:
            console.clear()
            response = session.page.goto(base_url + url)
            found: list[object] = []
            if response is None or response.status != 200:
                found.append(f"status {response.status if response else None}")
            policies = session.page.locator('meta[http-equiv="Content-Security-Policy"]').count()
            if policies != 1:
                found.append(f"{policies} policy tags")
            found += violations(session.page)
            if console:
                found.append({"console": list(console)})
            if found:
                problems[url] = found
        session.watch.assert_clean()
    finally:
        session.context.close()
    return problems


@pytest.mark.parametrize("kind", ["fixture", "real"])
def test_every_page_has_one_policy_no_error_and_no_axe_violation(
    browser: Browser, kind: str, request: pytest.FixtureRequest
) -> None:
    done, base_url = request.getfixturevalue(f"{kind}_site")
    urls = pages_to_crawl(done.folder)
    assert "" not in urls and "404.html" in urls and "latest/" in urls
    assert len(urls) > (150 if kind == "real" else 20)
    started = time.monotonic()
    problems = crawl(browser, base_url, urls)
    seconds = time.monotonic() - started
    # Measured, not asserted: a wall-clock bound fails on a busy machine (the
    # real crawl took 991 s at a load average of 28 on 2 cores, about 70 s quiet).
    print(f"crawled {len(urls)} pages of the {kind} publish in {seconds:.1f} s")
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())


def test_the_crawl_covers_both_editions_and_the_root(fixture_site: tuple[Published, str]) -> None:
    urls = pages_to_crawl(fixture_site[0].folder)
    assert {u.split("/")[0] for u in urls if "/" in u} >= {"1.0", "2.0", "latest"}
    assert not [u for u in urls if re.match(r"(latest/)?s/", u)], "redirects are not crawled"
