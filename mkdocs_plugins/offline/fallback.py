"""The offline page (`offline/`): what the worker shows for a page not saved yet.

Owned by the offline-ui part (C7), which gives it the Go to section box and the
list of saved pages; this first version says plainly what happened and what to do.
Its source is a file (not a string) because guide_pages reads each page's source file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

SOURCE = "offline.md"
TEMPLATE = Path(__file__).parent / "templates" / "offline.md"


def page_file(config: MkDocsConfig) -> File:
    """The offline page, generated for every edition (a frozen edition's docs stay untouched)."""
    return File.generated(config, SOURCE, abs_src_path=str(TEMPLATE),
                          inclusion=InclusionLevel.NOT_IN_NAV)
