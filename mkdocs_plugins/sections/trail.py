"""Where a numbered page sits: its breadcrumb trail and its depth in the side navigation.

The trail is built from section numbers, not from the nav tree: the nav lists
2.6.4 beside 2.6 (both children of "2 Basic risk assessment"), but a reader
thinks of 2.6.4 as part of 2.6. So the trail of 2.6.4 is Home › 2 › 2.6 ›
2.6.4, and the nav item of 2.6.4 is marked one level deeper than 2.6's.
The theme's `partials/path.html` (overridden in overrides/) renders the trail;
it sits outside the article, so search and the print page never see it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs_plugins.sections.numbering import Section


@dataclass(frozen=True)
class Crumb:
    """One step of the trail: what it says and where it goes (relative to the page)."""

    label: str
    url: str


def ancestors(number: str) -> list[str]:
    """"2.6.4" → ["2", "2.6"]: the numbers a section belongs to, outermost first."""
    parts = number.split(".")
    return [".".join(parts[:depth]) for depth in range(1, len(parts))]


def trail(section: Section, sections: Mapping[str, Section], home: Crumb,
          url_of: Mapping[str, str]) -> list[Crumb]:
    """Home, then each existing ancestor section, then the page itself (url "./")."""
    crumbs = [home]
    crumbs += [Crumb(sections[n].label, url_of[n]) for n in ancestors(section.number)
               if n in sections and n in url_of]
    crumbs.append(Crumb(section.label, "./"))
    return crumbs


# A nav item, up to the text of its link: Material writes the page title
# ("2.6.4 Risk levels in practice") in a span.md-ellipsis inside the link or label.
# The run up to that span is possessive (it never gives characters back) and
# stops only at the next item or at a numbered span: the same matches as a lazy
# "anything but <li" scan, without retrying the span pattern at every character.
_NAV_ITEM = re.compile(
    r'<li class="(?P<class>md-nav__item[^"]*)"(?P<rest>>'
    r'(?:[^<]++|<(?!li\b|span class="md-ellipsis">\s*\d+(?:\.\d+)*\s))*+'
    r'<span class="md-ellipsis">\s*(?P<number>\d+(?:\.\d+)*)\s)')


def mark_nav_depth(html: str, numbered: set[str]) -> str:
    """Give each numbered nav item `data-roh-depth` (2 for "2.6", 3 for "2.6.4").

    Only the primary navigation's items carry numbers; the page's own table
    of contents (unnumbered sub-headings) is left as it is.
    """
    def mark(match: re.Match[str]) -> str:
        number = match.group("number")
        if number not in numbered:
            return match.group(0)
        depth = number.count(".") + 1
        return f'<li class="{match.group("class")}" data-roh-depth="{depth}"{match.group("rest")}'

    return _NAV_ITEM.sub(mark, html)


# A nested nav section: its index page's link, then the label that opens and
# closes it, which has only an icon. Material names the nested <nav> by that label.
_NESTED = re.compile(
    r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">'
    r'(?P<title>[^<]*)</span>\s*</a>\s*<label class="md-nav__link[^"]*" '
    r'for="__nav_[\d_]+" id="(?P<id>__nav_[\d_]+_label)"')
_LABELLED_BY = re.compile(r'aria-labelledby="(?P<id>__nav_[\d_]+_label)"')


def name_nested_navs(html: str) -> str:
    """Name each section's nested <nav> by the section's title.

    Material labels it by the section's toggle, which holds only an icon, so
    every nested nav is an unnamed navigation landmark, the same as its
    siblings (axe: landmark-unique, on a phone where all are in the drawer).
    A `<label>` may not carry aria-label, so the nav gets it instead.
    """
    # The title is stripped here, not by `\s*` around a lazy group in the pattern:
    # that backtracked over every nav link's whitespace (a third of the build's
    # plugin time).
    titles = {m.group("id"): m.group("title").strip() for m in _NESTED.finditer(html)}

    def name(match: re.Match[str]) -> str:
        title = titles.get(match.group("id"))
        if title is None:
            return match.group(0)
        return 'aria-label="{}"'.format(title.replace('"', "&quot;"))

    return _LABELLED_BY.sub(name, html)
