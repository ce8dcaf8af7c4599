"""Options of the guide_pages plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GuidePagesConfig(base.Config):  # type: ignore[no-untyped-call]
    """Where the data files live, relative to docs_dir."""

    #: Folder (inside docs_dir) holding biographies.yml and glossary.yml. The
    #: editions and which one this build is come from editions.yml and
    #: extra.edition (guide_pages.this_edition), not from options here.
    data_dir = c.Type(str, default="_data")
