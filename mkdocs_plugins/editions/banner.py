"""The markup that tells readers which edition they are reading.

- The outdated-edition banner on every page of a superseded edition, rendered at
  build time so it works with JavaScript off and in print: which edition this
  is, when it was replaced, and a link to the same section in the current
  edition (its new number and title, its replacement, or why it was removed).
- The edition line under every page's title: edition, last reviewed, next review.

Both carry `data-search-exclude`, so Material's search never indexes them.
Pure: data in, HTML out.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html import escape

from mkdocs_plugins.editions.sources import SectionRef
from mkdocs_plugins.editions_data import Edition

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
#: What the banner links to: the same section moved, replaced or removed, or a page.
KINDS = ("same", "moved", "replaced", "removed", "page", "home")


def long_date(day: datetime.date) -> str:
    """GOV.UK style: 5 January 2027."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Target:
    """Where an old page leads in the current edition.

    kind: same (same number and title), moved (renumbered and/or retitled),
    replaced, removed (note and removed_in say why and when), page (an
    unnumbered page with the same path), home (no such page any more).
    `href` is relative to the old page; `url` relative to the current edition's root.
    """

    kind: str
    href: str
    url: str
    old: SectionRef | None = None
    new: SectionRef | None = None
    note: str | None = None
    removed_in: str | None = None


def _sentence_for(target: Target, current: str) -> tuple[str, str]:
    """(what happened, the link's text) for the banner's second line."""
    new, old = target.new, target.old
    in_current = f"in edition {current}"
    if target.kind == "same" and new is not None:
        return "", f"Read section {new.label} {in_current}"
    if target.kind == "moved" and new is not None and old is not None:
        if new.number != old.number and new.title != old.title:
            change = f"is section {new.label}"
        elif new.number != old.number:
            change = f"is numbered {new.number}"
        else:
            change = f"is called {new.title}"
        return (f"In the current edition ({current}) this section {change}.",
                f"Read section {new.label} {in_current}")
    if target.kind == "replaced" and new is not None:
        return (f"In the current edition ({current}) this section was replaced by section "
                f"{new.label}.", f"Read section {new.label} {in_current}")
    if target.kind == "removed":
        return (f"Edition {target.removed_in} removed this section. {target.note}",
                f"Go to the contents of edition {current}")
    if target.kind == "page":
        return "", f"Read this page {in_current}"
    return (f"This page is not in the current edition ({current}).",
            f"Go to the home page of edition {current}")


def outdated_banner(this: Edition, successor: Edition, current: Edition,
                    target: Target) -> str:
    """The banner for a page of superseded edition `this`, replaced by `successor`."""
    assert this.superseded_on is not None, "a published superseded edition has superseded_on"
    heading = (f"You are reading edition {this.label}. It was replaced by edition "
               f"{successor.edition} on {long_date(this.superseded_on)}.")
    if successor.edition != current.edition:
        heading += f" The current edition is {current.edition}."
    happened, link_text = _sentence_for(target, current.edition)
    lead = f"{escape(happened)} " if happened else ""
    return (
        '<div class="roh-edition-banner" role="region" aria-labelledby="roh-edition-banner-'
        f'title" data-search-exclude data-roh-banner="{escape(target.kind)}">'
        '<p class="roh-edition-banner__title" id="roh-edition-banner-title">'
        "Outdated edition</p>"
        '<div class="roh-edition-banner__content">'
        f'<p class="roh-edition-banner__heading">{escape(heading)}</p>'
        f'<p class="roh-edition-banner__body">{lead}<a class="roh-edition-banner__link" '
        f'href="{escape(target.href)}">{escape(link_text)}</a></p>'
        "</div></div>"
    )


def edition_line(edition: Edition, reviewed: datetime.date | None,
                 due: datetime.date | None, uid: str | None) -> str:
    """"Edition 4.36 · Last reviewed 23 November 2026 · Next review due 23 November 2027".

    It also tells editions.mjs the page's uid, so the version selector can keep
    the section.
    """
    parts = [f"Edition {edition.edition}"]
    if reviewed is not None:
        parts.append(f"Last reviewed {long_date(reviewed)}")
    if due is not None:
        parts.append(f"Next review due {long_date(due)}")
    separator = '<span class="roh-edition-line__sep" aria-hidden="true"> · </span>'
    items = separator.join(f"<span>{escape(p)}</span>" for p in parts)
    uid_attr = f' data-roh-uid="{escape(uid)}"' if uid else ""
    return (f'<p class="roh-edition-line" data-search-exclude data-roh-edition='
            f'"{escape(edition.edition)}"{uid_attr}>{items}</p>')
