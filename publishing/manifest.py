"""`urls.txt`: every address the publish made that a reader, a citation or a
printed QR code can point at, and how to tell whether an address still resolves.

Pages are listed as their directory URL (`4.36/2-basic-risk-assessment/`), the
way they are linked. Hashed assets and the search index are left out: their
names change on purpose whenever their content does, and nobody cites them.
"""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path

NAME = "urls.txt"
#: Folders whose files are implementation, not addresses (at any depth).
_NOT_ADDRESSES = {"assets", "_assets", "search"}
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
#: Redirect pages followed before an address counts as a loop that leads nowhere.
MAX_HOPS = 5


def addresses(site: Path) -> list[str]:
    """Every address in the published folder `site`, sorted ("" is the root)."""
    found = set()
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative == NAME or _NOT_ADDRESSES & set(relative.split("/")[:-1]):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        found.add(relative)
    return sorted(found)


def write(site: Path) -> Path:
    path = site / NAME
    path.write_text("".join(f"{url}\n" for url in addresses(site)), encoding="utf-8")
    return path


def _file(site: Path, url: str) -> Path | None:
    path = site / url
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def resolves(site: Path, url: str, editions: set[str]) -> bool:
    """Whether `url` reaches a page in `site`, following redirect pages.

    A redirect counts as resolving when its target does; an address outside
    every edition (and latest/) is what the root 404 page forwards to latest/.
    """
    for _ in range(MAX_HOPS):
        path = _file(site, url)
        if path is None:
            first = url.split("/", 1)[0]
            if first in editions or first in ("latest", "_assets") or url == "":
                return False
            url = f"latest/{url}"
            path = _file(site, url)
            if path is None:
                return False
        if path.suffix != ".html":
            return True
        found = _REFRESH.search(path.read_text("utf-8", errors="replace"))
        if not found:
            return True
        target = unescape(found.group(1)).partition("#")[0]
        base = url if url.endswith("/") or url == "" else posixpath.dirname(url) + "/"
        joined = posixpath.normpath(posixpath.join(base, target))
        url = "" if joined == "." else joined + ("/" if target.endswith("/") else "")
        if url.startswith("../"):
            return False
    return False
