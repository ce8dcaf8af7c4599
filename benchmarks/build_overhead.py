"""Build time with our plugins ÷ the same docs built with plain Material.

Both builds run in this process's Python, alternating, so machine load hits
both alike. The baseline is mkdocs.yml with every plugin this repository
registers (pyproject.toml's mkdocs.plugins entry points, so a new plugin such
as `offline` is dropped too) taken out of `plugins:`; Material, its search
plugin, the theme overrides and our Markdown extensions stay in both. Before
timing, both sites are built once and compared: the baseline must make every
page the docs have (only our generated folders, short routes and trainer
cards, may be missing from it), or the ratio would flatter us.
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

from benchmarks.figures import Figure
from benchmarks.stats import describe, median

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = str(ROOT / ".venv" / "bin" / "mkdocs")
NAME = "build with plugins / plain Material"
TARGET = 1.15
#: Folders only our plugins generate (sections: short routes and trainer cards;
#: offline: the page a service worker shows for a page it does not have).
GENERATED = ("s/", "cards/", "offline/")


def our_plugins(pyproject: Path = ROOT / "pyproject.toml") -> set[str]:
    """The plugin names this repository registers as MkDocs entry points."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return set(data["project"]["entry-points"]["mkdocs.plugins"])


def baseline_config(text: str, ours: set[str]) -> str:
    """`text` (a mkdocs.yml) without our plugins' entries, options included."""
    kept: list[str] = []
    in_plugins = False
    dropping_below: int | None = None  # indent of a dropped entry's "- " line
    for line in text.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if dropping_below is not None:
            if stripped and indent <= dropping_below:
                dropping_below = None
            else:
                continue  # an option of the dropped plugin (or a blank line)
        if not line.startswith((" ", "-", "#")) and stripped:
            in_plugins = line.startswith("plugins:")
        if in_plugins and stripped.startswith("- "):
            # "/offline" names the plugin outside the theme's namespace (not Material's).
            name = stripped[2:].split(":")[0].strip().lstrip("/")
            if name in ours:
                dropping_below = indent
                continue
        kept.append(line)
    return "\n".join(kept) + "\n"


#: Bytecode caches allowed, as on a reader's or author's machine: with
#: PYTHONDONTWRITEBYTECODE set (as in some sandboxes) our editable-installed
#: modules are compiled on every build while site-packages come precompiled,
#: which charges the plugins about 80 ms that no real build pays.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_build(config: Path, site: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build` in a fresh process."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(
        [MKDOCS, "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=ROOT, check=True, capture_output=True,
        env={**ENV, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start, _children_cpu() - cpu


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def check_same_pages(ours: Path, plain: Path) -> None:
    """The baseline builds every page ours does, bar our generated folders."""
    expected = {p for p in _pages(ours) if not p.startswith(GENERATED)}
    missing = sorted(expected - _pages(plain))
    if missing:
        raise RuntimeError(f"the plain Material baseline does not build {missing[:5]}: "
                           "it is not the same docs, so the ratio would mean nothing")


def run(rounds: int = 7) -> list[Figure]:
    # The baseline config sits beside mkdocs.yml so docs_dir and custom_dir resolve the same.
    baseline = ROOT / ".mkdocs-baseline.yml"
    baseline.write_text(baseline_config((ROOT / "mkdocs.yml").read_text("utf-8"),
                                        our_plugins()), encoding="utf-8")
    ours: list[tuple[float, float]] = []
    plain: list[tuple[float, float]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            # Warm the file caches (and bytecode) once each, and check the page sets.
            time_build(ROOT / "mkdocs.yml", folder / "ours")
            time_build(baseline, folder / "plain")
            check_same_pages(folder / "ours", folder / "plain")
            for _ in range(rounds):
                ours.append(time_build(ROOT / "mkdocs.yml", folder / "ours"))
                plain.append(time_build(baseline, folder / "plain"))
    finally:
        baseline.unlink(missing_ok=True)
    wall = median([w for w, _ in ours]) / median([w for w, _ in plain])
    cpu = median([c for _, c in ours]) / median([c for _, c in plain])
    print(f"build with plugins (wall):    {describe([w for w, _ in ours])}")
    print(f"build without plugins (wall): {describe([w for w, _ in plain])}")
    figure = Figure(NAME, wall, "x", TARGET,
                    detail=f"medians of {rounds} alternating builds; CPU time ratio {cpu:.3f}x")
    print(figure.line())
    return [figure]


if __name__ == "__main__":
    run()
