"""Which of a built edition's files its service worker saves ahead, each with its hash.

Pure: paths and bytes in, entries out, so the rules are testable without a
build. The precache is what a reader can need offline: every page (as the
directory URL a link uses), every asset a page can request, the search index
and the offline page. Left out: the worker itself, sitemaps, compressed
copies and source maps (never requested by a page), Pyodide and the tools
archive (the tools cache holds those, filled on first use: C3), and search
languages other than English (Material loads them only for other languages).
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: The worker script, at the edition root.
WORKER = "sw.js"
#: The page shown for a page not saved (mkdocs_plugins/offline/fallback.py).
OFFLINE_PAGE = "offline/"
#: Never requested by a reader's page, or cached elsewhere (roh-tools).
EXCLUDED_PREFIXES = (
    "assets/pyodide/", "assets/tools/", "assets/javascripts/lunr/", "sitemap",
)
EXCLUDED_NAMES = frozenset({WORKER, "404.html", "content-security-policy.txt"})
EXCLUDED_SUFFIXES = (".gz", ".map")


@dataclass(frozen=True)
class Entry:
    """One saved file: `url` relative to the edition root, with its sha256 and size."""

    url: str
    integrity: str
    size: int


def url_of(path: str) -> str:
    """A built file's URL as links use it: `x/index.html` is `x/`, the home page is ``."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def wanted(path: str, exclude: Iterable[str] = (), boot: Iterable[str] = ()) -> bool:
    """Whether the built file at `path` (relative to the edition root) belongs in the precache."""
    if path in EXCLUDED_NAMES or path.endswith(EXCLUDED_SUFFIXES):
        return False
    if path.startswith(EXCLUDED_PREFIXES) or path in set(boot):
        return False
    return not any(path.startswith(prefix) for prefix in exclude)


def select(paths: Iterable[str], exclude: Iterable[str] = (),
           boot: Iterable[str] = ()) -> list[str]:
    """The paths to save, sorted: the same site always gives the same list."""
    skip = tuple(exclude)
    boot_files = frozenset(boot)
    return sorted(p for p in paths if wanted(p, skip, boot_files))


def integrity(content: bytes) -> str:
    """sha256 in the form fetch()'s `integrity` checks."""
    return "sha256-" + base64.b64encode(hashlib.sha256(content).digest()).decode("ascii")


def entry(path: str, data: bytes) -> Entry:
    """The entry for the built file at `path` with content `data`."""
    return Entry(url_of(path), integrity(data), len(data))


def entries(files: Mapping[str, bytes]) -> list[Entry]:
    """One entry per file (already selected), by URL; refuses a list with no offline page."""
    return checked(entry(path, data) for path, data in files.items())


def checked(listed: Iterable[Entry]) -> list[Entry]:
    """`listed` by URL; refuses a list with no offline page."""
    found = sorted(listed, key=lambda e: e.url)
    if not any(item.url == OFFLINE_PAGE for item in found):
        raise ValueError(f"the precache has no {OFFLINE_PAGE} page: the worker would have "
                         "nothing to show for a page that is not saved")
    return found


def revision(listed: Iterable[Entry], *extra: str) -> str:
    """The publish's revision: 12 hex of a hash over every file's hash (and `extra`)."""
    digest = hashlib.sha256()
    for entry in listed:
        digest.update(f"{entry.url}\0{entry.integrity}\n".encode())
    for text in extra:
        digest.update(text.encode())
    return digest.hexdigest()[:12]


def relative_to_root(path: str, folder: str) -> str:
    """`path` (relative to `folder`, itself relative to the edition root) from the root."""
    return posixpath.normpath(posixpath.join(folder, path))
