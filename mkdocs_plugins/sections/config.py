"""Options of the sections plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SectionsConfig(base.Config):  # type: ignore[no-untyped-call]
    """Which pages the plugin fills in, and what it leaves alone."""

    #: The A–Z index page; it holds `<!-- generated: a-z-index -->`.
    index_page = c.Type(str, default="a-z-index.md")
    #: The Glossary page: no toggletips on it (every term there is defined in place).
    glossary_page = c.Type(str, default="glossary.md")
    #: The page that prints the whole guide in reading order.
    print_page = c.Type(str, default="print.md")
    #: Add the "Go to section" box to the site header.
    goto_box = c.Type(bool, default=True)
