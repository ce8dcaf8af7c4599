"""Tool start-up and response times in Chromium, as ratios against a bare Pyodide boot.

- cold: a fresh browser profile opens the OGRS3 page; time from navigation
  start to the form being ready, divided by the time a page that does nothing
  but loadPyodide() in the same kind of worker takes (benchmarks/pages/,
  measured in the same run, alternating, so machine load hits both alike).
- warm new tab: after that first visit, a new tab in the same profile opens
  the page again (HTTP cache, compiled-wasm cache and whatever the boot keeps
  on the device); its ready time divided by the cold bare boot.
- after instant navigation: time from clicking a link on one tool page to the
  other tool being ready (Python is already running).
- round trip: time from submit to the result on the page (median, p95).
- Pyodide bytes on pages without a tool: what a fresh profile fetches under
  pyodide/ or of the tools archive while opening a content page, the home page
  and the Tools page (request log; the service worker saves the 2 KB boot
  manifest with the pages, so a saved tool can start offline: not counted).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Response, sync_playwright

from benchmarks.figures import Figure
from benchmarks.stats import describe, median, p95
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, OGRS3_PAGE
from tests.browser.forms import examples, fill
from tests.browser.server import free_port, serve
from tests.browser.test_boot_requests_browser import TOOL_FREE_PAGES, is_tool_runtime

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_MS = 120_000
@contextmanager
def built_site() -> Iterator[str]:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
               "ROH_SITE_URL": f"http://127.0.0.1:{port}/"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                       cwd=ROOT, env=env, check=True)
        shutil.copytree(Path(__file__).parent / "pages", site / "bench")
        version = next((site / "assets" / "pyodide").iterdir()).name
        bare = site / "bench" / "bare.html"
        folder = f"../assets/pyodide/{version}/"
        bare.write_text(bare.read_text("utf-8").replace(
            '<html lang="en-GB">', f'<html lang="en-GB" data-pyodide="{folder}">'))
        with serve(site, port) as base:
            yield base


def _tool_ready(page: Page, base: str) -> float:
    """Open the OGRS3 page in `page`: ms from its navigation start to the form being ready."""
    page.goto(base + OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=ready]", timeout=TIMEOUT_MS)
    return float(page.get_attribute("#tool-ogrs3", "data-ready-at") or "nan")


def _settled(page: Page) -> None:
    """Wait until the first visit has kept (or failed to keep) its snapshot for the next tab."""
    page.wait_for_selector("html[data-roh-snapshot]", state="attached", timeout=TIMEOUT_MS)


def _cold_and_warm(browser: Browser, base: str) -> tuple[float, float]:
    """A first visit in a fresh profile, then the same page in a new tab of that profile."""
    context = browser.new_context()
    first = context.new_page()
    cold = _tool_ready(first, base)
    _settled(first)
    first.close()
    warm = _tool_ready(context.new_page(), base)
    context.close()
    return cold, warm


def _cold_bare(browser: Browser, base: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "bench/bare.html")
    page.wait_for_selector("html[data-bare-ready-at]", timeout=TIMEOUT_MS)
    ready = float(page.get_attribute("html", "data-bare-ready-at") or "nan")
    context.close()
    return ready


def _after_navigation(page: Page, base: str) -> float:
    page.goto(base + OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=ready]", timeout=TIMEOUT_MS)
    clicked = page.evaluate(
        "() => { const t = performance.now(); document.querySelector("
        "'a[href$=\"4.2.1-holistic-plans-and-approach-goals/\"]').click(); return t; }")
    page.wait_for_selector("#tool-risk-management-plan[data-state=ready]", timeout=TIMEOUT_MS)
    if page.evaluate("performance.getEntriesByType('navigation').length") != 1:
        raise RuntimeError("the click reloaded the page instead of instant navigation")
    ready = float(page.get_attribute("#tool-risk-management-plan", "data-ready-at") or "nan")
    return ready - float(clicked)


def _round_trips(page: Page, base: str, count: int) -> list[float]:
    page.goto(base + OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=ready]", timeout=TIMEOUT_MS)
    fill(page, "ogrs3", examples("ogrs3")[1]["inputs"])
    times = []
    for _ in range(count):
        page.evaluate("document.querySelector('#tool-ogrs3').removeAttribute('data-round-trip-ms')")
        page.click("#tool-ogrs3 [data-action=submit]")
        page.wait_for_selector("#tool-ogrs3[data-round-trip-ms]")
        times.append(float(page.get_attribute("#tool-ogrs3", "data-round-trip-ms") or "nan"))
    return times


def _runtime_bytes_without_a_tool(context: BrowserContext, base: str) -> tuple[int, list[str]]:
    """Bytes (and URLs) of Pyodide or the tools archive fetched by tool-free pages."""
    fetched: list[Response] = []
    context.on("response", lambda response: fetched.append(response)
               if is_tool_runtime(response.url, manifest=False) else None)
    page = context.new_page()
    for path in TOOL_FREE_PAGES:
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)  # register.mjs and idle callbacks run after load
    total = sum(len(response.body()) for response in fetched)
    return total, [response.url for response in fetched]


def run(rounds: int = 5, trips: int = 50) -> list[Figure]:
    figures: list[Figure] = []

    def record(figure: Figure) -> None:
        print(figure.line(), flush=True)
        figures.append(figure)

    with built_site() as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        tool, warm, bare = [], [], []
        for index in range(rounds):
            # Alternate which goes first, so neither always follows the other.
            if index % 2:
                cold_ms, warm_ms = _cold_and_warm(browser, base)
                bare.append(_cold_bare(browser, base))
            else:
                bare.append(_cold_bare(browser, base))
                cold_ms, warm_ms = _cold_and_warm(browser, base)
            tool.append(cold_ms)
            warm.append(warm_ms)
        context = browser.new_context()
        page = context.new_page()
        navigation = [_after_navigation(page, base) for _ in range(rounds)]
        trips_ms = _round_trips(page, base, trips)
        context.close()
        context = browser.new_context()
        runtime_bytes, runtime_urls = _runtime_bytes_without_a_tool(context, base)
        context.close()
        browser.close()
    print(f"bare loadPyodide() in a module worker, cold: {describe(bare, ' ms')}")
    print(f"OGRS3 tool ready, cold:                      {describe(tool, ' ms')}")
    print(f"OGRS3 tool ready, warm new tab:              {describe(warm, ' ms')}")
    record(Figure("tool ready cold / bare boot", median(tool) / median(bare), "x", 1.05,
                  detail=f"medians {median(tool):.0f} / {median(bare):.0f} ms, n={rounds}"))
    record(Figure("tool ready warm new tab / cold bare boot", median(warm) / median(bare), "x",
                  0.8, detail=f"medians {median(warm):.0f} / {median(bare):.0f} ms, n={rounds}"))
    record(Figure("tool ready after instant navigation", median(navigation), "ms", 100,
                  detail=f"n={rounds}"))
    record(Figure("input to result median", median(trips_ms), "ms", detail=f"n={trips}"))
    record(Figure("input to result p95", p95(trips_ms), "ms", 50, detail=f"n={trips}"))
    record(Figure("Pyodide bytes on a page without a tool", runtime_bytes, "bytes", 0, "==",
                  detail=", ".join(runtime_urls) or "content page, home page, Tools page"))
    return figures
