"""guide_pages: fill marked pages from data files and from other pages' front matter.

A page asks for generated content with a line `<!-- generated: KIND -->`, where
KIND is glossary, biographies, versions (the editions, from editions.yml) or
changes (this edition's change notes). Unknown kinds fail the build with
file:line, so a typo never ships an empty page.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_plugins.guide_pages import render
from mkdocs_plugins.guide_pages.changes import ChangeNote, read_changes
from mkdocs_plugins.guide_pages.config import GuidePagesConfig
from mkdocs_plugins.guide_pages.data import Entry, load_entries
from mkdocs_plugins.guide_pages.this_edition import this_edition
from mkdocs_plugins.source import front_matter

MARKER = re.compile(r"^<!--\s*generated:\s*([a-z-]+)\s*-->\s*$")

REQUIRED = {
    "glossary": ("term", "definition", "source"),
    "biographies": ("name", "role", "description"),
}


class GuidePagesPlugin(BasePlugin[GuidePagesConfig]):  # type: ignore[no-untyped-call]
    """Thin hooks; the work is in data.py and render.py."""

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self._docs_dir = Path(config.docs_dir)
        self._edition = this_edition(config)
        names = [e.edition for e in self._edition.editions]
        docs = self._docs_dir.resolve()
        shown = (docs.relative_to(self._edition.repo_root).as_posix()
                 if docs.is_relative_to(self._edition.repo_root) else "docs")
        self._notes: list[ChangeNote] = []
        self._tops: dict[str, render.SectionPage] = {}
        for file in files.documentation_pages():
            source = file.content_string
            _, meta = front_matter(source)
            number = str(meta.get("section") or "")
            if number and "." not in number:
                self._tops[number] = render.SectionPage(file.src_uri, number,
                                                        str(meta.get("title") or ""))
            self._notes += read_changes(file.src_uri, source, f"{shown}/{file.src_uri}", names)
        return files

    def _entries(self, kind: str) -> list[Entry]:
        name = f"{self.config.data_dir}/{kind}.yml"
        return load_entries(self._docs_dir / name, f"docs/{name}", REQUIRED[kind])

    def _generate(self, kind: str, page: Page, where: str) -> str:
        src = page.file.src_uri
        if kind == "changes":
            return render.changes(self._notes, self._tops, src, self._edition)
        if kind == "glossary":
            return render.glossary(self._entries(kind), src)
        if kind == "biographies":
            return render.biographies(self._entries(kind))
        if kind == "versions":
            return render.versions(self._edition, page.url)
        known = ", ".join(sorted([*REQUIRED, "changes", "versions"]))
        raise PluginError(f"{where}: unknown generated content {kind!r} (known: {known})")

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if "generated:" not in markdown:
            return markdown  # no marker (MARKER needs these words): most pages
        # Front matter is already stripped here, so count its lines back in.
        raw = page.file.content_string  # a generated page (offline/) has no file
        offset = raw.count("\n") - markdown.count("\n")
        out: list[str] = []
        for number, line in enumerate(markdown.split("\n"), start=1):
            match = MARKER.match(line.strip())
            if match:
                where = f"docs/{page.file.src_uri}:{number + offset}"
                out.append(self._generate(match.group(1), page, where))
            else:
                out.append(line)
        return "\n".join(out)
