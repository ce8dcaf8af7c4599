"""The files the tools need in the built site: the pinned Pyodide and our code.

Only the Pyodide files a boot uses are copied (no package wheels: the tools are
standard library only). The tools archive is deterministic: same sources, same
bytes, same hashed name, so browsers cache it until the code really changes.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

#: What loadPyodide() fetches for a standard-library-only boot.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
ASSETS = Path(__file__).parent / "assets"
#: Our own browser modules, shipped beside each other (they import each other).
SCRIPT_FILES = tuple(sorted(path.name for path in ASSETS.glob("*.mjs")))
STYLE_FILES = ("tool-form.css",)
#: A classic script: the only kind a page opened from a file can run.
FILE_NOTICE = "file-notice.js"
#: A classic script in <head> that starts the worker before the page has loaded.
EARLY_BOOT = "boot.js"
CLASSIC_SCRIPTS = (EARLY_BOOT, FILE_NOTICE)
_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Pyodide:
    """The installed npm package: its folder and exact version."""

    folder: Path
    version: str

    def lock_file(self) -> bytes:
        """pyodide-lock.json with no packages: the boot needs none, and it stays tiny."""
        info = json.loads((self.folder / "pyodide-lock.json").read_text("utf-8"))["info"]
        return json.dumps({"info": info, "packages": {}}, sort_keys=True).encode()


def find_pyodide(folder: Path) -> Pyodide:
    """The pinned Pyodide under node_modules, or a build error saying how to install it."""
    missing = [name for name in (*PYODIDE_FILES, "package.json", "pyodide-lock.json")
               if not (folder / name).is_file()]
    if missing:
        raise PluginError(
            f"Pyodide is not installed: {folder}/{missing[0]} is missing. Run 'npm ci' "
            "(the version is pinned in package-lock.json)."
        )
    version = json.loads((folder / "package.json").read_text("utf-8"))["version"]
    return Pyodide(folder, str(version))


def tools_archive(package: Path) -> bytes:
    """A zip of the `tools` package's Python files (every subpackage; no fixtures,
    no caches) with fixed names, times and modes, so the same code gives the same
    archive name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(package.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            name = path.relative_to(package).as_posix()
            info = zipfile.ZipInfo(f"tools/{name}", date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def archive_name(data: bytes) -> str:
    """tools-<first 12 hex digits of sha256>.zip."""
    return f"tools-{hashlib.sha256(data).hexdigest()[:12]}.zip"


def runtime_files(pyodide: Pyodide, archive: bytes) -> dict[str, Path | bytes]:
    """Pyodide and the tools archive, by path inside an assets folder.

    One list for both a single build (under its assets/) and a publish of every
    edition (once, under the site's _assets/), so the two cannot drift apart.
    A value is a file to copy or the bytes to write.
    """
    folder = f"pyodide/{pyodide.version}"
    files: dict[str, Path | bytes] = {f"{folder}/{name}": pyodide.folder / name
                                      for name in PYODIDE_FILES}
    files[f"{folder}/pyodide-lock.json"] = pyodide.lock_file()
    files[f"tools/{archive_name(archive)}"] = archive
    return files
