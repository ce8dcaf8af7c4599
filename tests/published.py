"""Publishes made once per test run, shared by the build and the browser tests.

Each is published for the local address it will be served at (Material's
instant navigation follows only links in the sitemap, port included), into a
temporary folder removed when the run ends.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from publishing.publish import publish
from publishing.serve import free_port
from tests.build.editions_repo import copy_repo

ROOT = Path(__file__).resolve().parents[1]
_TMP = Path(tempfile.mkdtemp(prefix="roh-publish-"))
atexit.register(shutil.rmtree, _TMP, True)


@dataclass(frozen=True)
class Published:
    """A finished publish: its folder, the address it was made for, its sources."""

    folder: Path
    url: str
    repo: Path


_made: dict[str, Published] = {}


def fixture_repo() -> Path:
    """One copy of the two-edition fixture repository for the whole run (do not edit it)."""
    target = _TMP / "editions-repo"
    if not target.exists():
        copy_repo(target)
    return target


def published(kind: str) -> Published:
    """"real" (this repository) or "fixture" (the two-edition fixture), published once."""
    if kind not in _made:
        repo = ROOT if kind == "real" else fixture_repo()
        url = f"http://127.0.0.1:{free_port()}/"
        folder = _TMP / kind / "public"
        publish(repo, folder, url, log=False)
        _made[kind] = Published(folder, url, repo)
    return _made[kind]


def publish_again(kind: str, folder: Path) -> Path:
    """A second publish of the same sources for the same address, into `folder`."""
    first = published(kind)
    publish(first.repo, folder, first.url, log=False)
    return folder
