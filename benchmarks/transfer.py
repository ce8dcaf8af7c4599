"""Bytes a first visit transfers, compressed: a content page and a tool page.

A fresh publish of every edition is served with the deploy headers and gzip
level 6 for text, scripts, JSON and wasm (benchmarks/published.py: a host
configured for compression; `publishing.serve` itself never compresses). A
fresh Chromium profile (empty HTTP cache, service workers blocked, so the
figure is what the page itself needs, not the background precache of the
whole edition) opens the page and waits until the tool is ready (tool page)
or the network is idle (content page).

Counted from Chromium's request log: every request of the page and of its
workers (Playwright's requestfinished, `request.sizes()`: encoded body plus
response headers, as Chromium's "transferred"). The server's own log of what
it sent is the cross-check: a request the browser log missed fails the run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import Request, sync_playwright

from benchmarks.figures import Figure
from benchmarks.published import CONTENT_PAGE, TOOL_PAGE, Log, published, serve
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

TIMEOUT_MS = 120_000
TOOL_READY = "#tool-ogrs3[data-state=ready]"
KINDS = ("HTML", "CSS", "JS", "Pyodide", "tools archive", "search index", "fonts", "other")


@dataclass(frozen=True)
class Transfer:
    """One request: its path and the bytes Chromium says it transferred."""

    path: str
    body: int
    headers: int

    @property
    def total(self) -> int:
        return self.body + self.headers


def kind(path: str) -> str:
    """Which part of the page a request belongs to, for the breakdown."""
    name = path.split("?", 1)[0]
    if "/_assets/pyodide/" in name:
        return "Pyodide"
    if "/_assets/tools/" in name:
        return "tools archive"
    if name.endswith("search_index.json"):
        return "search index"
    if name.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "fonts"
    if name.endswith("/") or name.endswith(".html"):
        return "HTML"
    if name.endswith(".css"):
        return "CSS"
    if name.endswith((".js", ".mjs")):
        return "JS"
    return "other"


def visit(base: str, path: str, ready: str | None) -> list[Transfer]:
    """Every request a first visit to `path` makes, in a fresh profile."""
    found: list[Transfer] = []

    def finished(request: Request) -> None:
        if request.url.startswith(("data:", "blob:")):
            return
        sizes = request.sizes()
        found.append(Transfer(urlsplit(request.url).path + (
            f"?{urlsplit(request.url).query}" if urlsplit(request.url).query else ""),
            sizes["responseBodySize"], sizes["responseHeadersSize"]))

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(service_workers="block")
            context.on("requestfinished", finished)
            page = context.new_page()
            page.goto(base + path)
            if ready:
                page.wait_for_selector(ready, timeout=TIMEOUT_MS)
            page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
            context.close()
        finally:
            browser.close()
    return found


def breakdown(found: list[Transfer]) -> str:
    by_kind: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for item in found:
        by_kind[kind(item.path)] += item.total
        counts[kind(item.path)] += 1
    return ", ".join(f"{name} {by_kind[name]:,} ({counts[name]})" for name in KINDS
                     if counts[name])


def check_against_server(found: list[Transfer], log: Log, label: str) -> None:
    """Every response the server sent must be in the browser's log."""
    seen = Counter(item.path for item in found)
    sent = Counter(item.path for item in log.sent)
    missing = sent - seen
    if missing:
        raise RuntimeError(f"{label}: the browser's log missed {sorted(missing)}")


def run() -> list[Figure]:
    figures: list[Figure] = []
    log = Log()
    with published() as (public, port), serve(public, port, gzip_text=True, log=log) as base:
        for label, path, ready in (("content page", CONTENT_PAGE, None),
                                   ("tool page", TOOL_PAGE, TOOL_READY)):
            log.clear()
            found = visit(base, path, ready)
            check_against_server(found, log, label)
            total = sum(item.total for item in found)
            print(f"  {label} ({path}), {len(found)} requests: {breakdown(found)}", flush=True)
            until = "the tool is ready" if ready else "the network is idle"
            figure = Figure(f"bytes transferred, {label} first visit (compressed)", total, "bytes",
                            detail=f"gzip level 6, until {until}, headers included")
            print(figure.line(), flush=True)
            figures.append(figure)
    return figures


if __name__ == "__main__":
    run()
