"""tool_forms: thin MkDocs hooks around the scanner, the renderer and the assets.

- on_config: find the pinned Pyodide, build the tools archive, add our CSS/JS.
- on_files: add the runtime files to the site (so `mkdocs serve` has them too).
- on_page_markdown: swap each `/// tool | slug` for a placeholder, checking it.
- on_page_content: swap each placeholder for the rendered form.
"""

from __future__ import annotations

import mimetypes
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
from mkdocs_plugins.source import did_you_mean, where
from mkdocs_plugins.tool_forms import assets, boot_manifest
from mkdocs_plugins.tool_forms.config import DirectiveOptions, ToolFormsConfig
from mkdocs_plugins.tool_forms.render import AssetUrls, early_boot, render_form
from mkdocs_plugins.tool_forms.scanner import Directive, DirectiveError, scan
from tools.registry import REGISTRY

SCRIPTS_DIR = "assets/roh"
TOOLS_DIR = "assets/tools"


class ToolFormsPlugin(BasePlugin[ToolFormsConfig]):  # type: ignore[no-untyped-call]
    """Renders tool directives; the work is in scanner, render and assets."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Browsers refuse module scripts and streamed wasm with the wrong type;
        # `mkdocs serve` uses this process's table.
        mimetypes.add_type("text/javascript", ".mjs")
        mimetypes.add_type("application/wasm", ".wasm")
        root = Path(config.config_file_path or ".").parent
        self._pyodide = assets.find_pyodide(root / self.config.pyodide_dir)
        self._archive = assets.tools_archive(Path(tools.__file__).parent)
        self._archive_uri = f"{TOOLS_DIR}/{assets.archive_name(self._archive)}"
        self._pyodide_dir = f"assets/pyodide/{self._pyodide.version}"
        self._worker_uri = f"{SCRIPTS_DIR}/tools-worker.mjs"
        # The worker starts Pyodide from this folder as soon as it runs (tools-worker.mjs).
        self._worker_query = "?pyodide=" + quote(
            get_relative_url(self._pyodide_dir, self._worker_uri) + "/", safe="./"
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
        for name in assets.PYODIDE_FILES:
            files.append(File.generated(config, f"{self._pyodide_dir}/{name}",
                                        abs_src_path=str(self._pyodide.folder / name)))
        files.append(File.generated(config, f"{self._pyodide_dir}/pyodide-lock.json",
                                    content=self._pyodide.lock_file()))
        files.append(File.generated(config, self._archive_uri, content=self._archive))
        manifest_uri = f"{SCRIPTS_DIR}/{boot_manifest.NAME}"  # beside the worker, which reads it
        files.append(File.generated(config, manifest_uri, content=boot_manifest.for_build(
            manifest_uri, self._pyodide, self._pyodide_dir, self._archive_uri, self._archive)))
        for name in (*assets.SCRIPT_FILES, *assets.STYLE_FILES, *assets.CLASSIC_SCRIPTS):
            files.append(File.generated(config, f"{SCRIPTS_DIR}/{name}",
                                        abs_src_path=str(assets.ASSETS / name)))
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
        self._forms[page.file.src_uri] = directives
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
            if name not in known:
                raise PluginError(f"{at}: unknown option {name!r} for a tool directive"
                                  f"{did_you_mean(name, known)}; options are {', '.join(known)}")
            values[name] = yaml.safe_load(raw) if raw else None
        options = DirectiveOptions()
        options.load_dict(values)
        failed, _ = options.validate()
        if failed:
            name, problem = failed[0]
            raise PluginError(f"{at}: option {name!r}: {problem}")
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
                archive=get_relative_url(self._archive_uri, page.url),
                pyodide=get_relative_url(self._pyodide_dir, page.url) + "/",
                worker=get_relative_url(self._worker_uri, page.url) + self._worker_query,
            )
            form = render_form(tool, urls, title=options["title"],
                               heading_level=options["heading_level"],
                               boot_timeout=self.config.boot_timeout)
            html = html.replace(token, form)
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
        return output[:at] + tags + output[at:]
