"""The printed guide's front matter: its cover, its contents and its running footers.

A printed copy outlives the page it came from, so the cover says which edition
it is and where the current one is read. The contents list nests sections
under their parents (2.6.4 under 2.6 under 2) and, on paper, gives each entry
its short link rather than a page number: Chromium (156) does not support
`target-counter()`, so a contents printed from it cannot know its pages.
Footers are `@page` margin boxes, one named page per core section; a
subsection's own short link is printed in its first line (the citation line),
because a footer that changed with every subsection would need a named page
per subsection, and a change of named page forces a page break.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Edition:
    """What the cover and footers say about the copy: edition, date, address."""

    #: "5.0".
    number: str
    #: When it was released, as readers see it ("December 2026").
    released: str
    #: The site's address, where the current edition is read.
    root: str
    #: True when this copy is the current edition.
    current: bool
    #: "2 December 2026" for a superseded edition, else "".
    superseded_on: str = ""


@dataclass(frozen=True)
class Entry:
    """One line of the contents: a section's number ("" for the index), title, anchor."""

    number: str
    title: str
    anchor: str
    #: The section's short link, printed beside it ("" for the index).
    short_link: str = ""

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1 if self.number else 1


def cover(site_name: str, description: str, edition: Edition) -> str:
    """The first printed page: title, edition and date, and the check-online notice."""
    if edition.current:
        status = (f"Check the online version before you rely on this copy: the guide is "
                  f"revised, and a printed page may be out of date. The current edition "
                  f"is at {_address(edition.root)}.")
    else:
        status = (f"This edition was replaced on {escape(edition.superseded_on)}. Read the "
                  f"current edition at {_address(edition.root)} before you rely on any of it.")
    return (
        '<div class="roh-whole__cover">'
        f'<p class="roh-whole__cover-title">{escape(site_name)}</p>'
        f'<p class="roh-whole__cover-lead">{escape(description)}</p>'
        f'<p class="roh-whole__cover-edition">Edition {escape(edition.number)} · '
        f"{escape(edition.released)}</p>"
        f'<p class="roh-whole__cover-notice"><strong>A printed copy.</strong> {status}</p>'
        "</div>"
    )


def _address(url: str) -> str:
    return f'<a href="{escape(url)}">{escape(url)}</a>'


def contents(entries: Sequence[Entry]) -> str:
    """The contents list as nested lists, one level per part of a section number."""
    out = ['<nav class="roh-whole__contents" aria-labelledby="whole-contents">'
           '<h2 id="whole-contents">Contents</h2>']
    depth = 0
    for entry in entries:
        level = min(entry.depth, depth + 1)
        if level > depth:
            out.append('<ul class="roh-whole__toc">' * (level - depth))
        else:
            out.append("</li>" + "</ul></li>" * (depth - level))
        depth = level
        number = (f'<span class="roh-whole__toc-number">{escape(entry.number)}</span> '
                  if entry.number else "")
        out.append(f'<li><a href="#{escape(entry.anchor)}">{number}'
                   f'<span class="roh-whole__toc-title">{escape(entry.title)}</span></a>')
        if entry.short_link:
            out.append(f' <span class="roh-whole__toc-route">{escape(entry.short_link)}</span>')
    if depth:
        out.append("</li>" + "</ul></li>" * (depth - 1) + "</ul>")
    out.append("</nav>")
    return "".join(out)


def _css_string(text: str) -> str:
    """`text` as a CSS string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_styles(site_name: str, edition: Edition, cores: Sequence[tuple[str, str, str]]) -> str:
    """The running footers, as a `<style>` block (their words differ by edition and section).

    `cores` is (number, title, short link) for each core section: its pages are
    a named page whose footer names it; everything else gets the edition alone.
    """
    name = _css_string(f"{site_name} · edition {edition.number}")
    page = 'counter(page) " of " counter(pages)'
    rules = [
        f"@page {{ @bottom-left {{ content: {name}; }} @bottom-right {{ content: {page}; }} }}",
        "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }",
    ]
    for number, title, link in cores:
        label = _css_string(f"{site_name} · edition {edition.number} · {number} {title} · {link}")
        rules.append(f".roh-whole__part[data-core=\"{number}\"] {{ page: roh-core-{number}; }}")
        rules.append(f"@page roh-core-{number} {{ @bottom-left {{ content: {label}; }} "
                     f"@bottom-right {{ content: {page}; }} }}")
    return "<style>@media print {\n" + "\n".join(rules) + "\n}</style>"
