"""Render a tool's form from its schema with the Jinja template in templates/.

Pure: a Tool and the page-relative asset URLs in, an HTML string out, so the
golden-file tests can pin the markup without a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

import jinja2

from tools.core.schema import Option, Tool, input_id

TEMPLATES = Path(__file__).parent / "templates"
YES_NO = (Option("yes", "Yes"), Option("no", "No"))


@dataclass(frozen=True)
class AssetUrls:
    """Where the page finds the runtime, relative to the page."""

    archive: str
    pyodide: str  # a folder, ending with "/"
    worker: str


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def render_form(
    tool: Tool,
    urls: AssetUrls,
    *,
    title: str | None = None,
    heading_level: int = 3,
    boot_timeout: int = 60000,
) -> str:
    """The complete `<section class="roh-tool">` for one tool on one page."""
    template = _environment().get_template("tool.html")
    return template.render(
        tool=tool,
        title=title or tool.title,
        level=heading_level,
        noun="checklist" if tool.keeps_drafts else "calculator",
        archive_url=urls.archive,
        pyodide_url=urls.pyodide,
        worker_url=urls.worker,
        boot_timeout=boot_timeout,
        yes_no_options=YES_NO,
        input_id=lambda name: input_id(tool.slug, name),
    )


def early_boot(worker_url: str, boot_script: str) -> str:
    """<head> tags that start the worker before the page has loaded (see boot.js).

    The worker's URL is in an attribute, not in an inline script (the CSP allows none).
    """
    return (
        f'<meta name="roh-runtime" data-worker="{escape(worker_url)}">'
        f'<script src="{escape(boot_script)}"></script>'
    )
