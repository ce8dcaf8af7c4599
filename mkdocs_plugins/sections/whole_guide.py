"""One printable document: every numbered section in reading order, then the A–Z index.

Each page's rendered HTML is moved onto one page, so its ids are prefixed with
the section's anchor (two pages may both have a "References" heading), its
links are re-pointed (a link to another section becomes a jump within the
document), its headings go down one level under the document's own title, and
its interactive tools are replaced by a line saying where to use them. The
cover, the contents and the running footers come from print_front.

On paper a new page starts only before each core section (1 to 6) and the
index: a page break before every subsection left many half-empty pages.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import urldefrag, urljoin

from mkdocs_plugins.sections import print_front

_ID_ATTR = re.compile(r'\b(id|for|aria-controls|aria-describedby|aria-labelledby)="([^"]*)"')
_HREF = re.compile(r'\b(href|data-href)="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_TOOL = re.compile(r'<section class="roh-tool".*?</section>', re.DOTALL)
_TOOL_TITLE = re.compile(r'<h\d class="roh-tool__title"[^>]*>(.*?)</h\d>', re.DOTALL)


_H1_ID = re.compile(r'<h1 id="([^"]+)"')


@dataclass(frozen=True)
class Part:
    """A page going into the document: its title's anchor, URL and HTML."""

    anchor: str
    label: str
    url: str
    html: str
    #: The section number ("2.6.4"), or "" for a page without one (the index).
    number: str = ""

    @property
    def title(self) -> str:
        return self.label.removeprefix(f"{self.number} ") if self.number else self.label

    @property
    def core(self) -> str:
        """The core section this part belongs to ("2" for 2.6.4), or ""."""
        return self.number.split(".", 1)[0]


def title_anchor(html: str, fallback: str) -> str:
    """The id of the page's title heading (s2.6.4 for a numbered section)."""
    match = _H1_ID.search(html)
    return match.group(1) if match else fallback


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")


def _site_path(href: str, page_url: str) -> tuple[str, str] | None:
    """A link's target as (site-relative path, fragment), or None for other sites.

    The same as urljoin("/" + page_url, href) then urldefrag() (checked on
    every link in the built site), by posixpath for the links a built page has
    (relative or root paths, no query): about eight times faster, and the
    whole-guide page rewrites some 1,600 links. A query falls back to urljoin.
    """
    if _SCHEME.match(href) or href.startswith("//"):
        return None
    path, _, fragment = href.partition("#")
    if "?" in path:
        absolute, fragment = urldefrag(urljoin("/" + page_url, href))
        return absolute.lstrip("/"), fragment
    if not path:
        return page_url, fragment
    if not path.startswith("/"):
        path = "/" + page_url[: page_url.rfind("/") + 1] + path
    joined = posixpath.normpath(path)
    if joined != "/" and (path.endswith("/") or path.endswith("/.") or path.endswith("/..")):
        joined += "/"
    return joined.lstrip("/"), fragment


def _rewrite_links(html: str, part: Part, anchors_by_url: Mapping[str, str],
                   own_url: str) -> str:
    def link(match: re.Match[str]) -> str:
        attribute, href = match.group(1), match.group(2)
        if href.startswith("#"):
            return f'{attribute}="#{_prefixed(part, href[1:])}"'
        target = _site_path(href, part.url)
        if target is None:
            return match.group(0)
        path, fragment = target
        anchor = anchors_by_url.get(path)
        if anchor is not None and attribute == "href":
            inner = fragment if not fragment or fragment == anchor else f"{anchor}--{fragment}"
            return f'href="#{inner or anchor}"'
        # Relative to the folder the document's URL names ("print/" is the
        # folder print, "print.html" the root), as a browser resolves it.
        here = own_url[: own_url.rfind("/")] or "."
        relative = posixpath.relpath(path.rstrip("/") or ".", here)
        slash = "/" if path.endswith("/") else ""
        return f'{attribute}="{relative}{slash}{"#" + fragment if fragment else ""}"'

    return _HREF.sub(link, html)


def _prefixed(part: Part, value: str) -> str:
    return value if value == part.anchor else f"{part.anchor}--{value}"


def _rewrite_ids(html: str, part: Part) -> str:
    def one(match: re.Match[str]) -> str:
        values = " ".join(_prefixed(part, v) for v in match.group(2).split())
        return f'{match.group(1)}="{values}"'

    return _ID_ATTR.sub(one, html)


def _demote(html: str) -> str:
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html)


def _without_tools(html: str, label: str) -> str:
    def note(match: re.Match[str]) -> str:
        title = _TOOL_TITLE.search(match.group(0))
        name = re.sub(r"<[^>]+>", "", title.group(1)) if title else "The tool"
        return (f'<p class="roh-whole__tool"><strong>{name}</strong> is part of section '
                f"{escape(label)} online: open that section in the guide to use it.</p>")

    return _TOOL.sub(note, html)


@dataclass(frozen=True)
class Front:
    """What the printed copy says about itself: on the cover and in its footers."""

    site_name: str
    description: str
    edition: print_front.Edition
    short_link: Callable[[str], str]


def _open_part(part: Part) -> str:
    if not part.number:
        return '<article class="roh-whole__part roh-whole__part--index">'
    kind = " roh-whole__part--core" if part.number == part.core else ""
    return f'<article class="roh-whole__part{kind}" data-core="{escape(part.core)}">'


def assemble(parts: list[Part], own_url: str, front: Front) -> str:
    """The cover, the contents, then each part with its ids, links and headings made to fit."""
    anchors_by_url = {part.url: part.anchor for part in parts}
    entries = [print_front.Entry(p.number, p.title, p.anchor,
                                 front.short_link(p.number) if p.number else "") for p in parts]
    cores = [(p.number, p.title, front.short_link(p.number)) for p in parts
             if p.number and p.number == p.core]
    out = ['<div class="roh-whole">',
           print_front.page_styles(front.site_name, front.edition, cores),
           print_front.cover(front.site_name, front.description, front.edition),
           print_front.contents(entries)]
    for part in parts:
        html = _without_tools(part.html, part.label)
        html = _rewrite_links(_rewrite_ids(html, part), part, anchors_by_url, own_url)
        out.append(f"{_open_part(part)}{_demote(html)}</article>")
    out.append("</div>")
    return "\n".join(out)
