"""The published site in Chromium, served by publishing.serve with the deploy headers:
the root and its 404 page, short routes into latest/ and into an edition, a tool on
a superseded edition's page, and a crawl of every page of the two-edition fixture
(the real publish's crawl is test_crawl_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from publishing.serve import serve
from tests.browser.conftest import Session, new_session
from tests.browser.crawl import Crawl, crawl_context, page_file
from tests.browser.forms import examples, fill
from tests.build.links import parse
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


def test_every_page_of_the_fixture_passes_the_crawls_checks(
    browser: Browser, fixture_site: tuple[Published, str]
) -> None:
    """The two-edition fixture (its root 404 page and 1.0's frozen pages differ from the
    real guide's), through the same crawl as the real publish (test_crawl_browser.py):
    every page but latest/'s copies, redirect stubs checked for where they land."""
    done, base_url = fixture_site
    publish = parse(done.folder, done.url)
    urls = [page.url for page in publish.pages.values() if not page.file.startswith("latest/")]
    urls.append("latest/")
    assert {"", "404.html", "1.0/", "2.0/", "s/1.2/"} <= set(urls) and len(urls) > 20
    crawl = Crawl()
    crawl_context(browser, base_url, publish, urls, crawl, name="fixture",
                  service_workers="block")
    print(f"crawled {len(urls)} pages of the fixture publish in {crawl.seconds['fixture']:.1f} s")
    found = {check: crawl.failing(check) for check in ("axe", "violations", "off_origin", "errors")}
    found["status"] = {url: v.status for url, v in crawl.visits.items() if v.status != 200}
    found["policy tags"] = {url: v.policy_tags for url, v in crawl.visits.items()
                            if v.landed is None and v.policy_tags != 1}
    found["redirects"] = {url: v.landed for url, v in crawl.visits.items()
                          if v.landed is not None and not v.landed_on_id
                          and "#" in (publish.pages[page_file(url)].refresh or "")}
    assert not any(found.values()), {check: pages for check, pages in found.items() if pages}
