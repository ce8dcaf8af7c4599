"""Republishing after a one-page change to the current edition ÷ one edition's build.

In a temporary copy of this repository with 2 editions (5.0 and 4.36, as
here) and with 4 (4.35 and 4.34 added as copies of 4.36), after one publish
that fills `.cache/editions/`: change one page of the current edition, time
`python -m publishing publish` as an author runs it (a fresh process: imports,
every edition, latest/, the root pages, urls.txt), then time one build of the
current edition as the publish makes it (publishing.build.build_edition),
alternating. The figure is the larger of the two ratios.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.figures import Figure
from benchmarks.stats import describe, median
from mkdocs_plugins.editions_data import current_edition, load_editions
from publishing import address
from publishing.build import build_edition
from publishing.edition_cache import LOCK_FILES

ROOT = Path(__file__).resolve().parents[1]
NAME = "republish after one-page change / one edition build"
TARGET = 1.3
#: The page changed before each republish (any page of the current edition would do).
PAGE = Path("docs") / "1-key-concepts" / "1.1-risk-and-harm.md"
SOURCE_EDITION = "4.36"
#: Bytecode caches allowed, as in build_overhead.py.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _entry(edition: str, superseded_on: str) -> str:
    return (f'- edition: "{edition}"\n  released: May 2011\n  status: superseded\n'
            f"  superseded_on: {superseded_on}\n"
            f"  description: A copy of {SOURCE_EDITION}, made by benchmarks/republish.py.\n")


def make_repo(target: Path, extra: list[str]) -> Path:
    """A copy of this repository's sources with `extra` frozen copies of 4.36."""
    target.mkdir(parents=True)
    for name in ("docs", "versions", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns(".cache"))
    for name in ("editions.yml", "mkdocs.yml", *LOCK_FILES):
        shutil.copyfile(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    editions = (target / "editions.yml").read_text("utf-8")
    marker = '- edition: "3.05"'
    added = "".join(_entry(e, f"2011-0{4 - i}-01") for i, e in enumerate(extra))
    (target / "editions.yml").write_text(editions.replace(marker, added + marker, 1), "utf-8")
    for edition in extra:
        folder = target / "versions" / edition
        shutil.copytree(target / "versions" / SOURCE_EDITION, folder)
        config = folder / "mkdocs.yml"
        text = config.read_text("utf-8")
        config.write_text(text.replace(f'edition: "{SOURCE_EDITION}"', f'edition: "{edition}"'),
                          "utf-8")
    return target


def _publish(repo: Path, out: Path) -> float:
    env = {**ENV, "NO_MKDOCS_2_WARNING": "1"}
    env.pop(address.ENV, None)  # --local: the loopback address
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "publishing", "publish", "--local",
                           "--out", str(out)], cwd=repo, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stdout + done.stderr)
    return seconds


def _single(repo: Path, out: Path, epoch: int) -> float:
    current = current_edition([e for e in load_editions(repo) if e.published])
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    build_edition(current, out, address.LOCAL, epoch)
    return time.perf_counter() - start


def measure(repo: Path, rounds: int) -> tuple[float, list[float], list[float]]:
    """(ratio, republish seconds, single-build seconds) for one repository copy."""
    out = repo.parent / "public"
    _publish(repo, out)  # fills the cache, as the previous publish would have
    republish: list[float] = []
    single: list[float] = []
    page = repo / PAGE
    for number in range(rounds):
        with page.open("a", encoding="utf-8") as text:
            text.write(f"\nA sentence added by benchmarks/republish.py, round {number + 1}.\n")
        republish.append(_publish(repo, out))
        single.append(_single(repo, repo.parent / "single", int(time.time())))
    return median(republish) / median(single), republish, single


def run(rounds: int = 3) -> list[Figure]:
    ratios: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="roh-republish-") as tmp:
        for count, extra in ((2, []), (4, ["4.35", "4.34"])):
            repo = make_repo(Path(tmp) / f"{count}-editions" / "repo", extra)
            ratio, republish, single = measure(repo, rounds)
            ratios[count] = ratio
            print(f"{count} editions: republish {describe(republish)}")
            print(f"{count} editions: one edition build {describe(single)}")
            print(f"{count} editions: {ratio:.3f}x")
    figure = Figure(NAME, max(ratios.values()), "x", TARGET,
                    detail=", ".join(f"{n} editions {r:.3f}x" for n, r in ratios.items())
                    + f"; medians of {rounds} alternating runs")
    print(figure.line())
    return [figure]


if __name__ == "__main__":
    run()
