"""Markdown for the data-driven pages. Pure functions: entries in, Markdown out."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_plugins.glossary import anchor, sort_key
from mkdocs_plugins.guide_pages.data import Entry


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


def versions(entries: Iterable[Entry]) -> str:
    lines = ["| Version | Released | What it was |", "| --- | --- | --- |"]
    for entry in entries:
        lines.append(
            f"| {entry.text('version')} | {entry.text('released')} | {entry.text('description')} |"
        )
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class ChangedPage:
    """A page whose front matter says it changed in the edition being listed."""

    src: str
    section: str
    title: str
    note: str

    @property
    def number_key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.section.split(".") if part.isdigit())


SECTION_TITLES = {
    "1": "Section 1: Key concepts and definitions",
    "2": "Section 2: Basic risk assessment",
    "3": "Section 3: Advanced risk assessment",
    "4": "Section 4: Risk management",
    "5": "Section 5: Working with other agencies",
    "6": "Section 6: Best practice and avoiding errors",
}


def changes(pages: Iterable[ChangedPage], page: str) -> str:
    """The 'New material and changes' list, grouped by core section."""
    lines: list[str] = []
    current = ""
    for changed in sorted(pages, key=lambda p: p.number_key):
        top = changed.section.split(".")[0]
        if top != current:
            current = top
            lines += ["", f"## {SECTION_TITLES.get(top, 'Section ' + top)}", ""]
        target = link(page, changed.src)
        lines.append(f"- [{changed.section} {changed.title}]({target}): {changed.note}")
    return "\n".join(lines).lstrip("\n") + "\n"
