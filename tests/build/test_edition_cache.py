"""The frozen-edition cache (publishing/edition_cache.py) on the two-edition fixture:
a hit is the same bytes as a fresh build, any change to what the frozen build
reads misses, an unsound entry is rebuilt, and a clone without `.cache` builds
everything."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from mkdocs_plugins.editions_data import load_editions
from publishing import edition_cache
from publishing.build import environment
from publishing.edition_cache import Keys, frozen_epoch
from publishing.publish import Report, publish
from tests.build.conftest import ROOT
from tests.build.editions_repo import copy_repo

URL = "http://127.0.0.1:8123/"
FROZEN_PAGE = "versions/1.0/docs/1-basics/1.1-risk-and-harm.md"
CURRENT_PAGE = "docs/1-basics/1.1-risk-and-harm.md"


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def same_bytes(one: Path, other: Path) -> bool:
    names = files(one)
    if names != files(other):
        return False
    _, mismatch, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    return (mismatch, errors) == ([], [])


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_repo(tmp_path_factory.mktemp("cache") / "repo")


@pytest.fixture(scope="module")
def first(repo: Path) -> Report:
    """A publish from a clean clone: no .cache yet."""
    assert not (repo / ".cache").exists()
    return publish(repo, repo.parent / "first", URL, log=False)


def test_a_clone_without_a_cache_builds_every_edition(first: Report) -> None:
    assert first.cached == []
    assert sorted(first.seconds) == ["1.0", "2.0"]


def test_a_hit_is_byte_identical_to_a_fresh_build(repo: Path, first: Report) -> None:
    again = publish(repo, repo.parent / "again", URL, log=False)
    assert again.cached == ["1.0"]
    fresh = publish(repo, repo.parent / "fresh", URL, log=False, use_cache=False)
    assert fresh.cached == []
    assert same_bytes(again.out, fresh.out)
    assert same_bytes(first.out, fresh.out)


def _entry(repo: Path) -> Path:
    entries = [e for e in (repo / edition_cache.FOLDER).iterdir() if e.is_dir()]
    assert len(entries) == 1  # one entry per frozen edition, older ones dropped
    return entries[0]


def test_a_truncated_entry_is_rebuilt(repo: Path, first: Report) -> None:
    page = _entry(repo) / edition_cache.SITE / "index.html"
    page.write_bytes(page.read_bytes()[:100])
    rebuilt = publish(repo, repo.parent / "rebuilt", URL, log=False)
    assert rebuilt.cached == []
    assert same_bytes(rebuilt.out, first.out)
    # The rebuilt entry is sound again.
    cache = edition_cache.EditionCache(repo / edition_cache.FOLDER)
    assert cache.restore(_entry(repo).name, repo.parent / "restored")
    assert same_bytes(repo.parent / "restored", first.out / "1.0")


def test_an_entry_without_its_manifest_or_with_a_file_missing_is_ignored(
        repo: Path, first: Report, tmp_path: Path) -> None:
    cache = edition_cache.EditionCache(tmp_path / "cache")
    for damage in ("manifest", "file"):
        cache.store("k", "1.0", first.out / "1.0")
        entry = tmp_path / "cache" / "k"
        if damage == "manifest":
            (entry / edition_cache.MANIFEST).unlink()
        else:
            (entry / edition_cache.SITE / "sitemap.xml").unlink()
        assert not cache.restore("k", tmp_path / damage)
        assert not entry.exists() and not (tmp_path / damage).exists()


def _key(repo: Path, **env: str) -> str:
    published = [e for e in load_editions(repo) if e.published]
    frozen = next(e for e in published if not e.current)
    base = environment(URL, frozen.edition, frozen_epoch(repo, frozen))
    return Keys(repo, published).key(frozen, {**base, **env})


def _edit(repo: Path, relative: str, old: str, new: str) -> None:
    path = repo / relative
    text = path.read_text("utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


CHANGES = {
    "a frozen page": (FROZEN_PAGE, "Risk is the likelihood", "Risk is the chance"),
    "editions.yml": ("editions.yml", "The first published edition", "The first edition"),
    "the root mkdocs.yml": ("mkdocs.yml", "site_name: Editions fixture", "site_name: Fixture"),
    "a current section's title (the banner names it)": (
        CURRENT_PAGE, 'title: "Risk and harm"', 'title: "Harm and risk"'),
    "a current section's uid": (CURRENT_PAGE, "uid: risk-and-harm", "uid: harm-and-risk"),
    "the current retirements": ("docs/_data/retired-sections.yml", "uid:", "uid: "),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_changing_an_input_misses(tmp_path: Path, change: str) -> None:
    repo = copy_repo(tmp_path / "repo")
    before = _key(repo)
    _edit(repo, *CHANGES[change])
    assert _key(repo) != before


def test_a_new_current_page_and_the_build_environment_are_inputs(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    before = _key(repo)
    assert _key(repo, ROH_SITE_ROOT="https://guide.example.org/") != before
    (repo / "docs" / "extra.md").write_text("# Extra\n", "utf-8")
    assert _key(repo) != before


def test_a_plugin_or_a_theme_file_is_an_input(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    plugins = tmp_path / "mkdocs_plugins"
    shutil.copytree(ROOT / "mkdocs_plugins", plugins,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(edition_cache, "mkdocs_plugins",
                        types.SimpleNamespace(__file__=str(plugins / "__init__.py")))
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    repo = copy_repo(tmp_path / "repo")
    _edit(repo, "versions/1.0/mkdocs.yml", f"custom_dir: {ROOT / 'overrides'}",
          f"custom_dir: {overrides}")
    before = _key(repo)
    css = overrides / "assets" / "stylesheets" / "guide.css"
    css.write_text(css.read_text("utf-8") + "\n/* changed */\n", "utf-8")
    after_theme = _key(repo)
    assert after_theme != before
    plugin = plugins / "editions" / "banner.py"
    plugin.write_text(plugin.read_text("utf-8") + "\n# changed\n", "utf-8")
    assert _key(repo) != after_theme


def test_a_current_page_body_is_not_an_input_of_a_frozen_edition(tmp_path: Path) -> None:
    """The point of the cache: editing the current edition's text rebuilds it alone."""
    repo = copy_repo(tmp_path / "repo")
    frozen = next(e for e in load_editions(repo) if e.published and not e.current)
    before, epoch = _key(repo), frozen_epoch(repo, frozen)
    _edit(repo, CURRENT_PAGE, "Risk is the likelihood", "Risk is the chance")
    assert (_key(repo), frozen_epoch(repo, frozen)) == (before, epoch)


_READS = """
import os, sys
reads = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        mode = args[1] if len(args) > 1 else "r"
        if isinstance(mode, str) and not set(mode) & set("wax+"):
            reads.add(os.path.realpath(os.fsdecode(args[0])))
sys.addaudithook(hook)
from mkdocs.__main__ import cli
try:
    cli(sys.argv[2:], standalone_mode=False)
finally:
    open(sys.argv[1], "w").write("\\n".join(sorted(reads)))
"""


def test_the_key_covers_every_file_a_frozen_build_reads(tmp_path: Path) -> None:
    """Record every file a frozen build opens; each is a key input or not an input at all."""
    repo = copy_repo(tmp_path / "repo")
    frozen = next(e for e in load_editions(repo) if e.published and not e.current)
    site, log = tmp_path / "site", tmp_path / "reads.txt"
    env = environment(URL, frozen.edition, frozen_epoch(repo, frozen))
    done = subprocess.run(
        [sys.executable, "-c", _READS, str(log), "build", "--strict", "-q", "-f",
         str(repo / "versions" / "1.0" / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    covered = [Path(os.path.realpath(p)) for p in (
        repo / "versions" / "1.0", repo / "editions.yml", repo / "mkdocs.yml",
        ROOT / "mkdocs_plugins", ROOT / "tools", ROOT / "overrides",
        ROOT / "node_modules" / "pyodide", site)]
    # Read only for its front matter and file list (the key hashes those).
    front_matter_only = Path(os.path.realpath(repo / "docs"))
    # Not inputs: the installed packages and Python (versions in the key), the
    # system's MIME and zone tables, the QR code cache (its SVGs are keyed by URL).
    elsewhere = [Path(p) for p in (sys.prefix, sys.base_prefix, "/etc", "/usr/share")]
    uncovered = []
    for line in log.read_text("utf-8").splitlines():
        path = Path(line)
        if not path.exists() or path.is_dir():
            continue
        if any(path.is_relative_to(c) for c in covered + elsewhere):
            continue
        if ".cache" in path.parts or "__pycache__" in path.parts:
            continue
        if path.is_relative_to(front_matter_only) and (
                path.suffix == ".md" or path.name == "retired-sections.yml"):
            continue
        uncovered.append(line)
    assert uncovered == []


def test_the_manifest_names_the_edition_and_every_file(repo: Path, first: Report) -> None:
    entry = _entry(repo)
    manifest = json.loads((entry / edition_cache.MANIFEST).read_text("utf-8"))
    assert manifest["edition"] == "1.0"
    assert sorted(manifest["files"]) == files(first.out / "1.0")


def test_a_republish_into_the_same_folder_moves_the_frozen_edition_across(
        repo: Path, first: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen edition the previous publish already holds is moved, not copied; a
    publish that fails afterwards puts it back, so the previous publish stays whole."""
    out = repo.parent / "same"
    publish(repo, out, URL, log=False, use_cache=False)  # its own files, not the cache's
    inode = (out / "1.0" / "index.html").stat().st_ino
    assert inode != (_entry(repo) / edition_cache.SITE / "index.html").stat().st_ino
    again = publish(repo, out, URL, log=False)
    assert again.cached == ["1.0"]
    assert (out / "1.0" / "index.html").stat().st_ino == inode
    assert same_bytes(out, first.out)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("root pages failed")

    monkeypatch.setattr("publishing.publish._root_pages", broken)
    with pytest.raises(RuntimeError):
        publish(repo, out, URL, log=False)
    assert same_bytes(out, first.out)
