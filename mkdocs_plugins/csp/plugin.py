"""csp: hash the theme's inline scripts page by page, then write the one policy everywhere.

The policy can only be known once every page is rendered, so pages get a
placeholder tag and on_post_build fills it in across the built site, and writes
the same text to `content-security-policy.txt` for servers that send it as a
header. An inline script that is not one of the theme's fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from mkdocs_plugins.csp import policy
from mkdocs_plugins.csp.config import CspConfig
from mkdocs_plugins.csp.theme_scripts import theme_script

_SNIPPET_CHARS = 60


def snippet(body: str) -> str:
    """The start of a script, on one line, short enough for a build message."""
    text = re.sub(r"\s+", " ", body).strip()
    return text if len(text) <= _SNIPPET_CHARS else text[:_SNIPPET_CHARS] + "…"


def foreign_script(scripts: list[str]) -> str | None:
    """The first of a page's governed inline scripts that is not the theme's, or None."""
    return next((body for body in scripts if theme_script(body) is None), None)


class CspPlugin(BasePlugin[CspConfig]):  # type: ignore[no-untyped-call]
    """Collects hashes in on_post_page/on_post_template; fills them in on_post_build."""

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._hashes: set[str] = set()
        self._seen: set[str] = set()

    def _mark(self, html: str, output: str, described: str) -> str:
        scripts = policy.inline_scripts(html)
        foreign = foreign_script(scripts)
        if foreign is not None:
            raise PluginError(
                f"the built page {described} has an inline script that is not one of the "
                f"theme's: {snippet(foreign)!r}. The Content-Security-Policy runs only script "
                "files from the site and the theme's known inline scripts "
                "(mkdocs_plugins/csp/theme_scripts.py): move the code into a script file")
        self._hashes.update(policy.script_hash(body) for body in scripts)
        self._seen.add(output)
        return policy.with_placeholder(html)

    # Run last, so we check and hash the scripts other plugins have added.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        dest = page.file.dest_uri
        return self._mark(output, dest, f"{dest} (from docs/{page.file.src_uri})")

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._mark(output_content, template_name, f"{template_name} (a theme template)")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        text = policy.build_policy(self._hashes, inline_styles=self.config.inline_styles)
        unfilled = []
        for path in site.rglob("*.html"):
            html = path.read_text(encoding="utf-8")
            relative = path.relative_to(site).as_posix()
            if policy.PLACEHOLDER in html:
                # Generated files (short routes, cards) skip on_post_page: check them here.
                foreign = None if relative in self._seen else next(
                    iter(policy.inline_scripts(html)), None)
                if foreign is not None:
                    raise PluginError(f"the generated file {relative} has an inline script, "
                                      f"which the policy does not allow: {snippet(foreign)!r}")
                path.write_text(policy.apply(html, text), encoding="utf-8")
            elif "<head" in html and "Content-Security-Policy" not in html:
                unfilled.append(relative)
        if unfilled:
            raise PluginError(f"pages built without the Content-Security-Policy: {unfilled[:5]}")
        # The same text, for a server that sends the policy as a header (README).
        (site / policy.FILE_NAME).write_text(text, encoding="utf-8")
