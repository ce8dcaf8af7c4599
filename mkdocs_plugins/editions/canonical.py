"""Search engines see one guide: the current edition.

A page of a superseded edition names the same section in the current edition
as its canonical address and asks not to be indexed. The canonical link is
rewritten in the finished HTML, not through page.canonical_url: MkDocs writes
page.canonical_url into sitemap.xml, and Material's instant navigation only
follows links listed there, so changing it would break navigation inside the
old edition. Pure string functions.
"""

from __future__ import annotations

import re
from html import escape

NOINDEX = '<meta name="robots" content="noindex">'
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')


def canonical_url(site_root: str, edition: str, url: str) -> str:
    """The absolute address of `url` (relative to an edition's root) in `edition`."""
    return f"{site_root.rstrip('/')}/{edition}/{url}"


def superseded_head(html: str, canonical: str) -> str:
    """Point the page's canonical link at `canonical` and add robots noindex."""
    tag = f'<link rel="canonical" href="{escape(canonical)}">'
    if _CANONICAL.search(html):
        html = _CANONICAL.sub(lambda _: tag, html, count=1)
    else:
        html = html.replace("</head>", tag + "</head>", 1)
    return html.replace("</head>", NOINDEX + "</head>", 1)
