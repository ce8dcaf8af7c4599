"""editions: thin MkDocs hooks; the work is in the modules beside this one.

- on_config: which edition this build is (extra.edition, checked against
  editions.yml); load editions.css and editions.mjs on every page.
- on_files: read every published edition's front matter, check the uids
  edition against edition, publish this edition's section map.
- on_post_page: the edition line under the title; on a superseded edition the
  outdated banner, the canonical link to the current edition and noindex.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_plugins.editions import banner, canonical, section_map
from mkdocs_plugins.editions.config import EditionsConfig
from mkdocs_plugins.editions.history import EditionSources, check_all, load_sources
from mkdocs_plugins.editions.targets import Site, target_for
from mkdocs_plugins.editions_data import Edition, current_edition, find_root, load_editions
from mkdocs_plugins.source import LocatedError

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/roh"
_ARTICLE = '<article class="md-content__inner md-typeset">'


def _number_key(edition: Edition) -> tuple[int, ...]:
    return tuple(int(part) for part in edition.edition.split("."))


class UrlOf:
    """src_uri → URL relative to an edition's root, as MkDocs makes it."""

    def __init__(self, use_directory_urls: bool) -> None:
        self._directory_urls = use_directory_urls

    def __call__(self, src_uri: str) -> str:
        url = File(src_uri, None, "", self._directory_urls).url
        return "" if url in (".", "./") else url  # the home page, as Page.url has it


class EditionsPlugin(BasePlugin[EditionsConfig]):  # type: ignore[no-untyped-call]
    """Which edition a page belongs to, and where its section is today."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self._editions = load_editions(find_root(config_dir))
        wanted = str(config.extra.get("edition") or "").strip()
        published = {e.edition: e for e in self._editions if e.published}
        if wanted not in published:
            raise PluginError(
                f"{config.config_file_path}: extra.edition {wanted!r} is not a published "
                f"edition in editions.yml (published: {', '.join(published) or 'none'})")
        self._edition = published[wanted]
        self._current = current_edition(self._editions)
        index = self._editions.index(self._edition)
        self._successor = self._editions[index - 1] if index > 0 else None
        config.extra_css.append(f"{ASSET_DIR}/editions.css")
        script = ExtraScriptValue(f"{ASSET_DIR}/editions.mjs")
        script.type = "module"
        config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        published = sorted((e for e in self._editions if e.published), key=_number_key,
                           reverse=True)
        try:
            sources: list[EditionSources] = []
            for edition in published:
                docs = (Path(config.docs_dir) if edition == self._edition
                        else Path(edition.config_dir or ".") / "docs")
                sources.append(load_sources(edition, docs))
            check_all(sources)
        except LocatedError as error:
            raise PluginError(str(error)) from None
        position = published.index(self._edition)
        self._own = sources[position]
        #: The editions after this one, oldest first (empty for the current edition).
        self._newer = list(reversed(sources[:position]))
        url_of = UrlOf(config.use_directory_urls)
        self._site = Site(sources[0], url_of)
        files.append(File.generated(config, section_map.PATH,
                                    content=section_map.section_map(self._own, url_of)))
        for name in ("editions.mjs", "editions.css"):
            files.append(File.generated(config, f"{ASSET_DIR}/{name}",
                                        abs_src_path=str(ASSETS / name)))
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        meta = self._own.pages.get(page.file.src_uri)
        if self.config.edition_line:
            line = banner.edition_line(
                self._edition,
                meta.last_reviewed if meta else None,
                meta.next_review if meta else None,
                meta.section.uid if meta and meta.section else None,
            )
            output = _after_title(output, line)
        if self._edition.current or self._successor is None:
            return output
        target = target_for(page.file.src_uri, page.url, self._own, self._newer, self._site)
        notice = banner.outdated_banner(self._edition, self._successor, self._current, target)
        output = output.replace(_ARTICLE, _ARTICLE + notice, 1)
        site_root = config.extra.get("site_root") or config.site_url
        if site_root:
            address = canonical.canonical_url(site_root, self._current.edition, target.url)
            return canonical.superseded_head(output, address)
        return output.replace("</head>", canonical.NOINDEX + "</head>", 1)


def _after_title(output: str, line: str) -> str:
    """Put `line` right after the article's first heading (its title)."""
    start = output.find(_ARTICLE)
    end = output.find("</h1>", start) if start >= 0 else -1
    if end < 0:
        return output
    end += len("</h1>")
    return output[:end] + line + output[end:]
