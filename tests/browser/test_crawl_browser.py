"""Every page of every edition of the real publish in Chromium, checked from one crawl.

The publish is served by publishing.serve (the deploy headers). One context per
edition visits each of its pages once (tests/browser/crawl.py); the tests below
each assert one thing on what that crawl recorded, and fail with the pages.
latest/ is a byte copy of the current edition: the copy is compared byte for
byte instead of being crawled again, and only its home page is visited.
"""

from __future__ import annotations

import filecmp
from collections.abc import Callable, Iterator, Mapping
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Browser

from mkdocs_plugins.offline.write import read_worker
from publishing.headers import security_headers
from publishing.serve import serve
from tests.browser.crawl import Crawl, crawl_context, page_file
from tests.browser.test_accessibility_browser import page_urls
from tests.build.links import Publish, parse
from tests.published import Published, published

CURRENT = "5.0"


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[Published, Publish, str]]:
    done = published("real")
    with serve(done.folder, urlsplit(done.url).port or 0) as url:
        assert url == done.url
        yield done, parse(done.folder, done.url), url


def edition_pages(publish: Publish, edition: str) -> list[str]:
    return [page.url for file, page in publish.pages.items() if file.startswith(edition + "/")]


def root_pages(publish: Publish) -> list[str]:
    return [page.url for page in publish.pages.values()
            if page.file.split("/")[0] not in publish.edition_roots()]


@pytest.fixture(scope="module")
def online(browser: Browser, site: tuple[Published, Publish, str]) -> Crawl:
    _, publish, url = site
    crawl = Crawl()
    for edition in publish.edition_roots():
        if edition != "latest":
            crawl_context(browser, url, publish, edition_pages(publish, edition), crawl,
                          name=edition, service_workers="block")
    crawl_context(browser, url, publish, [*root_pages(publish), "latest/"], crawl,
                  name="root and latest/", service_workers="block")
    report(crawl, "online")
    return crawl


def report(crawl: Crawl, mode: str) -> None:
    """Printed, not asserted against a wall clock (a loaded 2-core machine is slow)."""
    slowest = sorted(crawl.visits.values(), key=lambda v: -v.seconds)[:5]
    axed = sum(v.axe_run for v in crawl.visits.values())
    print(f"\n{mode} crawl: {len(crawl.visits)} pages, {crawl.cpu_seconds:.0f} CPU s; " +
          ", ".join(f"{name} {seconds:.1f} s" for name, seconds in crawl.seconds.items()) +
          f"; axe on {axed}" +
          "; slowest: " + ", ".join(f"{v.url} {v.seconds:.1f} s" for v in slowest))


#: Offline, axe runs where scripts can change the page: every page with a tool (the
#: form's offline state) and one page of each other kind; every page's bytes are
#: compared with the publish's instead (see offline_axe).
OFFLINE_AXE_KINDS = ("", "offline/", "print/", "tools/", "user-guide/", "a-z-index/",
                     "glossary/", "cards/2.6.4/", "1-key-concepts/1.1-risk-and-harm/")


def offline_axe(publish: Publish, edition: str) -> Callable[[str], bool]:
    """Offline, the pages' bytes are the publish's (checked for every page) and their
    styles are the cached files the worker verified, so only what scripts do offline
    can differ, and the same modules do it on every page of a kind."""
    tools = {page.url for page in publish.pages.values()
             if page.url.startswith(edition + "/") and any(i.startswith("tool-") for i in page.ids)}
    assert tools, "no tool pages found: the form ids changed?"
    kinds = {f"{edition}/{url}" for url in OFFLINE_AXE_KINDS}
    return lambda url: url in tools or url in kinds


@pytest.fixture(scope="module")
def offline(browser: Browser, site: tuple[Published, Publish, str]) -> Crawl:
    """Each edition: open its home with the worker allowed, wait until it has saved the
    edition, go offline, and visit every page of the edition again."""
    _, publish, url = site
    crawl = Crawl()
    for edition in publish.edition_roots():
        if edition != "latest":
            crawl_context(browser, url, publish, edition_pages(publish, edition), crawl,
                          name=f"{edition} offline", offline_after=f"{edition}/",
                          axe=offline_axe(publish, edition), service_workers="allow")
    report(crawl, "offline")
    return crawl


@pytest.fixture(params=["online", "offline"])
def crawl(request: pytest.FixtureRequest) -> Crawl:
    found: Crawl = request.getfixturevalue(request.param)
    return found


def problems(found: Mapping[str, object]) -> str:
    return f"{len(found)} pages:\n" + "\n".join(f"{url}: {what}" for url, what in found.items())


def test_the_crawl_visits_every_page_but_latests_copies(
    online: Crawl, site: tuple[Published, Publish, str]
) -> None:
    _, publish, _ = site
    expected = {page.url for page in publish.pages.values()
                if not page.file.startswith("latest/")} | {"latest/"}
    assert set(online.visits) == expected
    # It covers every page test_accessibility_browser.py's loop used to visit.
    assert {f"{CURRENT}/{url}" for url in page_urls()} <= set(online.visits)


def test_latest_is_a_byte_copy_of_the_current_edition(site: tuple[Published, Publish, str]) -> None:
    folder = site[0].folder
    current, latest = folder / CURRENT, folder / "latest"
    names = sorted(p.relative_to(current).as_posix() for p in current.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(latest).as_posix() for p in latest.rglob("*")
                           if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(current, latest, names, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_every_page_is_served_with_status_200(crawl: Crawl) -> None:
    wrong = {name: visit.status for name, visit in crawl.visits.items() if visit.status != 200}
    assert not wrong, problems(wrong)


def test_every_page_has_one_policy_and_the_header(
    crawl: Crawl, site: tuple[Published, Publish, str]
) -> None:
    header = security_headers(site[0].folder)["Content-Security-Policy"]
    wrong = {name: (visit.policy_tags, visit.policy_header == header)
             for name, visit in crawl.visits.items()
             if visit.policy_header != header or (visit.landed is None and visit.policy_tags != 1)}
    assert not wrong, "(policy tags in the page, header as publishing.headers says) on " + \
        problems(wrong)


def test_axe_finds_nothing_on_any_page(crawl: Crawl) -> None:
    assert not crawl.failing("axe"), problems(crawl.failing("axe"))


def test_no_page_breaks_the_content_security_policy(crawl: Crawl) -> None:
    assert not crawl.failing("violations"), problems(crawl.failing("violations"))


def test_no_page_requests_another_origin(crawl: Crawl) -> None:
    assert not crawl.failing("off_origin"), problems(crawl.failing("off_origin"))


def test_no_page_logs_an_error(crawl: Crawl) -> None:
    assert not crawl.failing("errors"), problems(crawl.failing("errors"))


def test_every_redirect_lands_on_its_target_and_its_id(
    crawl: Crawl, site: tuple[Published, Publish, str]
) -> None:
    _, publish, _ = site
    stubs = {name: visit for name, visit in crawl.visits.items()
             if publish.pages[page_file(visit.url)].refresh is not None}
    assert len(stubs) > 130  # 5.0's and 4.36's short links (online also the root's)
    wrong = {}
    for name, visit in stubs.items():
        page = publish.pages[page_file(visit.url)]
        target = publish.resolve(page, page.refresh or "")
        if visit.landed is None or visit.landed.split("#")[0] != target.path or \
                (target.fragment and not visit.landed_on_id):
            wrong[name] = f"landed on {visit.landed}, expected {target.path}#{target.fragment}"
    assert not wrong, problems(wrong)


def test_offline_every_page_of_each_edition_comes_from_the_service_worker(
    offline: Crawl, site: tuple[Published, Publish, str]
) -> None:
    """Saved pages with the publish's own bytes; the few the worker does not save
    (print/, 404.html: see its precache list) send the reader to the offline page,
    at its own address (`offline/?from=<page>`) so its relative links resolve."""
    done, publish, _ = site
    wrong: dict[str, object] = {}
    for edition in [e for e in publish.edition_roots() if e != "latest"]:
        listed = read_worker(done.folder / edition)["files"]
        assert isinstance(listed, list)
        saved = {f"{edition}/{'' if path == './' else path}" for path, _ in listed}
        pages = edition_pages(publish, edition)
        assert set(pages) <= set(offline.visits), f"{edition}: pages the offline crawl missed"
        assert len(saved & set(pages)) > 150
        for url in pages:
            visit = offline.visits[url]
            if url not in saved:
                rest = url[len(edition) + 1:]
                offline_page = f"{edition}/offline/?from={quote(rest, safe='')}"
                if not visit.from_service_worker or visit.landed != offline_page:
                    wrong[url] = f"from the worker: {visit.from_service_worker}, {visit.landed}"
            elif not visit.from_service_worker or visit.marker != "cache":
                wrong[url] = f"from the worker: {visit.from_service_worker}, {visit.marker}"
            elif visit.landed is None and \
                    visit.body != (done.folder / page_file(url)).read_bytes():
                wrong[url] = "not the published bytes"
    assert not wrong, problems(wrong)
