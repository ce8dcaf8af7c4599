"""sw.js: the worker template with this publish's precache list written into it.

The list travels inside the script (not in a file beside it) because the
browser decides there is an update by comparing the script's bytes: any
changed file changes its hash here, so sw.js changes and the update runs.
Every URL in it is relative to sw.js, so a byte copy under /latest/ works.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs_plugins.offline.precache import OFFLINE_PAGE, Entry, revision

TEMPLATE = Path(__file__).parent / "assets" / "sw.template.js"
#: Where the template takes the list (a JSON object is a JavaScript expression).
PLACEHOLDER = '"__ROH_PRECACHE__"'
#: Fetched fresh when online, the last copy offline: Material's list of pages
#: for instant navigation, and the version selector's list of editions (beside
#: the edition root in a publish; never requested by a single build).
FRESH = ("sitemap.xml", "../versions.json")


@dataclass(frozen=True)
class Boot:
    """The boot manifest (tool_forms' boot_manifest.py) as the worker needs it."""

    #: 16 hex of the manifest's sha256: the roh-tools cache's name (C3).
    hash: str
    #: The manifest's URL, relative to the edition root.
    manifest: str
    #: (URL relative to the edition root, integrity, size) per boot file.
    files: tuple[tuple[str, str, int], ...]


def boot_of(manifest: bytes, manifest_url: str) -> Boot:
    """Read the boot manifest written at `manifest_url` (relative to the edition root)."""
    folder = posixpath.dirname(manifest_url)
    listed = json.loads(manifest)["files"]
    files = tuple((posixpath.normpath(posixpath.join(folder, item["path"])),
                   str(item["integrity"]), int(item["size"])) for item in listed)
    return Boot(hashlib.sha256(manifest).hexdigest()[:16], manifest_url, files)


def document(listed: Sequence[Entry], pages: Iterable[tuple[str, str]], boot: Boot,
             template: str) -> dict[str, object]:
    """What sw.js carries. `pages` are (URL, title) in nav order, for cachedPages()."""
    saved = {entry.url for entry in listed}
    return {
        "revision": revision(listed, boot.hash, template),
        "files": [[entry.url or "./", entry.integrity] for entry in listed],
        "pages": [[url or "./", title] for url, title in pages if url in saved],
        "offline": OFFLINE_PAGE,
        "fresh": list(FRESH),
        "boot": {"hash": boot.hash, "manifest": boot.manifest,
                 "files": [list(item) for item in boot.files]},
    }


def render(template: str, data: dict[str, object]) -> bytes:
    """The worker script: `template` with `data` in place of its one placeholder."""
    if template.count(PLACEHOLDER) != 1:
        raise ValueError(f"the worker template must hold {PLACEHOLDER} exactly once")
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
    return template.replace(PLACEHOLDER, text).encode("utf-8")


def parse(script: str) -> dict[str, object]:
    """The data a rendered worker carries (for tests and for rewriting a changed copy)."""
    start = script.index("const PRECACHE = ") + len("const PRECACHE = ")
    data, _ = json.JSONDecoder().raw_decode(script, start)
    if not isinstance(data, dict):
        raise ValueError("sw.js carries no precache list")
    return data
