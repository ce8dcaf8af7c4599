"""One browser crawl of a publish; every crawl test reads what it recorded.

Each edition gets one Chromium context with two tabs, reused for every page:
`goto` (until the load event), then axe-core (the pinned npm package, with the
options test_accessibility_browser.py uses) started in the page without waiting
for it, so one tab's axe runs while the other tab loads the next page (axe is
most of a visit's time, and there are two cores). Each request, CSP violation,
console error and uncaught error is recorded against the visit showing in the
tab it came from; the service worker's own requests against the context.

A redirect stub (`s/<n>/`) is not given to axe: it leaves for its target at
once (a meta refresh of 0 s). What is recorded for it is its response, where
it landed, and whether the landing page has the section's id.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Request

from tests.browser.conftest import VIOLATION_LISTENER, axe_source
from tests.browser.test_accessibility_browser import AXE_OPTIONS
from tests.build.links import Publish

#: Waits for a redirect stub to reach its target (meta refresh, then the target's DOM).
REDIRECT_TIMEOUT_MS = 30_000
#: Waits for the service worker to say the whole edition is saved.
PRECACHE_TIMEOUT_MS = 180_000
TABS = 2
_START_AXE = "(options) => { window.__rohAxe = axe.run(document, options); }"
_AXE_RESULT = """() => window.__rohAxe.then((r) => r.violations.map((v) => ({
  id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target)})))"""


@dataclass
class Visit:
    """What one page did while it was showing."""

    url: str                      # relative to the publish root: "5.0/glossary/"
    status: int | None = None
    policy_header: str | None = None
    policy_tags: int = 0
    from_service_worker: bool = False
    marker: str | None = None     # the service worker's X-Roh-Offline: "cache" or "fallback"
    body: bytes | None = None     # the HTML the browser got (kept offline only)
    axe: list[dict[str, Any]] = field(default_factory=list)
    axe_run: bool = False
    violations: list[str] = field(default_factory=list)
    off_origin: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    landed: str | None = None     # a redirect's final address, relative to the root
    landed_on_id: bool = False
    seconds: float = 0.0


@dataclass
class Crawl:
    """Every visit of one crawl by name ("5.0/glossary/"), what happened outside the
    visits (the first visit before going offline, the service worker's own
    requests) by context, and each context's time."""

    visits: dict[str, Visit] = field(default_factory=dict)
    others: dict[str, Visit] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: float = 0.0

    def failing(self, check: str) -> dict[str, object]:
        """Name → what `check` found there, for every record where it found something."""
        return {name: getattr(visit, check)
                for name, visit in (self.visits | self.others).items() if getattr(visit, check)}


def _off_origin(url: str, origin: str) -> bool:
    if url.startswith("data:"):
        return False
    parts = urlsplit(url[len("blob:"):] if url.startswith("blob:") else url)
    return f"{parts.scheme}://{parts.netloc}" != origin


class Tab:
    """One reused tab: the visit it shows, and everything that visit did."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.visit = Visit("")
        self.axe_started = 0.0
        self.pending = False
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.visit.errors.append(f"uncaught: {error}"))

    def console(self, message: ConsoleMessage) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.visit.violations.append(text)
        if message.type == "error":
            where = message.location.get("url")  # for a failed load, the resource
            self.visit.errors.append(f"{text} ({where})" if where else text)

    def open(self, base_url: str, publish: Publish, visit: Visit, *, body: bool,
             axe: bool) -> None:
        """Load the page and check what needs no waiting; start axe if asked."""
        self.visit = visit
        started = time.monotonic()
        parsed = publish.pages[page_file(visit.url)]
        redirect = parsed.refresh is not None
        # A stub is left at once: its response is what counts, not its load event.
        response = self.page.goto(base_url + visit.url,
                                  wait_until="commit" if redirect else "load")
        if response is not None:
            visit.status = response.status
            visit.policy_header = response.headers.get("content-security-policy")
            visit.from_service_worker = response.from_service_worker
            visit.marker = response.headers.get("x-roh-offline")
            if body and not redirect:
                visit.body = response.body()
        if redirect:
            target = publish.resolve(parsed, parsed.refresh or "")
            expected = urljoin(base_url, target.path)
            self.page.wait_for_url(lambda url: url.split("#")[0] == expected,
                                   wait_until="domcontentloaded", timeout=REDIRECT_TIMEOUT_MS)
            visit.landed = self.page.url[len(base_url):]
            visit.landed_on_id = bool(self.page.locator(f'[id="{target.fragment}"]').count())
        else:
            if self.page.url != base_url + visit.url:  # the worker sent it to offline/
                visit.landed = self.page.url[len(base_url):]
            visit.policy_tags = self.page.locator(
                'meta[http-equiv="Content-Security-Policy"]').count()
            if axe:
                if not self.page.evaluate("typeof window.axe === 'object'"):
                    self.page.evaluate(axe_source())
                self.page.evaluate(_START_AXE, AXE_OPTIONS)
                self.pending = True
                visit.axe_run = True
        visit.seconds = time.monotonic() - started

    def finish(self) -> None:
        """Wait for the axe run this tab started, if any."""
        if self.pending:
            started = time.monotonic()
            self.visit.axe = self.page.evaluate(_AXE_RESULT)
            self.visit.seconds += time.monotonic() - started
            self.pending = False


def crawl_context(
    browser: Browser, base_url: str, publish: Publish, urls: Iterable[str], crawl: Crawl,
    *, name: str, prefix: str = "", offline_after: str | None = None,
    axe: Callable[[str], bool] = lambda _url: True, **options: Any,
) -> None:
    """Visit `urls` in one new context, recording each into `crawl` as prefix + url.

    With `offline_after`, that page is opened first and, once the service worker
    says this edition is saved (`html[data-roh-offline=ready]`), the context
    goes offline before the crawl begins; the pages' bytes are then kept.
    """
    started, cpu = time.monotonic(), cpu_seconds()
    context = browser.new_context(**options)
    origin = base_url.rstrip("/")
    try:
        outside = crawl.others[f"{name}: service worker"] = Visit("")
        tabs = [Tab(context.new_page()) for _ in range(TABS)]

        def owner(request: Request) -> Visit:
            if request.service_worker:
                return outside
            try:
                return _tab(tabs, request.frame.page).visit
            except (Error, StopIteration):  # no frame, or a tab the crawl did not open
                return outside

        def on_request(request: Request) -> None:
            if _off_origin(request.url, origin):
                owner(request).off_origin.append(request.url)

        context.on("request", on_request)
        context.expose_binding("rohViolation", lambda source, info: _tab(tabs, source["page"])
                               .visit.violations.append(f"{info['directive']} blocked "
                                                        f"{info['blocked']}"))
        context.add_init_script(VIOLATION_LISTENER)
        if offline_after is not None:
            tabs[0].visit = crawl.others[f"{name}: first visit"] = Visit(offline_after)
            tabs[0].page.goto(base_url + offline_after)
            tabs[0].page.locator("html[data-roh-offline=ready]").wait_for(
                state="attached", timeout=PRECACHE_TIMEOUT_MS)
            context.set_offline(True)
        for number, url in enumerate(urls):
            tab = tabs[number % TABS]
            tab.finish()
            visit = crawl.visits[prefix + url] = Visit(url)
            tab.open(base_url, publish, visit, body=offline_after is not None, axe=axe(url))
        for tab in tabs:
            tab.finish()
    finally:
        context.close()
        crawl.seconds[name] = time.monotonic() - started
        crawl.cpu_seconds += cpu_seconds() - cpu


def cpu_seconds() -> float:
    """CPU time used by this process and every process under it (Chromium's too, the
    ended ones through their parents), so that a crawl's cost can be told apart
    from the machine's load: wall time on a busy 2-core machine says little."""
    parent: dict[int, int] = {}
    used: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended while we looked
            continue
        parent[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = sum(int(value) for value in fields[11:15])
    ours, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        ours += used.get(pid, 0)
        todo += [child for child, up in parent.items() if up == pid]
    return ours / os.sysconf("SC_CLK_TCK")


def _tab(tabs: list[Tab], page: Page) -> Tab:
    return next(tab for tab in tabs if tab.page == page)


def page_file(url: str) -> str:
    """The file a page's address is served from ("5.0/glossary/" → ".../index.html")."""
    return url + "index.html" if url == "" or url.endswith("/") else url
