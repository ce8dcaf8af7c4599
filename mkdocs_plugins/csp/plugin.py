"""csp: hash inline scripts page by page, then write the one policy everywhere.

The policy can only be known once every page is rendered, so pages get a
placeholder tag and on_post_build fills it in across the built site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from mkdocs_plugins.csp import policy
from mkdocs_plugins.csp.config import CspConfig


class CspPlugin(BasePlugin[CspConfig]):  # type: ignore[no-untyped-call]
    """Collects hashes in on_post_page/on_post_template; fills them in on_post_build."""

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._hashes: set[str] = set()

    def _mark(self, html: str) -> str:
        self._hashes |= policy.inline_script_hashes(html)
        return policy.with_placeholder(html)

    # Run last, so we hash the scripts other plugins have added.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self._mark(output)

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return self._mark(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        text = policy.build_policy(self._hashes, inline_styles=self.config.inline_styles)
        unfilled = []
        for path in Path(config.site_dir).rglob("*.html"):
            html = path.read_text(encoding="utf-8")
            if policy.PLACEHOLDER in html:
                path.write_text(policy.apply(html, text), encoding="utf-8")
            elif "<head" in html and "Content-Security-Policy" not in html:
                unfilled.append(str(path.relative_to(config.site_dir)))
        if unfilled:
            raise PluginError(f"pages built without the Content-Security-Policy: {unfilled[:5]}")
