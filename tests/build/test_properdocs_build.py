"""The guide also builds under ProperDocs, the maintained drop-in fork of MkDocs 1.6.

The `mkdocs` package changed owners in March 2026 and its 2.0 pre-releases drop
the plugin API; this keeps a way out. scripts/install.sh creates
.venv-properdocs from requirements-properdocs.lock (ProperDocs, Material and our
plugins, no mkdocs). Both builds of the real guide must give the same files and
the same pages, byte for byte but for the generator <meta>.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROPERDOCS_VENV = ROOT / ".venv-properdocs"
_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def build(command: list[str], site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ROH_SITE_URL": "http://127.0.0.1:8000/"}
    done = subprocess.run([*command, "build", "--strict", "-q", "-d", str(site)],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr


def files(site: Path) -> set[str]:
    return {str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    properdocs = PROPERDOCS_VENV / "bin" / "properdocs"
    assert properdocs.is_file(), f"{properdocs} is missing: run scripts/install.sh"
    folder = tmp_path_factory.mktemp("properdocs")
    build([sys.executable, "-m", "mkdocs"], folder / "mkdocs")
    build([str(properdocs)], folder / "properdocs")
    return folder / "mkdocs", folder / "properdocs"


def test_the_properdocs_environment_has_no_mkdocs_package() -> None:
    done = subprocess.run(
        [str(PROPERDOCS_VENV / "bin" / "python"), "-c",
         "import importlib.util, properdocs; print(importlib.util.find_spec('mkdocs'),"
         " properdocs.__version__)"],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "1.6.7"]


def test_properdocs_builds_the_same_files(sites: tuple[Path, Path]) -> None:
    by_mkdocs, by_properdocs = sites
    assert files(by_properdocs) == files(by_mkdocs)
    assert len([name for name in files(by_mkdocs) if name.endswith(".html")]) > 100


def test_properdocs_builds_the_same_pages(sites: tuple[Path, Path]) -> None:
    by_mkdocs, by_properdocs = sites
    pages = sorted(name for name in files(by_mkdocs) if name.endswith(".html"))
    differ = [
        name for name in pages
        if _GENERATOR.sub("", (by_mkdocs / name).read_text("utf-8"))
        != _GENERATOR.sub("", (by_properdocs / name).read_text("utf-8"))
    ]
    assert differ == []
    generator = _GENERATOR.search((by_properdocs / "index.html").read_text("utf-8"))
    assert generator is not None and "ProperDocs 1.6.7" in generator.group(0)
