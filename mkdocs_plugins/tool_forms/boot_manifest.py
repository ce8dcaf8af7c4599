"""The build's list of the files a boot fetches: path, size and sha256 of each.

The worker checks every boot file against it as the file arrives
(assets/boot-files.mjs), because a missing, truncated or corrupt
`pyodide.asm.wasm` otherwise goes unnoticed: loadPyodide() never settles when
the wasm cannot be instantiated, and the reader waited for the 60 s timeout.
Paths are relative to the manifest, so the worker resolves them against the
manifest's own URL wherever the site is published.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from mkdocs_plugins.tool_forms.assets import PYODIDE_FILES, Pyodide

#: Beside the worker, which finds it relative to its own URL.
NAME = "boot-manifest.json"
FORMAT = "risk-of-harm-guide/boot-manifest"


@dataclass(frozen=True)
class BootFile:
    """One file as the built site serves it: `uri` is site-relative, like the manifest's."""

    uri: str
    content: bytes
    #: "tools" is our archive (the worker fetches it early); "pyodide" the runtime's own.
    role: Literal["pyodide", "tools"]


def relative(uri: str, manifest_uri: str) -> str:
    """`uri` as seen from the manifest's folder."""
    return posixpath.relpath(uri, posixpath.dirname(manifest_uri) or ".")


def entry(file: BootFile, manifest_uri: str) -> dict[str, object]:
    """One file: `integrity` is its sha256 in the form fetch() checks (Subresource Integrity)."""
    digest = hashlib.sha256(file.content).digest()
    return {
        "path": relative(file.uri, manifest_uri),
        "role": file.role,
        "size": len(file.content),
        "sha256": digest.hex(),
        "integrity": "sha256-" + base64.b64encode(digest).decode("ascii"),
    }


def manifest(manifest_uri: str, files: Iterable[BootFile]) -> bytes:
    """The manifest's JSON for `files`, in path order."""
    entries = sorted((entry(file, manifest_uri) for file in files),
                     key=lambda item: str(item["path"]))
    document = {"format": FORMAT, "format_version": 1, "files": entries}
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def for_build(manifest_uri: str, pyodide: Pyodide, pyodide_dir: str,
              archive_uri: str, archive: bytes) -> bytes:
    """The manifest of what tool_forms copies: Pyodide's boot files, its lock file, our archive."""
    files = [BootFile(f"{pyodide_dir}/{name}", (pyodide.folder / name).read_bytes(), "pyodide")
             for name in PYODIDE_FILES]
    files.append(BootFile(f"{pyodide_dir}/pyodide-lock.json", pyodide.lock_file(), "pyodide"))
    files.append(BootFile(archive_uri, archive, "tools"))
    return manifest(manifest_uri, files)
