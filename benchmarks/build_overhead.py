"""Build time with our plugins ÷ the same docs built with them disabled.

Both builds run in this process's Python, alternating, so machine load hits
both alike. The baseline keeps Material and the search plugin and drops ours.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.stats import describe, median

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = str(ROOT / ".venv" / "bin" / "mkdocs")
OURS = {"sections", "tool_forms", "csp", "guide_pages"}


def _write_baseline_config(path: Path) -> None:
    """mkdocs.yml with our plugins' lines removed (everything else kept)."""
    kept = [
        line
        for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        if not (line.strip().startswith("- ") and line.strip()[2:].split(":")[0] in OURS)
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


#: Bytecode caches allowed, as on a reader's or author's machine: with
#: PYTHONDONTWRITEBYTECODE set (as in some sandboxes) our editable-installed
#: modules are compiled on every build while site-packages come precompiled,
#: which charges the plugins about 80 ms that no real build pays.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [MKDOCS, "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**ENV, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start


def run(rounds: int = 5) -> dict[str, float]:
    # The baseline config sits beside mkdocs.yml so docs_dir resolves the same.
    baseline = ROOT / ".mkdocs-baseline.yml"
    _write_baseline_config(baseline)
    ours: list[float] = []
    plain: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            _time_build(ROOT / "mkdocs.yml", folder / "warm")  # warm file caches once
            for _ in range(rounds):
                ours.append(_time_build(ROOT / "mkdocs.yml", folder / "ours"))
                plain.append(_time_build(baseline, folder / "plain"))
    finally:
        baseline.unlink(missing_ok=True)
    ratio = median(ours) / median(plain)
    print(f"build with plugins:    {describe(ours)}")
    print(f"build without plugins: {describe(plain)}")
    print(f"plugin build overhead: {ratio:.3f}x (target <= 1.15x)")
    return {"build_ratio": ratio}
