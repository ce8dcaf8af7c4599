"""The markup readers use to cite and reach sections: the line under each numbered
title (number, short link, copy button) and the "Go to section" box in the header.

The citation line carries `data-search-exclude`: Material's search plugin then
leaves it out of search_index.json, so result snippets show the page's prose.

Buttons are `hidden` until sections.mjs runs, so a reader without JavaScript
sees a plain link rather than a control that does nothing.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs_plugins.sections.numbering import Section

_H1 = re.compile(r'(<h1 id="(?P<id>[^"]+)"[^>]*>.*?</h1>)', re.DOTALL)
_SEARCH = '<div class="md-search"'
_SEARCH_BUTTON = '<label class="md-header__button md-icon" for="__search">'


def add_citation(html: str, section: Section, route_href: str, absolute: str) -> str:
    """Put the citation line right after the section's title heading."""
    block = (
        f'<div class="roh-citation" data-search-exclude data-short-link="{escape(absolute)}">'
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


def goto_form(prefix: str, css: str = "roh-goto") -> str:
    """The Go to section box: a number goes to the section, words open the search.

    `prefix` makes its ids unique (the header's box and a 404 page's own).
    The label is visible at every width; no `inputmode`, so a phone offers
    letters as well as digits.
    """
    return (
        f'<form class="{css}" data-goto hidden role="search" aria-label="Go to section" '
        'novalidate>'
        f'<label class="{css}__label" for="{prefix}-input">Go to section</label>'
        f'<input class="{css}__input" id="{prefix}-input" type="text" '
        'autocomplete="off" spellcheck="false" placeholder="2.6.4 or words" '
        f'aria-describedby="{prefix}-status">'
        f'<button class="{css}__button" type="submit">Go</button>'
        f'<p class="{css}__status" id="{prefix}-status" role="status"></p>'
        "</form>"
    )


GOTO_BOX = goto_form("roh-goto")


def add_goto_box(output: str) -> str:
    """The box sits in the header before search (the header survives instant navigation).

    Before the search button where there is one (a narrow header shows search as
    that button), so the box and the button read in the order they are seen.
    """
    if _SEARCH_BUTTON in output:
        return output.replace(_SEARCH_BUTTON, GOTO_BOX + _SEARCH_BUTTON, 1)
    return output.replace(_SEARCH, GOTO_BOX + _SEARCH, 1)
