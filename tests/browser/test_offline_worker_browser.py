"""The service worker of each edition, in Chromium, on a publish served by publishing.serve.

First visit: nothing of the worker before the load event, then every page of the
edition saved; offline, saved pages come from the worker, anything else shows the
offline page, and a tool used once online starts again offline. Updates: an open
tab keeps its publish (no page of one publish with a file of another) until the
reader chooses to reload. A file that does not match the list never enters the
cache. The kill switch removes the worker and every cache.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request

from mkdocs_plugins.offline import write
from publishing import kill_switch
from publishing.serve import serve
from tests.browser.conftest import READY_TIMEOUT_MS, Session, new_session
from tests.published import Published, published

EDITION = "5.0/"
PAGE = "2-basic-risk-assessment/2.2-oasys/"
OTHER_PAGE = "1-key-concepts/1.1-risk-and-harm/"
TOOL_PAGE = "2-basic-risk-assessment/2.2.1-predictors/"
STYLE = "assets/roh/sections.css"
SAVED_MS = 60_000


@pytest.fixture(scope="module")
def real() -> Published:
    return published("real")


@pytest.fixture(scope="module")
def real_site(real: Published) -> Iterator[str]:
    with serve(real.folder, urlsplit(real.url).port or 0) as url:
        yield url


@pytest.fixture
def copy(real: Published, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the publish this test may change, served on a port of its own.

    (Not the publish's own address, which the shared publish is served at: these
    tests fetch pages and never rely on instant navigation, which follows only
    the sitemap's links, port included.)
    """
    folder = tmp_path / "public"
    shutil.copytree(real.folder, folder)
    with serve(folder) as url:
        yield folder, url


def open_session(browser: Browser, url: str) -> Session:
    return new_session(browser, url, service_workers="allow")


@pytest.fixture
def visit(browser: Browser, real_site: str) -> Iterator[Session]:
    session = open_session(browser, real_site)
    yield session
    try:
        session.watch.assert_clean()
    finally:
        session.context.close()


def saved(page: Page) -> None:
    """Wait until this edition is saved and the page is served by its worker (C5)."""
    page.wait_for_selector("html[data-roh-offline=ready]", state="attached", timeout=SAVED_MS)


def cache_names(page: Page) -> list[str]:
    return sorted(page.evaluate("caches.keys()"))


def cached_urls(page: Page) -> list[str]:
    return sorted(page.evaluate("""async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    }"""))


def client(page: Page, base: str) -> None:
    """Load offline-client.mjs into the page as `window.rohClient` (the page's own module)."""
    page.evaluate("""async (url) => { window.rohClient = await import(url); }""",
                  f"{base}{EDITION}assets/roh/offline-client.mjs")


def test_first_visit_saves_the_edition_after_load_and_serves_it_offline(
    visit: Session,
) -> None:
    page = visit.page
    events: list[str] = []
    page.on("load", lambda: events.append("load"))

    def on_request(request: Request) -> None:
        if request.url.endswith("/sw.js"):
            events.append("sw.js")

    visit.context.on("request", on_request)
    visit.open(EDITION + PAGE)
    saved(page)
    assert "sw.js" in events and events.index("load") < events.index("sw.js"), events
    names = cache_names(page)
    assert [n for n in names if n.startswith(f"roh-pages:{visit.base_url}{EDITION}:")], names

    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    visit.context.set_offline(True)
    response = page.goto(visit.base_url + EDITION + OTHER_PAGE)
    assert response is not None and response.status == 200
    assert response.headers.get("x-roh-offline") == "cache"
    assert page.locator("h1").first.inner_text().strip() != ""
    saved(page)  # offline too: served by the worker, everything saved

    for missing in ("print/", "no-such-page/"):
        response = page.goto(visit.base_url + EDITION + missing)
        assert response is not None and response.status == 200
        assert response.headers.get("x-roh-offline") == "fallback"
        assert page.locator("h1").first.inner_text().strip() == "You are offline"
    # Material's sitemap (instant navigation) and version list come from the worker too.
    assert errors == []


def test_the_client_reports_what_is_saved(visit: Session) -> None:
    page = visit.open(EDITION + PAGE)
    saved(page)
    client(page, visit.base_url)
    status = page.evaluate("window.rohClient.status()")
    assert status["supported"] and status["controlled"]
    assert status["pages"]["total"] > 100 and status["pages"]["cached"] == status["pages"]["total"]
    assert len(status["version"]) == 12
    assert status["tools"]["cached"] is False and status["tools"]["total"] > 10_000_000
    pages = page.evaluate("window.rohClient.cachedPages()")
    assert pages[0] == {"url": "./", "title": "Home"}
    urls = [p["url"] for p in pages]
    assert urls.index("1-key-concepts/") < urls.index(PAGE) < urls.index("privacy/")  # nav order
    title = pages[urls.index(PAGE)]["title"]
    assert "OASys" in title and "Risk of Harm Guide" not in title
    assert not any(p["url"] in ("offline/", "print/") for p in pages)

    result = page.evaluate("""async () => {
      const seen = [];
      const result = await window.rohClient.cacheTools((done, total) => seen.push([done, total]));
      return {result, seen};
    }""")
    total = status["tools"]["total"]
    assert result["result"] == {"ok": True, "bytes": total}
    done = [d for d, _ in result["seen"]]
    assert done == sorted(done) and done[-1] == total and {t for _, t in result["seen"]} == {total}
    after = page.evaluate("window.rohClient.status()")
    assert after["tools"] == {"cached": True, "bytes": total, "total": total}
    tools = [n for n in cache_names(page) if n.startswith("roh-tools:")]
    assert len(tools) == 1 and len(tools[0]) == len("roh-tools:") + 16


def test_a_tool_used_once_online_starts_offline(visit: Session) -> None:
    page = visit.open(EDITION + OTHER_PAGE)
    saved(page)
    visit.open(EDITION + TOOL_PAGE)  # served by the worker: the boot fills roh-tools
    visit.wait_ready()
    names = cache_names(page)
    assert any(name.startswith("roh-tools:") for name in names), names

    visit.context.set_offline(True)
    response = page.reload()
    assert response is not None and response.headers.get("x-roh-offline") == "cache"
    visit.wait_ready()


def test_the_worker_script_carries_the_policy_and_cannot_reach_another_origin(
    visit: Session, tmp_path: Path,
) -> None:
    page = visit.open(EDITION + PAGE)
    saved(page)
    response = page.request.get(visit.base_url + EDITION + "sw.js")
    assert "connect-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-cache"
    (worker,) = [w for w in visit.context.service_workers if w.url.endswith(EDITION + "sw.js")]
    other = tmp_path / "other"
    other.mkdir()
    (other / "index.html").write_text("<p>another site</p>")
    import functools
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            hits.append(self.path)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(other)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        result = worker.evaluate(
            "(url) => fetch(url).then(() => 'fetched', (error) => 'refused: ' + error)", address)
    finally:
        server.shutdown()
        server.server_close()
    assert result.startswith("refused"), result
    assert hits == []
    visit.watch.off_origin.clear()  # the attempt itself is reported as a request; none was sent


def test_an_update_keeps_each_tab_on_its_own_publish_until_it_reloads(
    browser: Browser, copy: tuple[Path, str],
) -> None:
    folder, url = copy
    session = open_session(browser, url)
    try:
        page = session.open(EDITION + PAGE)
        saved(page)
        other = session.context.new_page()
        other.goto(url + EDITION + OTHER_PAGE)
        old_style = page.evaluate("(u) => fetch(u).then((r) => r.text())", url + EDITION + STYLE)
        before = cache_names(page)

        edition = folder / EDITION.rstrip("/")
        (edition / STYLE).write_text(old_style + "\n/* publish B */\n", "utf-8")
        page_file = edition / PAGE / "index.html"
        page_file.write_text(page_file.read_text("utf-8").replace(
            "</h1>", "</h1><p id=publish-b>Publish B</p>", 1), "utf-8")
        old = write.read_worker(edition)
        new = write.write_worker(edition, ["print/"], [tuple(p) for p in old["pages"]])  # type: ignore[misc, union-attr]
        assert new["revision"] != old["revision"]

        client(page, url)
        page.evaluate("""() => window.rohClient.onUpdate(() => {
          document.documentElement.dataset.testUpdate = "seen"; })""")
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        page.wait_for_selector("html[data-test-update=seen]", state="attached", timeout=SAVED_MS)

        # The old tabs still get publish A: the page (as instant navigation fetches it) and its style.
        for tab in (page, other):
            assert tab.evaluate("(u) => fetch(u).then((r) => r.text())",
                                url + EDITION + STYLE) == old_style
            html = tab.evaluate("(u) => fetch(u).then((r) => r.text())", url + EDITION + PAGE)
            assert "publish-b" not in html

        # Waiting, publish B has every file saved, and the old worker, asked for its
        # status (which forgets unused caches), leaves B's alone.
        page.evaluate("window.rohClient.status()")
        new_cache = f"roh-pages:{url}{EDITION}:{new['revision']}"
        assert page.evaluate("""(name) => caches.open(name).then((c) => c.keys())
          .then((keys) => keys.length)""", new_cache) == len(new["files"])  # type: ignore[arg-type]

        with page.expect_navigation() as navigation:
            page.evaluate("window.rohClient.applyUpdate()")
        assert navigation.value is not None
        assert navigation.value.headers.get("x-roh-offline") == "cache"
        page.wait_for_selector("#publish-b", state="attached")
        assert page.evaluate("(u) => fetch(u).then((r) => r.text())",
                             url + EDITION + STYLE).endswith("/* publish B */\n")
        # The other tab was not reloaded and still has publish A.
        assert other.evaluate("(u) => fetch(u).then((r) => r.text())",
                              url + EDITION + STYLE) == old_style
        old_cache = f"roh-pages:{url}{EDITION}:{old['revision']}"
        assert old_cache in before and old_cache in cache_names(page)
        other.close()
        client(page, url)
        deadline = time.monotonic() + 10
        while old_cache in cache_names(page) and time.monotonic() < deadline:
            page.evaluate("window.rohClient.status()")
            time.sleep(0.2)
        assert old_cache not in cache_names(page)
        assert f"roh-pages:{url}{EDITION}:{new['revision']}" in cache_names(page)
        session.watch.assert_clean()
    finally:
        session.context.close()


def test_a_file_that_does_not_match_the_list_never_enters_the_cache(
    browser: Browser, copy: tuple[Path, str],
) -> None:
    folder, url = copy
    style = folder / EDITION / STYLE
    style.write_text(style.read_text("utf-8") + "\n/* not this publish's */\n", "utf-8")
    session = open_session(browser, url)
    try:
        page = session.open(EDITION + PAGE)
        page.wait_for_selector("html[data-roh-offline=installing]", state="attached")
        deadline = time.monotonic() + 30
        state = "installing"
        while time.monotonic() < deadline:
            state = page.evaluate("""() => navigator.serviceWorker.getRegistration().then((r) =>
              r ? (r.installing ? "installing" : r.active ? "active" : "none") : "none")""")
            if state != "installing":
                break
            time.sleep(0.2)
        assert state == "none"
        assert url + EDITION + STYLE not in cached_urls(page)
        assert page.locator("html[data-roh-offline=ready]").count() == 0
    finally:
        session.context.close()


def test_the_kill_switch_removes_the_worker_and_every_cache(
    browser: Browser, copy: tuple[Path, str],
) -> None:
    folder, url = copy
    session = open_session(browser, url)
    try:
        page = session.open(EDITION + PAGE)
        saved(page)
        assert any(name.startswith("roh-") for name in cache_names(page))
        written = kill_switch.write(folder)
        assert folder / EDITION / "sw.js" in written
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            left = page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)")
            if left == 0 and not any(n.startswith("roh-") for n in cache_names(page)):
                break
            time.sleep(0.2)
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
        assert [n for n in cache_names(page) if n.startswith("roh-")] == []
        response = page.reload()
        assert response is not None and not response.from_service_worker
        assert "x-roh-offline" not in response.headers
        session.watch.assert_clean()
    finally:
        session.context.close()


def test_without_service_workers_the_page_says_unsupported(
    browser: Browser, real_site: str,
) -> None:
    session = new_session(browser, real_site)  # the default blocks them (C6)
    try:
        page = session.open(EDITION + PAGE)
        page.wait_for_selector("html[data-roh-offline=unsupported]", state="attached",
                               timeout=READY_TIMEOUT_MS)
        assert not any(url.endswith("/sw.js") for url in session.watch.requests)
        session.watch.assert_clean()
    finally:
        session.context.close()
