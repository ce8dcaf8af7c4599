"""guide_pages: fill marked pages from data files and from other pages' front matter.

A page asks for generated content with a line `<!-- generated: KIND -->`, where
KIND is glossary, biographies, versions or changes. Unknown kinds fail the build
with file:line, so a typo never ships an empty page.
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
from mkdocs_plugins.guide_pages.config import GuidePagesConfig
from mkdocs_plugins.guide_pages.data import Entry, load_entries
from mkdocs_plugins.source import front_matter

MARKER = re.compile(r"^<!--\s*generated:\s*([a-z-]+)\s*-->\s*$")

REQUIRED = {
    "glossary": ("term", "definition", "source"),
    "biographies": ("name", "role", "description"),
    "versions": ("version", "released", "description"),
}


class GuidePagesPlugin(BasePlugin[GuidePagesConfig]):  # type: ignore[no-untyped-call]
    """Thin hooks; the work is in data.py and render.py."""

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self._docs_dir = Path(config.docs_dir)
        self._changed: list[render.ChangedPage] = []
        for file in files.documentation_pages():
            _, meta = front_matter(file.content_string)
            if str(meta.get("changed_in", "")) == self.config.edition:
                note = str(meta.get("change_note") or "").strip()
                if not note:
                    raise PluginError(
                        f"docs/{file.src_uri}:1: changed_in is set but change_note is empty"
                    )
                self._changed.append(
                    render.ChangedPage(
                        file.src_uri, str(meta.get("section", "")), str(meta.get("title", "")), note
                    )
                )
        return files

    def _entries(self, kind: str) -> list[Entry]:
        name = f"{self.config.data_dir}/{kind}.yml"
        return load_entries(self._docs_dir / name, f"docs/{name}", REQUIRED[kind])

    def _generate(self, kind: str, page: Page, where: str) -> str:
        src = page.file.src_uri
        if kind == "changes":
            return render.changes(self._changed, src)
        if kind == "glossary":
            return render.glossary(self._entries(kind), src)
        if kind == "biographies":
            return render.biographies(self._entries(kind))
        if kind == "versions":
            return render.versions(self._entries(kind))
        known = ", ".join(sorted([*REQUIRED, "changes"]))
        raise PluginError(f"{where}: unknown generated content {kind!r} (known: {known})")

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Front matter is already stripped here, so count its lines back in.
        raw = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
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
