"""The two-edition fixture repository (tests/build/fixtures/editions-repo/), copied and built.

The fixture names the repository's overrides/ and node_modules/ by paths
relative to where it lives; a copy in a tmp folder gets absolute paths instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.build.conftest import FIXTURES, ROOT, Build

FIXTURE = FIXTURES / "editions-repo"
#: The frozen editions in the fixture, by edition number.
FROZEN = ("1.0",)
_REPO_PATH = re.compile(r"(?:\.\./)+(overrides|node_modules)\b")


def copy_repo(target: Path, files: dict[str, str | None] | None = None) -> Path:
    """Copy the fixture to `target`; `files` adds, replaces (text) or deletes (None) files.

    Keys are paths relative to the fixture root, e.g. "versions/1.0/docs/index.md".
    Returns `target`.
    """
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns(".cache"))
    for config in [target / "mkdocs.yml", *(target / "versions").glob("*/mkdocs.yml")]:
        text = config.read_text("utf-8")
        config.write_text(_REPO_PATH.sub(lambda m: str(ROOT / m.group(1)), text), "utf-8")
    for relative, text in (files or {}).items():
        path = target / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def edition_config(repo: Path, edition: str) -> Path:
    """The mkdocs.yml that builds `edition` of the copied fixture ("2.0" is current)."""
    return repo / "versions" / edition / "mkdocs.yml" if edition in FROZEN else repo / "mkdocs.yml"


def build_edition(repo: Path, edition: str, site: Path, **env: str) -> Build:
    """`mkdocs build --strict` of one edition of the copied fixture into `site`.

    `env` adds environment variables, e.g. ROH_SITE_URL and ROH_SITE_ROOT as a
    publish sets them.
    """
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
         str(edition_config(repo, edition)), "-d", str(site)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    return Build(done.returncode, done.stdout + done.stderr, site)
