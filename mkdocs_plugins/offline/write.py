"""Write sw.js for a built edition root: read its files, list them, render the worker.

The one place that does the I/O, shared by the plugin's on_post_build and by
anything that must make sw.js again for a folder changed after the build (tests).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs_plugins.offline import precache, worker_script

BOOT_MANIFEST = "assets/roh/boot-manifest.json"


def site_files(site: Path) -> list[str]:
    """Every file under `site`, relative to it, in POSIX form (os.walk: the fastest walk)."""
    found: list[str] = []
    for folder, _, names in os.walk(site):
        prefix = os.path.relpath(folder, site).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(prefix + name for name in names)
    return found


def _entry(site: Path, path: str) -> precache.Entry:
    with open(os.path.join(site, path), "rb") as file:
        return precache.entry(path, file.read())


def write_worker(site: Path, exclude: Iterable[str],
                 pages: Iterable[tuple[str, str]]) -> dict[str, object]:
    """Write `site`/sw.js and return what it carries. Raises ValueError if it cannot."""
    manifest_path = site / BOOT_MANIFEST
    if not manifest_path.is_file():
        raise ValueError(f"{BOOT_MANIFEST} is missing from the built site: the offline "
                         "plugin needs the tool_forms plugin before it")
    boot = worker_script.boot_of(manifest_path.read_bytes(), BOOT_MANIFEST)
    paths = precache.select(site_files(site), exclude, (url for url, _, _ in boot.files))
    # Plain open() and one pass: threads measured slower here, pathlib's read_bytes too (C2).
    listed = precache.checked(_entry(site, path) for path in paths)
    template = worker_script.TEMPLATE.read_text("utf-8")
    data = worker_script.document(listed, pages, boot, template)
    (site / precache.WORKER).write_bytes(worker_script.render(template, data))
    data["bytes"] = sum(entry.size for entry in listed)
    return data


def read_worker(site: Path) -> dict[str, object]:
    """What `site`/sw.js carries (the inverse of worker_script.render)."""
    return worker_script.parse((site / precache.WORKER).read_text("utf-8"))
