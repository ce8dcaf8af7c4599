"""The Tools page: every tool, generated from the registry and the pages that embed it.

A new tool appears on the page with no edit: its title and one-line description
come from its TOOL, and the link from the page that holds its `/// tool | slug`
block, to the tool's own anchor (`#tool-<slug>`, its heading). An edition whose
docs/ has no tools.md (a frozen one: its words never change) gets the same page
generated. Pure: page sources in, Markdown out.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs_plugins.tool_forms.scanner import DirectiveError, scan
from tools.core.schema import Tool

PAGE = "tools.md"
MARKER = "<!-- generated: tools -->"
#: The page an edition gets when its docs/ has none (frozen editions). A real
#: file, because other plugins read a page's source from its path.
DEFAULT_PAGE = Path(__file__).parent / "templates" / "tools-page.md"
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass(frozen=True)
class Embed:
    """One page that holds a tool: its source path and its title (the H1)."""

    src_uri: str
    title: str


def anchor(slug: str) -> str:
    """The id of an embedded tool, which links to it use (its heading sits at its top)."""
    return f"tool-{slug}"


def page_title(markdown: str, fallback: str) -> str:
    """The page's H1, as the nav shows it ("2.2.1 Predictors")."""
    body = _FRONT_MATTER.sub("", markdown, count=1)
    match = _H1.search(body)
    return match.group(1) if match else fallback


def embeds(sources: dict[str, str]) -> dict[str, list[Embed]]:
    """slug → the pages embedding it, in page order. A page whose directives are
    malformed is skipped here: its own build step reports it at its line."""
    found: dict[str, list[Embed]] = {}
    for src_uri in sorted(sources):
        try:
            _, directives = scan(sources[src_uri])
        except DirectiveError:
            continue
        for directive in directives:
            title = page_title(sources[src_uri], src_uri)
            found.setdefault(directive.slug, []).append(Embed(src_uri, title))
    return found


def description(tool: Tool) -> str:
    """The tool's one-line description: its own, else the first sentence of its summary."""
    if tool.description:
        return tool.description
    first, dot, _ = tool.summary.partition(". ")
    return first + (dot.strip() or "")


def listing(tools: list[Tool], found: dict[str, list[Embed]], page_uri: str = PAGE) -> str:
    """The Markdown list that replaces MARKER: one item per embedded tool, by title."""
    items: list[str] = []
    folder = posixpath.dirname(page_uri)
    for tool in sorted(tools, key=lambda t: t.title.lower()):
        for embed in found.get(tool.slug, []):
            link = posixpath.relpath(embed.src_uri, folder or ".")
            items.append(f"- [{tool.title}]({link}#{anchor(tool.slug)}): {description(tool)} "
                         f"In {embed.title}.")
    if not items:
        return "No tools are embedded in this edition."
    return "\n".join(items)


def download_size(manifest_json: bytes) -> int:
    """Bytes the tools download before they first run: every file the boot manifest lists."""
    document = json.loads(manifest_json)
    return sum(int(item["size"]) for item in document["files"])


def megabytes(size: int) -> str:
    """"13.5 MB" (decimal megabytes, as browsers' storage settings count them).

    offline-ui.mjs writes its progress the same way, so the figures agree.
    """
    return f"{size / 1_000_000:.1f}\N{NO-BREAK SPACE}MB"


def offline_control(size: int) -> str:
    """The Markdown of "Make the tools available offline" (offline-ui.mjs drives it).

    Without JavaScript only the first paragraph shows: the tools are saved when
    first used. The button, its explanation and the status line (a live region)
    stay hidden or empty until the script has checked what this browser can do.
    """
    return (
        "## Using the tools offline\n\n"
        f'<div class="roh-tools-offline" id="tools-offline" data-roh-tools-offline '
        f'data-bytes="{size}">\n'
        f"<p>The tools need about {megabytes(size)} of files (Python and the guide's "
        "calculators). Your browser downloads them the first time you use a tool on a "
        "page of this guide and keeps them, so after that the tools work without a "
        "connection too.</p>\n"
        '<p data-role="tools-offline-intro" hidden>To download them now, before you lose '
        "your connection, use the button. They are kept in this browser on this computer "
        "only. Nothing you type into a tool is kept by this.</p>\n"
        '<button type="button" class="roh-button" data-action="cache-tools" hidden>'
        "Make the tools available offline</button>\n"
        '<p class="roh-tools-offline__status" data-role="tools-offline-status" '
        'role="status"></p>\n'
        "</div>\n"
    )
