"""The boot manifest in a real build: every file a boot fetches, with its true size and hash.

The worker refuses any boot file that does not match it, so a manifest that is
wrong about one file would stop every tool on the site."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from tests.build.conftest import build_clean


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_clean("tool-site", tmp_path_factory)


def test_the_manifest_lists_each_boot_file_with_its_size_and_sha256(good: Path) -> None:
    manifest = good / "assets" / "roh" / "boot-manifest.json"
    document = json.loads(manifest.read_text("utf-8"))
    assert document["format"] == "risk-of-harm-guide/boot-manifest"
    assert document["format_version"] == 1
    listed = {(manifest.parent / item["path"]).resolve(): item for item in document["files"]}
    (pyodide,) = (good / "assets" / "pyodide").iterdir()
    (archive,) = (good / "assets" / "tools").glob("tools-*.zip")
    assert set(listed) == {*(p.resolve() for p in pyodide.iterdir()), archive.resolve()}
    for path, item in listed.items():
        data = path.read_bytes()
        digest = hashlib.sha256(data).digest()
        assert item["size"] == len(data), path
        assert item["sha256"] == digest.hex(), path
        assert item["integrity"] == "sha256-" + base64.b64encode(digest).decode(), path
        assert item["role"] == ("tools" if path == archive.resolve() else "pyodide"), path
        assert not item["path"].startswith("/"), "paths are relative, wherever the site is published"
