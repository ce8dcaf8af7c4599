"""Tool start-up and response times in Chromium, as ratios against a bare Pyodide boot.

- cold: a fresh browser profile opens the OGRS3 page; time from navigation
  start to the form being ready, divided by the time a page that does nothing
  but loadPyodide() in the same kind of worker takes (measured in the same run,
  alternating, so machine load hits both alike).
- after instant navigation: time from clicking a link on one tool page to the
  other tool being ready (Python is already running).
- round trip: time from submit to the result on the page (median, p95).
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

from playwright.sync_api import Browser, Page, sync_playwright

from benchmarks.stats import describe, median, p95
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, OGRS3_PAGE
from tests.browser.forms import examples, fill
from tests.browser.server import free_port, serve

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


def _cold_tool(browser: Browser, base: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=ready]", timeout=TIMEOUT_MS)
    ready = float(page.get_attribute("#tool-ogrs3", "data-ready-at") or "nan")
    context.close()
    return ready


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


def run(rounds: int = 5, trips: int = 50) -> dict[str, float]:
    with built_site() as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        tool, bare = [], []
        for _ in range(rounds):
            bare.append(_cold_bare(browser, base))
            tool.append(_cold_tool(browser, base))
        page = browser.new_context().new_page()
        navigation = [_after_navigation(page, base) for _ in range(rounds)]
        trips_ms = _round_trips(page, base, trips)
        browser.close()
    ratio = median(tool) / median(bare)
    print(f"bare loadPyodide() in a module worker, cold: {describe(bare, 'ms')}")
    print(f"OGRS3 tool ready, cold:                      {describe(tool, 'ms')}")
    print(f"tool ready cold / bare Pyodide boot: {ratio:.3f}x (target <= 1.15x)")
    print(f"tool ready after instant navigation: {describe(navigation, 'ms')} (target <= 100 ms)")
    print(f"input to result: median {median(trips_ms):.1f} ms, p95 {p95(trips_ms):.1f} ms "
          f"(n={len(trips_ms)}; target p95 <= 50 ms)")
    return {"ready_ratio": ratio, "navigation_ms": median(navigation),
            "round_trip_p95_ms": p95(trips_ms)}
