"""Modified copies of the built site, for what Playwright cannot intercept.

A worker's own module script cannot be routed, and a boot file the worker
checks must be broken on the server to be broken for real, so these tests
serve a copy of the built site with one file changed.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

from mkdocs_plugins.tool_forms import boot_manifest

MANIFEST = Path("assets") / "roh" / boot_manifest.NAME


def copy_site(site: Path, into: Path) -> Path:
    """A full copy of `site` under `into` (the original stays untouched for other tests)."""
    copy = into / "site"
    shutil.copytree(site, copy)
    return copy


def pyodide_file(copy: Path, name: str) -> Path:
    """One of the copied Pyodide files, e.g. pyodide.asm.wasm."""
    (folder,) = (copy / "assets" / "pyodide").iterdir()
    return folder / name


def tools_archive(copy: Path) -> Path:
    (archive,) = (copy / "assets" / "tools").glob("tools-*.zip")
    return archive


def refresh_manifest(copy: Path) -> None:
    """Rewrite the boot manifest from the files as they are now (a build that shipped them)."""
    path = copy / MANIFEST
    files = []
    for item in json.loads(path.read_text("utf-8"))["files"]:
        file = (path.parent / item["path"]).resolve()
        files.append(boot_manifest.BootFile(file.relative_to(copy.resolve()).as_posix(),
                                            file.read_bytes(), item["role"]))
    path.write_bytes(boot_manifest.manifest(MANIFEST.as_posix(), files))


def patch_runtime(copy: Path, code: str) -> None:
    """Append `code` to tools/core/runtime.py inside the copy's tools archive."""
    archive = tools_archive(copy)
    source = io.BytesIO(archive.read_bytes())
    target = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "tools/core/runtime.py":
                data += b"\n" + code.encode("utf-8")
            new.writestr(info, data)
    archive.write_bytes(target.getvalue())
