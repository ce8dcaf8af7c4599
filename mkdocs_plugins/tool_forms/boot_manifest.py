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

#: Beside the worker, which finds it relative to its own URL.
NAME = "boot-manifest.json"
FORMAT = "risk-of-harm-guide/boot-manifest"


def relative(uri: str, manifest_uri: str) -> str:
    """`uri` (site-relative, like the manifest's) as seen from the manifest's folder."""
    return posixpath.relpath(uri, posixpath.dirname(manifest_uri) or ".")


def entry(uri: str, data: bytes, manifest_uri: str) -> dict[str, object]:
    """One file: `integrity` is sha256 in the form fetch() checks (Subresource Integrity)."""
    digest = hashlib.sha256(data).digest()
    return {
        "path": relative(uri, manifest_uri),
        "size": len(data),
        "sha256": digest.hex(),
        "integrity": "sha256-" + base64.b64encode(digest).decode("ascii"),
    }


def manifest(manifest_uri: str, files: Iterable[tuple[str, bytes]]) -> bytes:
    """The manifest's JSON for `files` ((site-relative uri, content) pairs), in path order."""
    entries = sorted((entry(uri, data, manifest_uri) for uri, data in files),
                     key=lambda item: str(item["path"]))
    document = {"format": FORMAT, "format_version": 1, "files": entries}
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")
