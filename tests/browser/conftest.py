"""Browser tests: the real guide, built once, served on 127.0.0.1, driven in Debian's Chromium.

Every page a test opens is watched: a request to any origin but the local
server, or any Content-Security-Policy violation (in the page or reported from
the tools' worker), fails the test. Nothing here skips: if Chromium cannot
start, every browser test fails and says why.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    sync_playwright,
)

from tests.browser.server import free_port, serve

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("ROH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
#: How long a test waits for Python to start in the worker (boot is CPU-bound, 4-5 s here).
READY_TIMEOUT_MS = 90_000

OGRS3_PAGE = "2-basic-risk-assessment/2.2.1-predictors/"
PLAN_PAGE = "4-risk-management/4.2.1-holistic-plans-and-approach-goals/"

#: Reports a CSP violation from the page through an exposed binding (bindings
#: work under the site's CSP; a string evaluated in the page would not).
VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.rohViolation({directive: e.effectiveDirective, blocked: e.blockedURI,
                       source: e.sourceFile, line: e.lineNumber});
});
"""


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, port: int) -> Path:
    """The guide as `mkdocs build --strict` makes it, for the address it is served at.

    Material's instant navigation only intercepts links to URLs in sitemap.xml,
    matching the port too, so site_url must be the test server's address.
    """
    folder = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ROH_SITE_URL": f"http://127.0.0.1:{port}/"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(folder)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


@pytest.fixture(scope="session")
def base_url(site: Path, port: int) -> Iterator[str]:
    with serve(site, port) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    assert CHROMIUM.is_file(), (
        f"{CHROMIUM} is missing: the test command installs Debian's chromium with apt-get "
        "(make test). Browser tests never skip.")
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield launched
    launched.close()


@dataclass
class Watch:
    """What the browser did that the site promises never to do."""

    origin: str
    off_origin: list[str] = field(default_factory=list)
    violations: list[dict[str, object]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def request(self, request: Request) -> None:
        self.requests.append(request.url)
        url = request.url
        if url.startswith(("blob:", "data:")):
            url = url.split(":", 1)[1] if url.startswith("blob:") else self.origin + "/"
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.off_origin.append(request.url)

    def console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append({"console": message.text})

    def assert_clean(self) -> None:
        assert self.off_origin == [], f"requests to other origins: {self.off_origin}"
        assert self.violations == [], f"Content-Security-Policy violations: {self.violations}"
        assert self.errors == [], f"uncaught errors in the page: {self.errors}"


def watch(context: BrowserContext, origin: str) -> Watch:
    """Record every request and CSP violation in every page of `context`."""
    record = Watch(origin)
    context.on("request", record.request)
    context.expose_binding("rohViolation", lambda _source, info: record.violations.append(info))
    context.add_init_script(VIOLATION_LISTENER)

    def on_page(page: Page) -> None:
        page.on("console", record.console)
        page.on("pageerror", lambda error: record.errors.append(str(error)))

    context.on("page", on_page)
    return record


@dataclass
class Session:
    """A fresh browser profile with everything it does under watch."""

    context: BrowserContext
    page: Page
    watch: Watch
    base_url: str

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        return self.page

    def wait_ready(self, selector: str = ".roh-tool") -> None:
        self.page.wait_for_selector(f"{selector}[data-state=ready]", timeout=READY_TIMEOUT_MS)


def new_session(browser: Browser, base_url: str, **options: object) -> Session:
    """A fresh profile. Service workers are blocked unless a test passes
    `service_workers="allow"`: the other tests see every request on the wire."""
    options.setdefault("service_workers", "block")
    context = browser.new_context(accept_downloads=True, **options)  # type: ignore[arg-type]
    record = watch(context, base_url.rstrip("/"))
    page = context.new_page()
    return Session(context, page, record, base_url)


@pytest.fixture
def session(browser: Browser, base_url: str) -> Iterator[Session]:
    """A fresh profile per test; fails the test on any off-origin request or violation."""
    current = new_session(browser, base_url)
    yield current
    try:
        current.watch.assert_clean()
    finally:
        current.context.close()


def axe_source() -> str:
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    assert path.is_file(), "axe-core is missing: run npm ci (make test does)"
    return path.read_text("utf-8")
