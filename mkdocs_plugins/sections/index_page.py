"""Render the A–Z index as HTML: a jump bar, letter groups, entries with section locators.

Conventions (explained in the page's headnote): locators are section numbers;
the principal locator is in bold; "see" points to the term used instead; "see
also" to related terms. Sorting ignores case and a leading article.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from html import escape

from mkdocs_plugins.glossary import sort_key
from mkdocs_plugins.sections.index_markers import Entry, Locators, term_key
from mkdocs_plugins.sections.numbering import Section

Href = Callable[[Section], str]
DIGITS = "0–9"


def term_id(term: str) -> str:
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", term_key(term)).strip("-") or "x")


def letter_anchor(letter: str) -> str:
    return "index-" + ("0-9" if letter == DIGITS else letter.lower())


def letter_of(term: str) -> str:
    first = sort_key(term)[:1].upper()
    return first if first in string.ascii_uppercase else DIGITS


def _locators(locators: Locators, sections: Mapping[str, Section], href: Href) -> str:
    links = []
    for number, principal in locators.ordered():
        section = sections[number]
        text = f"<strong>{number}</strong>" if principal else number
        links.append(f'<a href="{escape(href(section))}" aria-label="{escape(section.label)}'
                     f'{" (main entry)" if principal else ""}">{text}</a>')
    return ", ".join(links)


def _cross(kind: str, targets: list[str], entries: Mapping[str, Entry]) -> str:
    links = [f'<a href="#{term_id(entries[term_key(t)].term)}">{escape(entries[term_key(t)].term)}'
             "</a>" for t in targets]
    return f'<em class="roh-index__see">{kind}</em> ' + "; ".join(links)


def _entry(entry: Entry, entries: Mapping[str, Entry], sections: Mapping[str, Section],
           href: Href) -> str:
    parts = [f'<span class="roh-index__term">{escape(entry.term)}</span>']
    if entry.see:
        parts.append(", " + _cross("see", [entry.see], entries))
    if entry.locators.numbers:
        parts.append(" " + _locators(entry.locators, sections, href))
    if entry.see_also:
        parts.append(". " + _cross("See also", sorted(entry.see_also, key=sort_key), entries))
    html = f'<li id="{term_id(entry.term)}">' + "".join(parts)
    if entry.subs:
        subs = sorted(entry.subs.values(), key=lambda item: sort_key(item[0]))
        html += '<ul class="roh-index__subs">' + "".join(
            f"<li>{escape(sub)} {_locators(locators, sections, href)}</li>"
            for sub, locators in subs) + "</ul>"
    return html + "</li>"


def render_index(entries: Mapping[str, Entry], sections: Mapping[str, Section],
                 href: Href) -> str:
    """The jump bar and every letter group, as one HTML block."""
    groups: dict[str, list[Entry]] = {}
    for entry in sorted(entries.values(), key=lambda e: sort_key(e.term)):
        groups.setdefault(letter_of(entry.term), []).append(entry)
    letters = ([DIGITS] if DIGITS in groups else []) + list(string.ascii_uppercase)
    bar = "".join(
        f'<li><a href="#{letter_anchor(letter)}">{letter}</a></li>' if letter in groups
        else f'<li><span class="roh-az__empty">{letter}<span class="roh-visually-hidden"> '
             "(no entries)</span></span></li>"
        for letter in letters if letter != DIGITS or letter in groups)
    out = [f'<nav class="roh-az" aria-label="Index letters"><ul>{bar}</ul></nav>',
           # One multi-column flow for every letter (reading.css, print.css).
           '<div class="roh-index__columns">']
    for letter in letters:
        if letter not in groups:
            continue
        anchor = letter_anchor(letter)
        items = "".join(_entry(e, entries, sections, href) for e in groups[letter])
        out.append(f'<section class="roh-index" aria-labelledby="{anchor}">'
                   f'<h2 id="{anchor}">{letter}</h2><ul class="roh-index__entries">{items}'
                   "</ul></section>")
    out.append("</div>")
    return "\n".join(out)
