"""tool_forms: thin MkDocs hooks around the scanner, the renderer and the assets.

- on_config: find the pinned Pyodide, build the tools archive, add our CSS/JS.
- on_files: add the runtime files to the site (so `mkdocs serve` has them too),
  unless a publish shares one copy between every edition (`shared_assets`).
- on_files: also find which pages embed which tool, for the Tools page
  (tools_page.py), and generate tools.md where an edition has none.
- on_page_markdown: swap each `/// tool | slug` for a placeholder, checking it;
  fill the Tools page's list.
- on_page_content: swap each placeholder for the rendered form.
- on_post_page: start Python from <head>; a "Skip to the calculator" link.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import tools
from mkdocs_plugins.editions_data import FILE_NAME as EDITIONS_FILE
from mkdocs_plugins.editions_data import FROZEN_DIR
from mkdocs_plugins.source import did_you_mean, page_offset, where
from mkdocs_plugins.tool_forms import assets, boot_manifest, tools_page
from mkdocs_plugins.tool_forms.config import DirectiveOptions, ToolFormsConfig
from mkdocs_plugins.tool_forms.render import AssetUrls, early_boot, render_form
from mkdocs_plugins.tool_forms.scanner import Directive, DirectiveError, first_repeat, scan
from tools.core.registry import REGISTRY

SCRIPTS_DIR = "assets/roh"
ASSETS_DIR = "assets"
#: How a publish tells every edition's build where the one shared copy is.
SHARED_ASSETS_ENV = "ROH_SHARED_ASSETS"


def relative_url(target: str, base: str) -> str:
    """`target` (a path in the site) as seen from `base` (a page or file URL).

    Unlike mkdocs' get_relative_url this keeps a target outside the build's own
    site folder ("../_assets/…": the shared copy beside every edition) right.
    """
    folder = base if base.endswith("/") else posixpath.dirname(base)
    return posixpath.relpath(posixpath.join("/site", target), posixpath.join("/site", folder))


def platform_root(config_file: Path) -> Path:
    """The folder this build's platform paths (pyodide_dir) are relative to.

    A frozen edition's mkdocs.yml (versions/<edition>/) INHERITs the main one,
    whose paths are relative to the repository root, not to versions/<edition>/.
    """
    folder = config_file.parent
    if folder.parent.name == FROZEN_DIR and (folder.parent.parent / EDITIONS_FILE).is_file():
        return folder.parent.parent
    return folder


class ToolFormsPlugin(BasePlugin[ToolFormsConfig]):  # type: ignore[no-untyped-call]
    """Renders tool directives; the work is in scanner, render and assets."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Browsers refuse module scripts and streamed wasm with the wrong type;
        # `mkdocs serve` uses this process's table.
        mimetypes.add_type("text/javascript", ".mjs")
        mimetypes.add_type("application/wasm", ".wasm")
        root = platform_root(Path(config.config_file_path or "mkdocs.yml").resolve())
        self._pyodide = assets.find_pyodide(root / self.config.pyodide_dir)
        self._archive = assets.tools_archive(Path(tools.__file__).parent)
        self._shared = self.config.shared_assets or os.environ.get(SHARED_ASSETS_ENV) or None
        folder = (self._shared or ASSETS_DIR).rstrip("/")
        self._archive_uri = f"{folder}/tools/{assets.archive_name(self._archive)}"
        self._pyodide_dir = f"{folder}/pyodide/{self._pyodide.version}"
        self._worker_uri = f"{SCRIPTS_DIR}/tools-worker.mjs"
        # The worker starts Pyodide from this folder as soon as it runs (tools-worker.mjs).
        self._worker_query = "?pyodide=" + quote(
            relative_url(self._pyodide_dir, self._worker_uri) + "/", safe="./"
        )
        self._forms: dict[str, list[Directive]] = {}
        self._early: dict[str, str] = {}
        for name in assets.STYLE_FILES:
            config.extra_css.append(f"{SCRIPTS_DIR}/{name}")
        script = ExtraScriptValue(f"{SCRIPTS_DIR}/tool-form.mjs")
        script.type = "module"
        config.extra_javascript.append(script)
        config.extra_javascript.append(ExtraScriptValue(f"{SCRIPTS_DIR}/{assets.FILE_NOTICE}"))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if not self._shared:  # a publish keeps one copy for every edition (/_assets/)
            for name, source in assets.runtime_files(self._pyodide, self._archive).items():
                uri = f"{ASSETS_DIR}/{name}"
                files.append(File.generated(config, uri, content=source) if isinstance(
                    source, bytes) else File.generated(config, uri, abs_src_path=str(source)))
        # Every edition lists the boot files (wherever they are) relative to itself.
        manifest_uri = f"{SCRIPTS_DIR}/{boot_manifest.NAME}"  # beside the worker, which reads it
        manifest = boot_manifest.for_build(manifest_uri, self._pyodide, self._pyodide_dir,
                                           self._archive_uri, self._archive)
        files.append(File.generated(config, manifest_uri, content=manifest))
        self._download_size = tools_page.download_size(manifest)  # the Tools page says it
        for name in (*assets.SCRIPT_FILES, *assets.STYLE_FILES, *assets.CLASSIC_SCRIPTS):
            files.append(File.generated(config, f"{SCRIPTS_DIR}/{name}",
                                        abs_src_path=str(assets.ASSETS / name)))
        sources = {f.src_uri: f.content_string for f in files.documentation_pages()
                   if f.src_uri != tools_page.PAGE}
        self._embeds = tools_page.embeds(sources)
        if files.get_file_from_path(tools_page.PAGE) is None:  # a frozen edition's docs/
            files.append(File.generated(config, tools_page.PAGE,
                                        abs_src_path=str(tools_page.DEFAULT_PAGE)))
        self._skip: dict[str, tuple[str, str]] = {}
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        try:
            body, directives = scan(markdown)
        except DirectiveError as error:
            raise PluginError(f"{where(page, error.line)}: {error.message}") from None
        for directive in directives:
            self._check(page, directive)
        repeat = first_repeat(directives)
        if repeat:
            first, second = repeat
            raise PluginError(f"{where(page, second.line)}: the {second.slug} tool is already on "
                              f"this page (line {first.line + page_offset(page)}): a page can "
                              "hold each tool once, as the form's ids must be unique")
        self._forms[page.file.src_uri] = directives
        if page.file.src_uri == tools_page.PAGE:
            tools = [tool for tool, _ in REGISTRY.values()]
            body = body.replace(tools_page.MARKER, tools_page.listing(tools, self._embeds)
                                + "\n\n" + tools_page.offline_control(self._download_size))
        return body

    def _check(self, page: Page, directive: Directive) -> dict[str, Any]:
        """The directive's options, validated; a build error naming file:line if not."""
        at = where(page, directive.line)
        if directive.slug not in REGISTRY:
            raise PluginError(
                f"{at}: unknown tool {directive.slug!r}{did_you_mean(directive.slug, REGISTRY)}"
                f"; the tools are {', '.join(sorted(REGISTRY))}"
            )
        known = list(DirectiveOptions().keys())
        values: dict[str, Any] = {}
        for name, raw in directive.options.items():
            at_option = where(page, directive.line_of(name))
            if name not in known:
                raise PluginError(f"{at_option}: unknown option {name!r} for a tool directive"
                                  f"{did_you_mean(name, known)}; options are {', '.join(known)}")
            try:
                values[name] = yaml.safe_load(raw) if raw else None
            except yaml.YAMLError:
                raise PluginError(f"{at_option}: option {name!r}: {raw!r} cannot be read as a "
                                  "value: put text in quotes") from None
        options = DirectiveOptions()
        options.load_dict(values)
        failed, _ = options.validate()
        if failed:
            name, problem = failed[0]
            raise PluginError(f"{where(page, directive.line_of(name))}: option {name!r}: "
                              f"{problem}")
        return dict(options)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        for directive in self._forms.get(page.file.src_uri, []):
            token = f"<p>{directive.placeholder}</p>"
            if token not in html:
                raise PluginError(f"{where(page, directive.line)}: the tool directive must "
                                  "stand on its own lines, outside lists and other blocks")
            options = self._check(page, directive)
            tool, _ = REGISTRY[directive.slug]
            urls = AssetUrls(
                archive=relative_url(self._archive_uri, page.url),
                pyodide=relative_url(self._pyodide_dir, page.url) + "/",
                worker=relative_url(self._worker_uri, page.url) + self._worker_query,
            )
            form = render_form(tool, urls, title=options["title"],
                               heading_level=options["heading_level"],
                               boot_timeout=self.config.boot_timeout)
            html = html.replace(token, form)
            # Links to the tool (the Tools page, the home page) are checked against these.
            anchor = tools_page.anchor(tool.slug)
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.update({anchor, f"{anchor}-title"})
            noun = "checklist" if tool.keeps_drafts else "calculator"
            self._skip.setdefault(page.file.src_uri, (anchor, noun))
            self._early[page.file.src_uri] = early_boot(
                urls.worker, get_relative_url(f"{SCRIPTS_DIR}/{assets.EARLY_BOOT}", page.url)
            )
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """On a page with a tool, start Python from <head>, before the page has loaded."""
        tags = self._early.get(page.file.src_uri)
        if not tags:
            return output
        charset = re.search(r"<meta\s+charset=[^>]*>", output, re.IGNORECASE)
        at = charset.end() if charset else output.index("<head>") + len("<head>")
        output = output[:at] + tags + output[at:]
        return add_skip_link(output, *self._skip[page.file.src_uri])


def add_skip_link(output: str, anchor: str, noun: str) -> str:
    """A "Skip to the calculator" link beside the theme's "Skip to content", first in the page.

    It uses the theme's own skip-link style (hidden until focused); tool-form.mjs
    moves focus to the tool's heading when it is followed.
    """
    link = (f'<a href="#{anchor}" class="md-skip roh-skip" data-roh-skip>'
            f"Skip to the {noun}</a>")
    theme = re.search(r'<a href="[^"]*" class="md-skip">[^<]*</a>', output)
    if theme:
        return output[:theme.end()] + link + output[theme.end():]
    body = re.search(r"<body[^>]*>", output)
    if body is None:
        return output
    return output[:body.end()] + link + output[body.end():]
