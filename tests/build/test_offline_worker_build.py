"""The real guide, published: every edition (and latest/) has a service worker whose list
matches the files as published, byte for byte, and saves what a reader can need."""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
from pathlib import Path

import pytest

from mkdocs_plugins.editions_data import load_editions
from mkdocs_plugins.offline import write
from tests.published import ROOT, Published, published


@pytest.fixture(scope="module")
def site() -> Published:
    return published("real")


def editions() -> list[str]:
    return [e.edition for e in load_editions(ROOT) if e.published]


def file_of(root: Path, url: str) -> Path:
    path = root / posixpath.normpath(url)
    return path / "index.html" if url.endswith("/") or url == "./" else path


def integrity(path: Path) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


@pytest.mark.parametrize("edition", [*editions(), "latest"])
def test_every_listed_file_is_published_with_the_listed_hash(site: Published, edition: str) -> None:
    root = site.folder / edition
    data = write.read_worker(root)
    files = dict(map(tuple, data["files"]))  # type: ignore[arg-type]
    wrong = [url for url, want in files.items() if integrity(file_of(root, url)) != want]
    assert wrong == [], f"published bytes differ from the worker's list: {wrong[:5]}"
    assert "offline/" in files and (root / "offline" / "index.html").is_file()
    pages = [p.relative_to(root).parent.as_posix() + "/" for p in root.rglob("index.html")]
    missing = sorted(p for p in pages if p.replace("./", "", 1) not in files
                     and not p.startswith("print/") and p != "./")
    assert missing == []  # every page but the print page is saved
    assert "print/" not in files and not any(u.endswith((".map", ".gz")) for u in files)


@pytest.mark.parametrize("edition", [*editions(), "latest"])
def test_the_boot_files_the_worker_knows_are_the_shared_ones_with_their_hashes(
    site: Published, edition: str
) -> None:
    root = site.folder / edition
    data = write.read_worker(root)
    boot = data["boot"]
    manifest = (root / "assets" / "roh" / "boot-manifest.json").read_bytes()
    assert boot["hash"] == hashlib.sha256(manifest).hexdigest()[:16]  # type: ignore[index]
    listed = json.loads(manifest)["files"]
    assert len(boot["files"]) == len(listed)  # type: ignore[index, arg-type]
    for url, want, size in boot["files"]:  # type: ignore[index]
        assert url.startswith("../_assets/")
        path = (root / url).resolve()
        assert path.stat().st_size == size and integrity(path) == want
    files = {url for url, _ in data["files"]}  # type: ignore[attr-defined]
    assert not any("pyodide" in url or "/tools/tools-" in url for url in files)


def test_latest_is_a_byte_copy_and_each_edition_has_its_own_revision(site: Published) -> None:
    current, *older = editions()
    assert (site.folder / "latest" / "sw.js").read_bytes() == \
        (site.folder / current / "sw.js").read_bytes()
    revisions = {write.read_worker(site.folder / e)["revision"] for e in (current, *older)}
    assert len(revisions) == 1 + len(older)
