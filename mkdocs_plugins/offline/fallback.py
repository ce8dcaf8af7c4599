"""The offline page: what the service worker shows for a page it has not saved.

A real page of the edition (`offline/`, from templates/offline.md), so it has
the header, the edition's nav and the Go to section box, and so every edition
gets one without a word of its docs/ changing (a frozen edition's never do).
It is not in the nav, not in search (front matter), not in the sitemap and
asks not to be indexed (`robots: noindex`, read by templates/offline.html and
templates/sitemap.xml). offline-ui.mjs fills in the list of saved pages from
offline-client.mjs; the groups it uses are the nav's sections, written into
the page at build time.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from mkdocs_plugins.sections.citation import goto_form

#: The page's source in the build, and so its URL (`offline/`).
PAGE = "offline.md"
TEMPLATES = Path(__file__).parent / "templates"
SOURCE = TEMPLATES / "offline.md"
_GOTO = "<!-- roh: goto -->"
_GROUPS = "<!-- roh: groups -->"


def configure(config: MkDocsConfig) -> None:
    """Let the theme find offline.html and sitemap.xml (on_config: before the Jinja env exists).

    After the site's own overrides, before Material and MkDocs, whose
    sitemap.xml ours replaces.
    """
    folder = str(TEMPLATES)
    if folder not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, folder)


def groups(nav: Any) -> list[tuple[str, str]]:
    """The nav's top-level sections as (folder prefix, title): "2-basic-risk-assessment/".

    A saved page whose URL starts with a prefix is listed under that title;
    the others (home, tools, reference pages) go under "Other pages".
    """
    found: list[tuple[str, str]] = []
    for item in nav or []:
        if not isinstance(item, dict):
            continue
        for title, children in item.items():
            folders = {posixpath.dirname(path) for path in _paths(children)}
            if len(folders) == 1 and (folder := folders.pop()):
                found.append((folder + "/", str(title)))
    return found


def _paths(children: Any) -> list[str]:
    """Every page path under a nav entry, at any depth."""
    if isinstance(children, str):
        return [children]
    if isinstance(children, list):
        return [path for child in children for path in _paths(child)]
    if isinstance(children, dict):
        return [path for child in children.values() for path in _paths(child)]
    return []


def markdown(config: MkDocsConfig) -> str:
    """The page's Markdown: the template with the Go to box and the nav's groups filled in."""
    # As on the 404 page: the header's box with its own ids, laid out as part of the page.
    # Its own name too: two search landmarks both called "Go to section" are
    # indistinguishable in a screen reader's landmark list (axe landmark-unique).
    form = goto_form("roh-offline-goto").replace(
        'class="roh-goto"', 'class="roh-goto roh-goto--page"', 1).replace(
        'aria-label="Go to section"', 'aria-label="Go to a saved section"', 1)
    data = escape(json.dumps(groups(config.nav), ensure_ascii=False, separators=(",", ":")))
    return SOURCE.read_text(encoding="utf-8").replace(_GOTO, form).replace(_GROUPS, data)


def page_file(config: MkDocsConfig) -> File:
    """The offline page as a generated documentation page, outside the nav."""
    docs = Path(config.docs_dir) / PAGE
    if docs.exists():
        raise PluginError(f"{docs}: this name is kept for the offline page that the offline "
                          "plugin generates; rename the page")
    return File.generated(config, PAGE, content=markdown(config),
                          inclusion=InclusionLevel.NOT_IN_NAV)
