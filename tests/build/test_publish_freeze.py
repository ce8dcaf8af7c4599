"""`python -m publishing freeze <edition>` on a copy of the two-edition fixture: the
frozen edition builds exactly as it did from docs/, and freezing refuses to
overwrite an edition or to freeze one that is not current."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.build.conftest import ROOT
from tests.build.editions_repo import copy_repo


def _freeze(repo: Path, edition: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "publishing", "freeze", edition],
                          capture_output=True, text=True, cwd=repo, timeout=120,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def _build(config: Path, site: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
         "-d", str(site)], capture_output=True, text=True, cwd=ROOT, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1800000000"})
    assert done.returncode == 0, done.stdout + done.stderr


def test_freeze_copies_the_words_and_the_frozen_edition_builds_the_same_site(
    tmp_path: Path,
) -> None:
    repo = copy_repo(tmp_path / "repo")
    done = _freeze(repo, "2.0")
    assert done.returncode == 0, done.stderr
    assert "versions/2.0/" in done.stdout
    assert "set extra.edition" in done.stdout and "status: superseded" in done.stdout
    assert "Empty docs/_data/retired-sections.yml" in done.stdout
    frozen = repo / "versions" / "2.0"
    words = sorted(p.relative_to(repo / "docs") for p in (repo / "docs").rglob("*") if p.is_file())
    assert words == sorted(p.relative_to(frozen / "docs")
                           for p in (frozen / "docs").rglob("*") if p.is_file())
    assert (frozen / "docs" / "_data" / "glossary.yml").is_file()
    config = yaml.safe_load((frozen / "mkdocs.yml").read_text("utf-8").replace("INHERIT", "inherit"))
    main = yaml.load((repo / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert config["inherit"] == "../../mkdocs.yml"
    assert config["docs_dir"] == "docs"
    assert config["extra"] == {"edition": "2.0"}
    assert config["nav"] == yaml.safe_load(yaml.safe_dump(main["nav"]))
    assert (frozen / config["theme"]["custom_dir"]).resolve() == (ROOT / "overrides").resolve()
    assert "plugins" not in config, "the plugin list is today's, inherited"
    # The same words with the same platform: the same site, file for file.
    _build(repo / "mkdocs.yml", tmp_path / "from-docs")
    _build(frozen / "mkdocs.yml", tmp_path / "from-frozen")
    compared = filecmp.dircmp(tmp_path / "from-docs", tmp_path / "from-frozen")
    assert _differences(compared) == []


def _differences(compared: filecmp.dircmp[str]) -> list[str]:
    found = [*compared.left_only, *compared.right_only, *compared.diff_files]
    for sub in compared.subdirs.values():
        found += _differences(sub)
    return found


def test_freeze_refuses_an_edition_that_is_frozen_already_or_not_current(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    before = sorted(p.as_posix() for p in repo.rglob("*"))
    done = _freeze(repo, "1.0")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "Only the current edition can be frozen" in done.stderr and "2.0" in done.stderr
    done = _freeze(repo, "3.0")
    assert done.returncode == 1 and "not 3.0" in done.stderr
    assert sorted(p.as_posix() for p in repo.rglob("*")) == before
    assert _freeze(repo, "2.0").returncode == 0
    again = _freeze(repo, "2.0")
    assert again.returncode == 1
    assert "versions/2.0/ already exists" in again.stderr
