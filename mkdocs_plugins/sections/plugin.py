"""sections: thin MkDocs hooks; the work is in the modules beside this one.

- on_files: read every page's section number and index markers from source;
  add the short routes, QR codes, trainer cards and the sections map.
- on_nav: check numbers rise in reading order.
- on_page_markdown: id the title heading `s<number>`, link `[§n]`, strip markers.
- on_page_content: the citation line and copy-link button, glossary toggletips,
  the A–Z index.
- on_page_context: the breadcrumb trail (`page.meta["roh_trail"]`, rendered by
  overrides/partials/path.html).
- on_post_page: the "Go to section" box in the header; nav items' depth.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from mkdocs_plugins.editions.banner import long_date
from mkdocs_plugins.glossary import Term, load_glossary
from mkdocs_plugins.guide_pages.this_edition import ThisEdition, this_edition
from mkdocs_plugins.sections import citation, print_front, routes, trail
from mkdocs_plugins.sections.config import SectionsConfig
from mkdocs_plugins.sections.crossrefs import link_sections
from mkdocs_plugins.sections.index_markers import (
    Entry,
    Marker,
    build_index,
    read_markers,
    strip_markers,
)
from mkdocs_plugins.sections.index_page import render_index
from mkdocs_plugins.sections.numbering import Section, check_order, read_section
from mkdocs_plugins.sections.toggletips import add_toggletips
from mkdocs_plugins.sections.whole_guide import Front, Part, assemble, title_anchor
from mkdocs_plugins.source import LocatedError, body_offset, front_matter, in_code_fence
from mkdocs_plugins.source_checks import check_front_matter, check_no_scripts

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/roh"
SECTIONS_MAP = f"{ASSET_DIR}/sections.json"
INDEX_MARKER = re.compile(r"^<!--\s*generated:\s*a-z-index\s*-->\s*$", re.MULTILINE)
INDEX_PLACEHOLDER = "ROHAZINDEXPLACEHOLDERXQ"
WHOLE_MARKER = re.compile(r"^<!--\s*generated:\s*whole-guide\s*-->\s*$", re.MULTILINE)
WHOLE_PLACEHOLDER = "ROHWHOLEGUIDEPLACEHOLDERXQ"
CARDS_MARKER = re.compile(r"^<!--\s*generated:\s*trainer-cards\s*-->\s*$", re.MULTILINE)
_H1_LINE = re.compile(r"^#\s+.+$")
log = get_plugin_logger("sections")


def _fail(error: LocatedError) -> PluginError:
    return PluginError(str(error))


class SectionsPlugin(BasePlugin[SectionsConfig]):  # type: ignore[no-untyped-call]
    """Section numbers as the identity of the guide's content."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "attr_list" not in config.markdown_extensions:
            raise PluginError("the sections plugin needs the attr_list Markdown extension")
        config.extra_css.append(f"{ASSET_DIR}/sections.css")
        script = ExtraScriptValue(f"{ASSET_DIR}/sections.mjs")
        script.type = "module"
        config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self._sections: dict[str, Section] = {}
        self._by_uri: dict[str, Section] = {}
        self._markers: list[tuple[str, Marker]] = []
        try:
            for file in files.documentation_pages():
                source = file.content_string
                check_front_matter(file.src_uri, source)
                section = read_section(file.src_uri, source)
                body, _ = front_matter(source)
                check_no_scripts(file.src_uri, body, body_offset(source) + 1)
                markers = read_markers(file.src_uri, body, body_offset(source) + 1)
                if markers and section is None:
                    raise LocatedError(markers[0].where, "index markers belong in numbered "
                                                         "sections: this page has no number")
                if section is not None:
                    self._by_uri[file.src_uri] = section
                    self._markers += [(section.number, m) for m in markers]
            self._glossary: list[Term] = load_glossary(Path(config.docs_dir))
            see = {t.expansion: t.term for t in self._glossary if t.expansion}
            see |= {t.term: t.expansion for t in self._glossary if t.expansion}
            self._index: dict[str, Entry] = build_index(self._markers, see)
        except LocatedError as error:
            raise _fail(error) from None
        self._add_section_files(files, config)
        return files

    def _add_section_files(self, files: Files, config: MkDocsConfig) -> None:
        self._edition: ThisEdition = this_edition(config)
        # INFO, not WARNING: a warning fails `mkdocs build --strict`, and a local
        # build is a normal thing to make. The cards page says it too.
        self._notice = routes.local_notice(self._edition.root) if self._edition.local else ""
        if self._notice:
            log.info(routes.local_log_line(self._edition.root))
        cache = Path(config.config_file_path or ".").parent / ".cache" / "roh-qr"
        entries = {}
        self._page_urls: dict[str, str] = {}
        for section in sorted(self._by_uri.values(), key=lambda s: s.key):
            page_url = files.get_file_from_path(section.src_uri).url  # type: ignore[union-attr]
            route = routes.route_uri(section.number)
            url = self._edition.short_link(section.number)
            files.append(File.generated(config, route, content=routes.redirect_page(
                section, get_relative_url(page_url, route))))
            files.append(File.generated(config, routes.qr_uri(section.number),
                                        content=routes.qr_svg(url, section.label, cache)))
            card = routes.card_uri(section.number)
            files.append(File.generated(config, card, content=routes.card_page(
                section, url, get_relative_url(page_url, card) + f"#{section.anchor}",
                get_relative_url(f"{ASSET_DIR}/card.css", card),
                edition=self._edition.edition.edition, notice=self._notice)))
            entries[section.number] = {"title": section.title, "path": page_url}
            self._page_urls[section.number] = page_url
        files.append(File.generated(config, routes.SHEET_URI, content=routes.cards_sheet(
            sorted(self._by_uri.values(), key=lambda s: s.key), self._edition.short_link,
            get_relative_url(f"{ASSET_DIR}/card.css", routes.SHEET_URI),
            edition=self._edition.edition.edition, notice=self._notice)))
        files.append(File.generated(config, SECTIONS_MAP, content=json.dumps(entries)))
        for name in ("sections.mjs", "sections.css", "card.css"):
            files.append(File.generated(config, f"{ASSET_DIR}/{name}",
                                        abs_src_path=str(ASSETS / name)))

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        in_nav = {p.file.src_uri for p in nav.pages}
        in_order = [self._by_uri[p.file.src_uri] for p in nav.pages
                    if p.file.src_uri in self._by_uri]
        try:
            for section in self._by_uri.values():
                if section.src_uri not in in_nav:
                    raise LocatedError(f"docs/{section.src_uri}:{section.line}",
                                       f"section {section.number} is not in the navigation: "
                                       "add it to nav in mkdocs.yml, in reading order")
            self._sections = check_order(in_order)
        except LocatedError as error:
            raise _fail(error) from None
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        first_line = body_offset(page.file.content_string) + 1
        section = self._by_uri.get(uri)
        if section is not None:
            page.meta["title"] = section.label
            markdown = self._id_heading(markdown, section)
        try:
            markdown = link_sections(markdown, uri, self._sections, first_line)
        except LocatedError as error:
            raise _fail(error) from None
        if uri == self.config.index_page:
            markdown = INDEX_MARKER.sub(INDEX_PLACEHOLDER, markdown)
        if uri == self.config.print_page:
            markdown = WHOLE_MARKER.sub(WHOLE_PLACEHOLDER, markdown)
        markdown = CARDS_MARKER.sub(lambda _: routes.cards_table(
            self._sections.values(), uri, self._edition.short_link, self._notice), markdown)
        return strip_markers(markdown)

    @staticmethod
    def _id_heading(markdown: str, section: Section) -> str:
        lines = markdown.split("\n")
        code = in_code_fence(lines)
        for index, line in enumerate(lines):
            if not code[index] and _H1_LINE.match(line):
                lines[index] = f"{line.rstrip()} {{#{section.anchor}}}"
                break
        return "\n".join(lines)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        section = self._by_uri.get(uri)
        if section is not None:
            html = citation.add_citation(html, section, get_relative_url(
                routes.route_uri(section.number).removesuffix("index.html"), page.url),
                self._edition.short_link(section.number))
            html = routes.card_link(html, section, get_relative_url(
                routes.card_uri(section.number).removesuffix("index.html"), page.url))
        if uri != self.config.glossary_page:
            glossary = files.get_file_from_path(self.config.glossary_page)
            if glossary is not None:
                html = add_toggletips(html, self._glossary,
                                      get_relative_url(glossary.url, page.url))
        if uri == self.config.index_page:
            body = render_index(self._index, self._sections, lambda s: get_relative_url(
                files.get_file_from_path(s.src_uri).url, page.url) + f"#{s.anchor}")  # type: ignore[union-attr]
            html = html.replace(f"<p>{INDEX_PLACEHOLDER}</p>", body)
        return html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        section = self._by_uri.get(page.file.src_uri)
        if section is not None:
            home = trail.Crumb("Home", get_relative_url(nav.homepage.url if nav.homepage
                                                        else "", page.url))
            urls = {n: get_relative_url(u, page.url) for n, u in self._page_urls.items()}
            page.meta["roh_trail"] = [
                {"label": c.label, "url": c.url}
                for c in trail.trail(section, self._sections, home, urls)]
        if page.file.src_uri == self.config.print_page and page.content:
            parts = [
                Part(title_anchor(p.content or "", p.file.src_uri), p.title or "", p.url,
                     p.content or "", self._number(p.file.src_uri))
                for p in nav.pages
                if p.content and (p.file.src_uri in self._by_uri
                                  or p.file.src_uri == self.config.index_page)
            ]
            before, found, after = page.content.partition(f"<p>{WHOLE_PLACEHOLDER}</p>")
            if found:
                # The page's own words are for the screen; on paper the cover replaces them.
                page.content = (f'<div class="roh-whole__screen">{before}</div>'
                                f"{assemble(parts, page.url, self._front(config))}{after}")
        return context

    def _number(self, src_uri: str) -> str:
        section = self._by_uri.get(src_uri)
        return section.number if section else ""

    def _front(self, config: MkDocsConfig) -> Front:
        edition = self._edition.edition
        replaced = long_date(edition.superseded_on) if edition.superseded_on else ""
        return Front(config.site_name, config.site_description or "", print_front.Edition(
            edition.edition, edition.released, self._edition.root, edition.current, replaced),
            self._edition.short_link)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = self._navigation(output)
        return citation.add_goto_box(output) if self.config.goto_box else output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """404.html is a template, not a page: its side navigation gets the same marks.

        (It carries its own Go to box, so the header gets none.)
        """
        return self._navigation(output_content) if template_name == "404.html" else output_content

    def _navigation(self, output: str) -> str:
        return trail.name_nested_navs(trail.mark_nav_depth(output, set(self._sections)))
