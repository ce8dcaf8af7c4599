"""Every HTML page of a publish, read once: what it links to, what it loads, its ids.

The link checks (tests/build/test_links_build.py) and the browser crawl
(tests/browser/crawl.py, for its page list) both read this one parse. It uses
the standard library's `html.parser`: the pages are our own, well-formed output,
and the checks need more than a link checker gives (each page's one policy, the
ids a fragment can land on, reachability through the nav inside one edition).
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Attributes that make the browser fetch something when the page loads.
_LOADS = {("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"),
          ("audio", "src"), ("video", "src"), ("video", "poster"), ("object", "data"),
          ("embed", "src"), ("track", "src"), ("input", "src")}
#: <link rel=…> values that are addresses for people or robots, not loads.
_LINK_RELS_NOT_LOADED = {"canonical", "alternate", "prev", "next", "help", "license"}
#: Schemes that are not addresses in the publish.
_NOT_ADDRESSES = ("mailto:", "tel:", "data:", "blob:", "about:")


@dataclass
class Page:
    """One HTML file of the publish, as its parser saw it."""

    file: str                                       # "5.0/cards/2.6.4/index.html"
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a>/<area> href, refresh target
    loads: list[str] = field(default_factory=list)  # src, stylesheet/icon/module hrefs
    other: list[str] = field(default_factory=list)  # canonical and friends, form actions
    policies: list[str] = field(default_factory=list)
    refresh: str | None = None

    @property
    def url(self) -> str:
        """Its address relative to the publish root, as it is linked (directory URLs)."""
        if self.file == "index.html" or self.file.endswith("/index.html"):
            return self.file[: -len("index.html")]
        return self.file


class _Reader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        page = self.page
        if "id" in values:
            page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            page.ids.add(values["name"])
        if tag in ("a", "area") and "href" in values:
            page.links.append(values["href"])
        elif tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            (page.other if rels & _LINK_RELS_NOT_LOADED else page.loads).append(values["href"])
        elif tag == "form" and values.get("action"):
            page.other.append(values["action"])
        elif tag == "meta":
            equiv = values.get("http-equiv", "").lower()
            if equiv == "content-security-policy":
                page.policies.append(values.get("content", ""))
            elif equiv == "refresh":
                target = values.get("content", "").partition("url=")[2].strip()
                page.refresh = target
                page.links.append(target)
        for name in ("src", "href", "poster", "data"):
            if (tag, name) in _LOADS and values.get(name):
                page.loads.append(values[name])
        if "srcset" in values:
            page.loads += [part.split()[0] for part in values["srcset"].split(",") if part.split()]

    handle_startendtag = handle_starttag


def read_page(root: Path, file: str) -> Page:
    page = Page(file)
    reader = _Reader(page)
    reader.feed((root / file).read_text("utf-8"))
    reader.close()
    return page


@dataclass(frozen=True)
class Target:
    """Where a reference leads: a file of the publish (or None) and a fragment."""

    reference: str
    file: str | None        # "5.0/index.html"; None: nothing in the publish
    path: str               # the address without query or fragment, relative to the root
    fragment: str
    external: bool = False  # another origin, or not an address at all (mailto:, data:)


class Publish:
    """Every HTML page of a published folder served at `site_url`, parsed once."""

    def __init__(self, root: Path, site_url: str) -> None:
        self.root = root
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.pages: dict[str, Page] = {
            file: read_page(root, file)
            for file in sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
        }

    def resolve(self, page: Page, reference: str) -> Target:
        """What `reference`, written in `page`, points at when a browser follows it."""
        reference = reference.strip()
        if reference.lower().startswith(_NOT_ADDRESSES):
            return Target(reference, None, "", "", external=True)
        parts = urlsplit(reference)
        site = urlsplit(self.site_url)
        if parts.scheme or parts.netloc:
            if (parts.scheme or site.scheme, parts.netloc) != (site.scheme, site.netloc):
                return Target(reference, None, "", "", external=True)
            absolute = parts.path
        elif parts.path.startswith("/"):
            absolute = parts.path
        else:
            base = site.path + page.file
            absolute = posixpath.join(posixpath.dirname(base), parts.path) if parts.path \
                else site.path + page.url
            if parts.path.endswith("/") or parts.path in ("", ".", ".."):
                absolute = absolute.rstrip("/") + "/"
            absolute = _normalise(absolute)
        path = unquote(absolute)
        if not path.startswith(site.path):
            return Target(reference, None, path, parts.fragment)
        relative = path[len(site.path):]
        return Target(reference, self._file(relative), relative, unquote(parts.fragment))

    def _file(self, relative: str) -> str | None:
        candidates = [relative + "index.html"] if relative == "" or relative.endswith("/") \
            else [relative, relative + "/index.html"]
        for candidate in candidates:
            if ".." not in candidate.split("/") and (self.root / candidate).is_file():
                return candidate
        return None

    def edition_roots(self) -> list[str]:
        """Folders holding an edition (each has index.html and its own 404.html)."""
        return sorted({p.file.split("/")[0] for p in self.pages.values()
                       if p.file.count("/") == 1 and p.file.endswith("/404.html")})

    def reached(self, start: str, inside: str) -> set[str]:
        """Pages reached from page `start` by following links, staying in folder `inside`
        ("" for the whole publish)."""
        seen = {start}
        todo = [start]
        while todo:
            page = self.pages[todo.pop()]
            for reference in page.links:
                target = self.resolve(page, reference)
                file = target.file
                if file in self.pages and file not in seen and file.startswith(inside):
                    seen.add(file)
                    todo.append(file)
        return seen


@functools.cache
def parse(root: Path, site_url: str) -> Publish:
    """The parse of one publish, made once per test run (the link tests and the crawl share it)."""
    return Publish(root, site_url)


def _normalise(path: str) -> str:
    trailing = path.endswith("/")
    normal = posixpath.normpath(path)
    return normal + "/" if trailing and normal != "/" else normal

