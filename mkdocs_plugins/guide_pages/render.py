"""Markdown for the data-driven pages. Pure functions: entries in, Markdown out."""

from __future__ import annotations

import datetime
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from mkdocs_plugins.editions_data import Edition
from mkdocs_plugins.glossary import anchor, sort_key
from mkdocs_plugins.guide_pages.changes import ChangeNote
from mkdocs_plugins.guide_pages.data import Entry
from mkdocs_plugins.guide_pages.this_edition import ThisEdition


def link(from_page: str, to_page: str) -> str:
    """A relative link between two docs-relative Markdown paths."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def glossary(entries: Iterable[Entry], page: str) -> str:
    lines: list[str] = []
    letter = ""
    for entry in sorted(entries, key=lambda e: sort_key(e.text("term"))):
        term = entry.text("term")
        first = sort_key(term)[:1].upper()
        if first != letter:
            letter = first
            lines += [f"## {letter} {{#glossary-{letter.lower()}}}", ""]
        lines.append(f"### {term} {{#{anchor(term)}}}")
        lines.append("")
        expansion = entry.text("expansion")
        if expansion:
            lines.append(f"**{expansion}.** {entry.text('definition')}")
        else:
            lines.append(entry.text("definition"))
        lines.append("")
        sections = entry.texts("see")
        if sections:
            refs = ", ".join(f"[{_label(s)}]({link(page, s)})" for s in sections)
            lines.append(f"See: {refs}.")
            lines.append("")
        source = entry.text("source")
        if source:
            lines.append(f"*Source:* {source}")
            lines.append("")
    return "\n".join(lines)


def _label(path: str) -> str:
    """'2-basic-risk-assessment/2.2-oasys.md' -> 'section 2.2'."""
    name = posixpath.basename(path)
    number = name.split("-", 1)[0]
    return f"section {number}" if number[:1].isdigit() else name.removesuffix(".md")


def biographies(entries: Iterable[Entry]) -> str:
    lines: list[str] = []
    for entry in entries:
        lines.append(f"## {entry.text('name')}")
        lines.append("")
        lines.append(f"*{entry.text('role')}*")
        lines.append("")
        lines.append(entry.text("description"))
        lines.append("")
        citation = entry.text("citation")
        url = entry.text("url")
        if citation:
            lines.append(f"Named in: {citation}" + (f" <{url}>" if url else ""))
            lines.append("")
    return "\n".join(lines)


_NUMBERED = re.compile(r"^\d+(\.\d+)*$")


def _date(value: datetime.date) -> str:
    return f"{value.day} {value:%B %Y}"


def _edition_status(edition: Edition, this: ThisEdition) -> str:
    if edition.current:
        status = "Current edition"
    elif edition.published and edition.superseded_on is not None:
        status = f"Superseded on {_date(edition.superseded_on)}"
    else:
        return "Not published on this site"
    if edition.edition == this.edition.edition:
        status += " (you are reading it)"
    elif not this.whole_site:
        # A single-edition build (make build) holds only its own edition.
        status += "; not in this copy, which holds only this edition"
    return status


def versions(this: ThisEdition, page_url: str) -> str:
    """The Version history list: every edition, newest first, from editions.yml.

    A list rather than a table, so it reads on a phone. Each edition published
    on this site links to its own copy, `../<edition>/` from this edition's
    root: the version selector's fallback without JavaScript. A single-edition
    build links only to itself (its home page): the other editions' folders
    are not in it.
    """
    folder = page_url[: page_url.rfind("/") + 1]
    to_root = "../" * folder.count("/") or "./"
    lines: list[str] = []
    for edition in this.editions:
        # "Edition 4.36", but a release named in words ("Special Edition") as it was.
        name = escape(f"Edition {edition.edition}" if _NUMBERED.match(edition.edition)
                      else edition.edition)
        shown = f"<strong>{name}</strong>"
        if edition.published and this.whole_site:
            shown = f'<strong><a href="{to_root}../{escape(edition.edition)}/">{name}</a></strong>'
        elif edition.edition == this.edition.edition:
            shown = f'<strong><a href="{to_root}">{name}</a></strong>'
        lines += [f"- {shown}, released {edition.released}. {_edition_status(edition, this)}.",
                  "", "    " + edition.description.replace("\n", "\n    "), ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class SectionPage:
    """A numbered page: where it is and what it is called (for headings and links)."""

    src: str
    section: str
    title: str


def changes(notes: Iterable[ChangeNote], tops: dict[str, SectionPage], page: str,
            this: ThisEdition) -> str:
    """'New material and changes' for this edition, grouped by core section.

    Like the seed's page: one heading per core section (linked to its overview
    page), then each changed page of that section with its note. The section's
    own overview page, when it changed, gives the paragraph under the heading.
    """
    edition = this.edition
    mine = sorted((n for n in notes if n.edition == edition.edition), key=lambda n: n.number_key)
    previous = this.previous()
    since = f" since edition {previous.label}" if previous else ""
    if not mine:
        return (f"No page of edition {edition.label} carries a change note{since}: "
                "it has no new material to list.\n")
    count = len({n.src for n in mine})
    lines = [f"Edition {edition.label} changed {count} "
             f"{'page' if count == 1 else 'pages'}{since}, listed by section below."]
    groups: dict[str, list[ChangeNote]] = {}
    for note in mine:
        groups.setdefault(note.section.split(".")[0] if note.section else "", []).append(note)
    others = groups.pop("", [])
    for top, group in groups.items():
        overview = tops.get(top)
        heading = f"Section {top}: {overview.title}" if overview else f"Section {top}"
        if overview:
            heading = f"[{heading}]({link(page, overview.src)})"
        lines += ["", f"## {heading} {{#changes-{top}}}", ""]
        for note in group:
            if note.section == top:
                lines += [note.note, ""]
        lines += [f"- [{n.section} {n.title}]({link(page, n.src)}): {n.note}"
                  for n in group if n.section != top]
    if others:
        lines += ["", "## Other pages {#changes-other}", ""]
        lines += [f"- [{n.title or n.src}]({link(page, n.src)}): {n.note}" for n in others]
    return "\n".join(lines).rstrip("\n") + "\n"
