"""Files made for each section: a short route that redirects, a QR code, a trainer card.

`s/2.6.4/` redirects by meta refresh with a plain link (no script, so the site's
policy needs no exception); `s/2.6.4/qr.svg` is a QR code of the short link,
made at build time with segno; `cards/2.6.4/` is a one-page card for a slide
or a wall. Pure: section data in, file contents out.
"""

from __future__ import annotations

import hashlib
import io
from html import escape
from pathlib import Path

import segno

from mkdocs_plugins.csp.policy import with_placeholder
from mkdocs_plugins.sections.numbering import Section

ROUTE_PREFIX = "s"
CARDS_PREFIX = "cards"
SITE_NAME = "Risk of Harm Guide"
#: Bump when qr_svg() output changes, so cached codes are remade.
QR_VERSION = 1


def route_uri(number: str) -> str:
    """Where the short route's page is written: s/2.6.4/index.html."""
    return f"{ROUTE_PREFIX}/{number}/index.html"


def qr_uri(number: str) -> str:
    return f"{ROUTE_PREFIX}/{number}/qr.svg"


def card_uri(number: str) -> str:
    return f"{CARDS_PREFIX}/{number}/index.html"


def short_link(site_url: str, number: str) -> str:
    """The absolute short link printed on cards and encoded in QR codes."""
    return f"{site_url.rstrip('/')}/{ROUTE_PREFIX}/{number}/"


def _document(title: str, head: str, body: str) -> str:
    return with_placeholder(
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No favicon request: these pages stand alone.
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n{head}</head>\n<body>\n{body}</body>\n</html>\n"
    )


def redirect_page(section: Section, target: str) -> str:
    """The short route: `target` is the section's URL relative to s/<number>/."""
    href = escape(f"{target}#{section.anchor}")
    head = (f'<meta http-equiv="refresh" content="0; url={href}">\n'
            '<meta name="robots" content="noindex">\n')
    body = f'<main>\n<p>Section {escape(section.label)} is at <a href="{href}">{href}</a>.</p>\n'
    return _document(f"{section.label} – {SITE_NAME}", head, body + "</main>\n")


def qr_svg(url: str, label: str, cache: Path | None = None) -> str:
    """A scalable QR code (error correction M) with a text title for screen readers.

    Choosing the best mask dominates a build's time, and the code for a URL
    never changes, so finished SVGs are kept in `cache` (keyed by URL and label).
    """
    key = hashlib.sha256(f"{QR_VERSION}\n{url}\n{label}".encode()).hexdigest()[:20]
    cached = cache / f"{key}.svg" if cache else None
    if cached and cached.is_file():
        return cached.read_text("utf-8")
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", scale=10, border=4, xmldecl=False, svgns=True,
        title=f"QR code: {label}", svgclass="roh-qr", lineclass=None, dark="#000", light="#fff",
    )
    svg = buffer.getvalue().decode("utf-8")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    return svg


def card_page(section: Section, url: str, section_href: str, stylesheet: str) -> str:
    """A one-page printable card: big number, title, QR code and the short link."""
    label = escape(section.label)
    return _document(
        f"Trainer card: {section.label} – {SITE_NAME}",
        f'<link rel="stylesheet" href="{escape(stylesheet)}">\n',
        '<main class="roh-card">\n'
        f'<p class="roh-card__site">{SITE_NAME} · section</p>\n'
        f'<h1 class="roh-card__title"><span class="roh-card__number">{escape(section.number)}'
        f'</span> <span class="roh-card__name">{escape(section.title)}</span></h1>\n'
        f'<img class="roh-card__qr" src="../../{qr_uri(section.number)}" width="320" '
        f'height="320" alt="QR code linking to {label}">\n'
        f'<p class="roh-card__link">{escape(url)}</p>\n'
        f'<p class="roh-card__back"><a href="{escape(section_href)}">Read {label}</a> · '
        "print this page to make a card for a slide, a handout or a noticeboard.</p>\n"
        "</main>\n",
    )
