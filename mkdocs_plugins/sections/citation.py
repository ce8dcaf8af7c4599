"""The markup readers use to cite and reach sections: the line under each numbered
title (number, short link, copy button) and the "Go to section" box in the header.

Buttons are `hidden` until sections.mjs runs, so a reader without JavaScript
sees a plain link rather than a control that does nothing.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs_plugins.sections.numbering import Section

_H1 = re.compile(r'(<h1 id="(?P<id>[^"]+)"[^>]*>.*?</h1>)', re.DOTALL)
_SEARCH = '<div class="md-search"'


def add_citation(html: str, section: Section, route_href: str, absolute: str) -> str:
    """Put the citation line right after the section's title heading."""
    block = (
        f'<div class="roh-citation" data-short-link="{escape(absolute)}">'
        f'<p class="roh-citation__text">Cite as <strong>section {escape(section.number)}'
        f'</strong>. Short link: <a class="roh-citation__link" href="{escape(route_href)}">'
        f"{escape(absolute)}</a></p>"
        '<button type="button" class="roh-citation__copy" data-copy-link hidden '
        f'aria-describedby="copy-status-{escape(section.anchor)}">Copy link'
        f'<span class="roh-visually-hidden"> to section {escape(section.number)}</span></button>'
        f'<span class="roh-citation__status" id="copy-status-{escape(section.anchor)}" '
        'role="status"></span></div>'
    )
    for match in _H1.finditer(html):
        if match.group("id") == section.anchor:
            return html[: match.end()] + block + html[match.end():]
    return html


GOTO_BOX = (
    '<form class="roh-goto" data-goto hidden role="search" aria-label="Go to section" '
    'novalidate>'
    '<label class="roh-goto__label" for="roh-goto-input">Go to section</label>'
    '<input class="roh-goto__input" id="roh-goto-input" type="text" inputmode="decimal" '
    'autocomplete="off" spellcheck="false" placeholder="e.g. 2.6.4" '
    'aria-describedby="roh-goto-status">'
    '<button class="roh-goto__button" type="submit">Go</button>'
    '<p class="roh-goto__status" id="roh-goto-status" role="status"></p>'
    "</form>"
)


def add_goto_box(output: str) -> str:
    """The box sits in the header before search (the header survives instant navigation)."""
    return output.replace(_SEARCH, GOTO_BOX + _SEARCH, 1)
