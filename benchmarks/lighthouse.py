"""Lighthouse performance and accessibility scores for a content page and a tool page.

Lighthouse (pinned in benchmarks/lighthouse/package-lock.json, installed by
benchmarks/lighthouse/install.sh on the first run) drives Debian's Chromium
(CHROME_PATH, never a downloaded Chrome) against a fresh publish of every
edition served with the deploy headers and gzip (as a host configured for
compression serves it: publishing.serve alone does not compress). Mobile is
Lighthouse's default form factor; its default throttling is simulated (Lantern:
150 ms RTT, 1.6 Mbit/s down, 4x CPU slowdown), and the record says so from the
report itself.

Each page runs RUNS times; a figure is the median score. Any request to a host
but the site's fails the run: Chromium resolves no other name
(--host-resolver-rules) and every report's request list is checked.
A record goes to benchmarks/results/lighthouse-<YYYY-MM-DD>.json.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks.figures import Figure
from benchmarks.published import CONTENT_PAGE, GZIP_LEVEL, TOOL_PAGE, published, serve
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "lighthouse"
CLI = FOLDER / "node_modules" / "lighthouse" / "cli" / "index.js"
RESULTS = HERE / "results"
SHOTS = Path(os.environ.get("ROH_LIGHTHOUSE_REPORTS", "/work/shots/lighthouse"))
RUNS = int(os.environ.get("ROH_LIGHTHOUSE_RUNS", "3"))
#: Simulated throttling scales the main thread's observed task times by 4, so
#: other work on the machine inflates blocking time. Before each run, wait (at
#: most QUIET_WAIT_S) for the 1-minute load average to fall to the CPU count.
QUIET_WAIT_S = 30.0
#: Nothing but the local server resolves, so an audit that tries the internet fails visibly.
OFFLINE_FLAGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
#: (label in figure names, page, performance target, accessibility target).
PAGES = (("content page", CONTENT_PAGE, 95.0, 100.0), ("tool page", TOOL_PAGE, 90.0, 100.0))
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint",
           "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift", "SI": "speed-index"}


def install() -> None:
    """The pinned Lighthouse, if it is not installed yet (npm ci; no browser download)."""
    subprocess.run(["bash", str(FOLDER / "install.sh")], check=True)


def lighthouse_version() -> str:
    package = json.loads((FOLDER / "node_modules" / "lighthouse" / "package.json").read_text())
    return str(package["version"])


def chromium_version() -> str:
    done = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def wait_for_quiet() -> float:
    """The 1-minute load average once it is at most the CPU count, or after QUIET_WAIT_S."""
    deadline = time.monotonic() + QUIET_WAIT_S
    while os.getloadavg()[0] > (os.cpu_count() or 1) and time.monotonic() < deadline:
        time.sleep(2)
    return round(os.getloadavg()[0], 2)


def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run (fresh profile, cold cache); the report as a dict.

    Writes `out`.report.json and `out`.report.html.
    """
    flags = " ".join([*CHROMIUM_FLAGS, *OFFLINE_FLAGS])
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    command = ["node", str(CLI), url, "--output=json", "--output=html", f"--output-path={out}",
               "--only-categories=performance,accessibility", f"--chrome-flags={flags}",
               "--no-enable-error-reporting", "--quiet"]
    for attempt in (1, 2):  # on a loaded machine Chromium sometimes fails to start in time
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode == 0:
            break
        print(f"  Lighthouse failed on {url} (attempt {attempt}): "
              f"{done.stderr.strip().splitlines()[-3:]}", flush=True)
    else:
        raise RuntimeError(f"Lighthouse failed twice on {url}: {done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(Path(f"{out}.report.json").read_text(encoding="utf-8"))
    return report


def off_origin(report: dict[str, Any], origin: str) -> list[str]:
    """Every request in the report to anything but the site's origin."""
    items = report["audits"]["network-requests"]["details"]["items"]
    found = []
    for item in items:
        url = str(item["url"])
        if url.startswith(("data:", "blob:")):
            continue
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            found.append(url)
    return found


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """Scores (0-100), key metrics and what failed, from one report."""
    audits = report["audits"]
    failed = sorted(
        key for key, audit in audits.items()
        if audit.get("score") is not None and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"})
    return {
        "performance": round(100 * report["categories"]["performance"]["score"]),
        "accessibility": round(100 * report["categories"]["accessibility"]["score"]),
        "metrics": {name: round(audits[key]["numericValue"], 3 if name == "CLS" else 0)
                    for name, key in METRICS.items()},
        "lcp_element": _lcp_element(audits),
        "long_tasks": [f"{round(task['duration'])} ms at {round(task['startTime'])} ms: "
                       f"{task['url'].rsplit('/', 1)[-1] or 'the page'}"
                       for task in audits["long-tasks"]["details"].get("items", [])[:6]],
        "below_0.9": failed,
        "benchmark_index": report["environment"]["benchmarkIndex"],
        "warnings": report.get("runWarnings", []),
    }


def _lcp_element(audits: dict[str, Any]) -> str:
    details = audits.get("largest-contentful-paint-element", {}).get("details", {})
    for item in details.get("items", []):
        for row in item.get("items", []):
            node = row.get("node")
            if node:
                return str(node.get("snippet", ""))
    return ""


def run(runs: int = RUNS) -> list[Figure]:
    install()
    figures: list[Figure] = []
    record: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": " ".join(platform.uname()),
        "cpu_count": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "chromium": chromium_version(),
        "lighthouse": lighthouse_version(),
        "runs_per_page": runs,
        "compression": f"gzip level {GZIP_LEVEL} of text, scripts, JSON and wasm "
                       "(benchmarks/published.py), as a host configured for compression",
        "pages": {},
    }
    SHOTS.mkdir(parents=True, exist_ok=True)
    with published() as (public, port), serve(public, port, gzip_text=True) as base, \
            tempfile.TemporaryDirectory(prefix="roh-lighthouse-") as tmp:
        origin = base.rstrip("/")
        for label, path, perf_target, a11y_target in PAGES:
            results = []
            for number in range(1, runs + 1):
                out = Path(tmp) / f"{label.replace(' ', '-')}-{number}"
                load = wait_for_quiet()
                report = run_lighthouse(base + path, out)
                leaks = off_origin(report, origin)
                if leaks:
                    raise RuntimeError(f"Lighthouse on {path} requested other hosts: {leaks}")
                results.append({**summary(report), "load_average_before": load})
                print(f"  {label} run {number}: performance {results[-1]['performance']}, "
                      f"accessibility {results[-1]['accessibility']}, {results[-1]['metrics']}, "
                      f"benchmark index {results[-1]['benchmark_index']}, load {load}",
                      flush=True)
                if number == 1:
                    record["form_factor"] = report["configSettings"]["formFactor"]
                    record["throttling_method"] = report["configSettings"]["throttlingMethod"]
                    record["throttling"] = report["configSettings"]["throttling"]
                    (SHOTS / f"{label.replace(' ', '-')}.report.html").write_bytes(
                        Path(f"{out}.report.html").read_bytes())
            perf = statistics.median(r["performance"] for r in results)
            a11y = statistics.median(r["accessibility"] for r in results)
            index = statistics.median(r["benchmark_index"] for r in results)
            record["pages"][label] = {"path": path, "median_performance": perf,
                                      "median_accessibility": a11y, "runs": results}
            for category, value, target in (("performance", perf, perf_target),
                                            ("accessibility", a11y, a11y_target)):
                figure = Figure(f"lighthouse {label} {category}", value, "score", target, ">=",
                                f"median of {runs}, mobile, simulated throttling, "
                                f"benchmark index {index:.0f}")
                print(figure.line(), flush=True)
                figures.append(figure)
    RESULTS.mkdir(exist_ok=True)
    day = record["date"][:10]
    (RESULTS / f"lighthouse-{day}.json").write_text(
        json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    run()
