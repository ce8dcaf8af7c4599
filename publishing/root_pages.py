"""The files at the root of the published site, outside every edition.

`/index.html` sends readers to latest/ by meta refresh; `/404.html` forwards a
version-less deep link to the same path in latest/ (a small same-origin
script: the policy allows no inline script) and otherwise offers the Go to
section box (a number or words), a search link filled with the address's
words, the contents and the A–Z index, all plain links without JavaScript;
`/s/<n>/` are the current edition's short routes; `/versions.json` is what
Material's version selector reads (mike's schema). Pure: data in, text out.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs_plugins.editions_data import Edition

SITE_NAME = "Risk of Harm Guide"
LATEST = "latest"
#: Short routes: s/<n>/ (mkdocs_plugins/sections/routes.py).
ROUTES = "s"
#: Where the root pages' own script and stylesheet go, under the site's _assets/.
STATIC = Path(__file__).parent / "static"
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


class RootPageError(Exception):
    """An edition's output lacks what the root pages are made from."""


@dataclass(frozen=True)
class SectionLink:
    """A numbered section of the current edition, from its section map (C3)."""

    number: str
    title: str
    url: str  # relative to the edition's root


def versions_json(published: list[Edition]) -> str:
    """mike's versions.json: newest first, the current edition aliased "latest"."""
    entries = [{"version": e.edition, "title": e.label,
                "aliases": [LATEST] if e.current else []} for e in published]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def policy_of(page: str, where: str) -> str:
    """The Content-Security-Policy an edition's page carries, for the root pages to reuse."""
    found = _CSP.findall(page)
    if len(found) != 1:
        raise RootPageError(f"{where} has {len(found)} Content-Security-Policy tags, not 1")
    return str(found[0])


def load_sections(edition_folder: Path) -> list[SectionLink]:
    """The edition's numbered sections, in reading order, from assets/roh/section-map.json."""
    path = edition_folder / "assets" / "roh" / "section-map.json"
    if not path.is_file():
        raise RootPageError(f"{path} is missing: the editions plugin writes it in every build")
    data = json.loads(path.read_text("utf-8"))
    return [SectionLink(str(s["number"]), str(s["title"]), str(s["url"]))
            for s in data["sections"]]


def hashed_name(name: str, data: bytes) -> str:
    """forward.js → forward-<sha256[:12]>.js: a new name whenever the content changes."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}{dot}{suffix}"


def _document(policy: str, title: str, head: str, body_attributes: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=False)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n{head}</head>\n"
        f"<body{body_attributes}>\n{body}</body>\n</html>\n"
    )


def index_page(policy: str, current: Edition) -> str:
    """`/`: straight to latest/, by meta refresh with a visible link (no script)."""
    head = (f'<meta http-equiv="refresh" content="0; url={LATEST}/">\n'
            f'<link rel="canonical" href="{LATEST}/">\n')
    body = (f"<main>\n<h1>{SITE_NAME}</h1>\n<p>The current edition, {escape(current.label)}, "
            f'is at <a href="{LATEST}/">{LATEST}/</a>.</p>\n</main>\n')
    return _document(policy, SITE_NAME, head, "", body)


def route_page(page: str, number: str) -> str:
    """`/s/<n>/` from latest/s/<n>/: the same redirect, its target moved under latest/.

    The edition's route page names its target relative to latest/s/<n>/; the
    root's copy, at s/<n>/, names the same page through latest/.
    """
    found = _REFRESH.search(page)
    if not found:
        raise RootPageError(f"{LATEST}/s/{number}/index.html is not a redirect page")
    target = unescape(found.group(1))
    if urlsplit(target).scheme or target.startswith("/"):
        return page  # already absolute: right from anywhere
    path, hash_mark, fragment = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(f"{LATEST}/{ROUTES}/{number}/", path))
    rebased = f"../../{resolved}{'/' if path.endswith('/') else ''}{hash_mark}{fragment}"
    return page.replace(escape(target), escape(rebased))


def not_found_page(policy: str, *, site_path: str, current: Edition, reserved: list[str],
                   sections: list[SectionLink], script: str, stylesheet: str,
                   history: str | None, index: str | None = None) -> str:
    """`/404.html`, served for any missing address at any depth: every link is absolute.

    `history`, `index`: the Version history and A–Z index pages' URLs in latest/,
    when the edition has them. forward.js fills the search link with the words
    of the missing address, in the edition the address names.
    """
    latest = f"{site_path}{LATEST}/"
    items = "".join(
        f'<li><a href="{escape(latest + s.url)}" data-section="{escape(s.number)}">'
        f"{escape(s.number)} {escape(s.title)}</a></li>\n" for s in sections)
    head = (f'<link rel="stylesheet" href="{escape(site_path + stylesheet)}">\n'
            '<meta name="robots" content="noindex">\n'
            f'<script src="{escape(site_path + script)}" defer></script>\n')
    attributes = (f' data-site-path="{escape(site_path)}" data-latest="{LATEST}"'
                  f' data-reserved="{escape(" ".join(reserved))}"')
    body = (
        f'<header class="roh-root__header"><a href="{escape(latest)}">{SITE_NAME}</a></header>\n'
        '<main class="roh-root">\n'
        '<p class="roh-root__forward" data-forward hidden role="status">'
        "Taking you to this page in the current edition…</p>\n"
        "<h1>Page not found</h1>\n"
        "<p>There is no page at this address. It may be from another edition of the guide, "
        f"or mistyped. The current edition is {escape(current.label)}.</p>\n"
        f'<form class="roh-root__goto" data-goto hidden role="search" '
        'aria-label="Go to section" novalidate>\n'
        '<label for="roh-root-goto">Go to section</label>\n'
        '<input id="roh-root-goto" type="text" autocomplete="off" '
        'spellcheck="false" placeholder="2.6.4 or words" aria-describedby="roh-root-goto-status">\n'
        '<button type="submit">Go</button>\n'
        '<p id="roh-root-goto-status" class="roh-root__status" role="status"></p>\n'
        "</form>\n"
        '<ul class="roh-root__links">\n'
        f'<li><a href="{escape(latest)}?q=" data-search-path>Search the guide</a></li>\n'
        f'<li><a href="{escape(latest)}">Home page</a> (and the contents below)</li>\n'
        + (f'<li><a href="{escape(latest + index)}" data-index>A–Z index</a></li>\n'
           if index else "")
        + (f'<li><a href="{escape(latest + history)}">Other editions</a></li>\n' if history else "")
        + "</ul>\n"
        '<h2 id="contents">Contents</h2>\n'
        f'<ul class="roh-root__contents" aria-labelledby="contents">\n{items}</ul>\n'
        "</main>\n"
    )
    return _document(policy, f"Page not found – {SITE_NAME}", head, attributes, body)


def robots_txt(root_url: str) -> str:
    """Everything may be crawled (superseded editions say noindex in their pages)."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {root_url}sitemap.xml\n"
