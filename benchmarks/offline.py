"""Showing a page offline from the service worker's cache, against the same page online.

One edition (`mkdocs build`, its own service worker) served by publishing.serve.
- offline: a profile whose worker has precached the edition (it waits for
  `html[data-roh-offline=ready]`), then `set_offline(True)`; every page comes
  from the worker (checked: `response.from_service_worker`).
- online: a profile with service workers blocked, as a reader had before the
  worker existed, its HTTP cache warmed by one visit to each page first.
Both open the same pages, alternating page by page in each round so machine load
hits both alike. "Shown" is navigation start to first contentful paint (the
detail adds the load event), from the page's own Performance entries.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from benchmarks.figures import Figure
from benchmarks.stats import median
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, OGRS3_PAGE
from tests.browser.server import free_port, serve

ROOT = Path(__file__).resolve().parents[1]
#: A short page, a long one, a tool page, the index and a trainer card.
PAGES = ("", "2-basic-risk-assessment/2.6.4-risk-levels-in-practice/", OGRS3_PAGE,
         "a-z-index/", "cards/2.6.4/")
TIMEOUT_MS = 120_000
TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {load: nav.loadEventEnd - nav.startTime, fcp: paint ? paint.startTime : NaN};
}"""


@contextmanager
def built_site() -> Iterator[str]:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
               "ROH_SITE_URL": f"http://127.0.0.1:{port}/"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                       cwd=ROOT, env=env, check=True)
        with serve(site, port) as base:
            yield base


def _show(page: Page, url: str, *, from_worker: bool) -> dict[str, float]:
    response = page.goto(url, wait_until="load")
    if response is None or response.from_service_worker != from_worker:
        raise RuntimeError(f"{url}: expected from_service_worker={from_worker}")
    timing: dict[str, Any] = page.evaluate(TIMING)
    return {"load": float(timing["load"]), "fcp": float(timing["fcp"])}


def run(rounds: int = 5) -> list[Figure]:
    with built_site() as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        online_context = browser.new_context(service_workers="block")
        online = online_context.new_page()
        offline_context = browser.new_context(service_workers="allow")
        offline = offline_context.new_page()
        offline.goto(base)
        offline.locator("html[data-roh-offline=ready]").wait_for(state="attached",
                                                               timeout=TIMEOUT_MS)
        offline_context.set_offline(True)
        for path in PAGES:  # warm the online profile's HTTP cache
            online.goto(base + path, wait_until="load")
        times: dict[str, list[dict[str, float]]] = {"online": [], "offline": []}
        for _ in range(rounds):
            for path in PAGES:
                times["online"].append(_show(online, base + path, from_worker=False))
                times["offline"].append(_show(offline, base + path, from_worker=True))
        browser.close()
    load = {mode: median([t["load"] for t in found]) for mode, found in times.items()}
    fcp = {mode: median([t["fcp"] for t in found]) for mode, found in times.items()}
    figure = Figure(
        "offline cached page shown / same page online", fcp["offline"] / fcp["online"], "x",
        detail=(f"navigation start to first contentful paint, median of {rounds} x "
                f"{len(PAGES)} pages: offline {fcp['offline']:.0f} ms, online "
                f"{fcp['online']:.0f} ms (load event {load['offline']:.0f} / "
                f"{load['online']:.0f} ms); online = no worker, warm HTTP cache"))
    print(figure.line())
    return [figure]


if __name__ == "__main__":
    run()
