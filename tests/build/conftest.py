"""Real `mkdocs build` runs on small fixture sites, in a subprocess as an author runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Build:
    """The outcome of one build: exit code, output, and where the site went."""

    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def run_build(config: Path, site: Path) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
         "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600,
    )
    return Build(done.returncode, done.stdout + done.stderr, site)


SiteMaker = Callable[..., Path]


def copy_fixture(name: str, target: Path, pages: dict[str, str] | None = None) -> Path:
    """Copy fixture site `name` to `target`; `pages` adds or replaces docs files.

    Returns the copy's mkdocs.yml. The fixtures name node_modules relative to
    their place in the repo, so the copy points at the repo's node_modules.
    """
    shutil.copytree(FIXTURES / name, target)
    config = target / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("../../../../node_modules", str(ROOT / "node_modules")),
        encoding="utf-8",
    )
    for relative, text in (pages or {}).items():
        path = target / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return config


@pytest.fixture
def fixture_site(tmp_path: Path) -> SiteMaker:
    """copy_fixture() into this test's tmp folder."""

    def make(name: str = "tool-site", pages: dict[str, str] | None = None) -> Path:
        return copy_fixture(name, tmp_path / name, pages)

    return make


def build_clean(name: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build fixture site `name` unchanged (it must build); returns the site folder."""
    folder = tmp_path_factory.mktemp(name)
    build = run_build(copy_fixture(name, folder / "src"), folder / "site")
    assert build.returncode == 0, build.output
    return folder / "site"


@pytest.fixture(scope="session")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide, built once per run as `make build` builds it (no ROH_SITE_URL)."""
    site = tmp_path_factory.mktemp("guide") / "site"
    build = run_build(ROOT / "mkdocs.yml", site)
    assert build.returncode == 0, build.output
    return site
