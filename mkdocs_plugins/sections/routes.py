"""Files made for each section: a short route that redirects, a QR code, a trainer card.

`s/2.6.4/` redirects by meta refresh with a plain link (no script, so the site's
policy needs no exception); `s/2.6.4/qr.svg` is a QR code of the short link,
made at build time with segno; `cards/2.6.4/` is a one-page card for a slide
or a wall; `cards/` is every card on one sheet, six to a printed A4 page, for
a training session. The short link itself (`<root>s/<n>/` for the current edition,
`<root><edition>/s/<n>/` for a superseded one) comes from
guide_pages.this_edition. Pure: section data in, file contents out.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path

import segno

from mkdocs_plugins.csp.policy import with_placeholder
from mkdocs_plugins.sections.crossrefs import relative_link
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


#: Every card on one page.
SHEET_URI = f"{CARDS_PREFIX}/index.html"


def local_notice(root: str) -> str:
    """Plain text: why this build's QR codes and cards must not go on a slide."""
    return (
        "This copy of the guide was built without its published address (ROH_SITE_URL "
        f"was not set), so every QR code and short link on the trainer cards points to "
        f"{root}, which opens only on the computer serving this copy. Do not put these "
        "cards on slides or handouts: take them from the published guide, which is "
        "published with ROH_SITE_URL set to its real address (see the README)."
    )


def local_log_line(root: str) -> str:
    """The build log's one line saying the same as local_notice()."""
    return (f"the QR codes and trainer cards point to the local address {root} "
            "(ROH_SITE_URL is not set): fine for reading on this computer, not for slides; "
            "publish with ROH_SITE_URL set to the guide's real address for cards to use")


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


def card_page(section: Section, url: str, section_href: str, stylesheet: str, *,
              edition: str, notice: str = "") -> str:
    """A one-page printable card: big number, title, QR code and the short link.

    `notice` (from local_notice()) is shown above the card, and printed with
    it, when the build's address is this computer's.
    """
    label = escape(section.label)
    warning = (f'<p class="roh-card__notice" role="note"><strong>Not for slides:</strong> '
               f"{escape(notice)}</p>\n" if notice else "")
    return _document(
        f"Trainer card: {section.label} – {SITE_NAME}",
        f'<link rel="stylesheet" href="{escape(stylesheet)}">\n',
        '<main class="roh-card">\n'
        f'{warning}<p class="roh-card__site">{SITE_NAME} · edition {escape(edition)}'
        " · section</p>\n"
        f'<h1 class="roh-card__title"><span class="roh-card__number">{escape(section.number)}'
        f'</span> <span class="roh-card__name">{escape(section.title)}</span></h1>\n'
        f'<img class="roh-card__qr" src="../../{qr_uri(section.number)}" width="320" '
        f'height="320" alt="QR code linking to {label}">\n'
        f'<p class="roh-card__link">{escape(url)}</p>\n'
        f'<p class="roh-card__back"><a href="{escape(section_href)}">Read {label}</a> · '
        "print this page to make a card for a slide, a handout or a noticeboard.</p>\n"
        "</main>\n",
    )


def cards_sheet(sections: Iterable[Section], short_link: Callable[[str], str],
                stylesheet: str, *, edition: str, notice: str = "") -> str:
    """Every section's card (number, title, QR code, short link) on one printable sheet.

    The cards are a list in reading order; card.css sets them two across and
    three down on an A4 page, and never splits one between pages.
    """
    warning = (f'<p class="roh-card__notice" role="note"><strong>Not for slides:</strong> '
               f"{escape(notice)}</p>\n" if notice else "")
    cards = []
    for section in sections:
        link = short_link(section.number)
        cards.append(
            '<li class="roh-sheet__card">'
            f'<h2 class="roh-sheet__title"><span class="roh-sheet__number">'
            f"{escape(section.number)}</span> "
            f'<a href="{section.number}/">{escape(section.title)}</a></h2>'
            f'<img class="roh-sheet__qr" src="../{qr_uri(section.number)}" width="160" '
            f'height="160" alt="QR code linking to {escape(section.label)}">'
            f'<p class="roh-sheet__link">{escape(link)}</p></li>\n')
    return _document(
        f"Trainer cards: every section – {SITE_NAME}",
        f'<link rel="stylesheet" href="{escape(stylesheet)}">\n',
        '<main class="roh-sheet">\n'
        f'{warning}<h1 class="roh-sheet__heading">{SITE_NAME}: trainer cards, edition '
        f"{escape(edition)}</h1>\n"
        '<p class="roh-sheet__intro">Every numbered section\u2019s card: its number, title, '
        "a QR code of its short link and the link written out. Print this page for a "
        "session (six cards to an A4 page) and cut the cards apart, or select a title "
        "to open that section\u2019s own card.</p>\n"
        f'<ul class="roh-sheet__cards">\n{"".join(cards)}</ul>\n</main>\n',
    )


def card_link(html: str, section: Section, href: str) -> str:
    """A small "Trainer card" link after the section's citation line (not searched, not printed)."""
    start = html.find('<div class="roh-citation"')
    if start < 0:
        return html
    depth, at = 0, start
    for tag in _DIV.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            at = tag.end()
            break
    else:
        return html
    link = (f'<p class="roh-card-link" data-search-exclude><a href="{escape(href)}">'
            f'Trainer card<span class="roh-visually-hidden"> for section '
            f"{escape(section.number)}</span></a></p>")
    return html[:at] + link + html[at:]


_DIV = re.compile(r"<(/?)div\b[^>]*>")


def _breakable(url: str) -> str:
    """The URL with a line-break opportunity after each path slash (narrow screens)."""
    scheme, _, rest = url.partition("//")
    return f"{scheme}//" + rest.replace("/", "/<wbr>").removesuffix("<wbr>")


def cards_table(sections: Iterable[Section], from_uri: str, short_link: Callable[[str], str],
                notice: str = "") -> str:
    """Markdown for the trainers' page: every section, its card and its short link.

    The short link is shown as it is printed on the card (absolute) and links to
    the route in this build, so it works wherever this copy is served.
    """
    rows = []
    if notice:
        rows.append(f'!!! warning "The QR codes point to this computer"\n\n    {notice}\n')
    sheet = relative_link(from_uri, SHEET_URI)
    rows.append(f"[Every card on one sheet]({sheet}), six to a printed A4 page, for a session.\n")
    rows += ["| Section | Trainer card | Short link |", "| --- | --- | --- |"]
    for section in sections:
        page = relative_link(from_uri, section.src_uri)
        card = relative_link(from_uri, card_uri(section.number))
        route = relative_link(from_uri, route_uri(section.number))
        rows.append(f"| [{section.label}]({page}) | [Card for {section.number}]({card}) "
                    f"| [{_breakable(short_link(section.number))}]({route}) |")
    return "\n".join(rows)
