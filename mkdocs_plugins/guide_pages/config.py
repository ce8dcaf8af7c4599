"""Options of the guide_pages plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GuidePagesConfig(base.Config):  # type: ignore[no-untyped-call]
    """Where the data files live, relative to docs_dir."""

    #: Folder (inside docs_dir) holding biographies.yml, versions.yml, glossary.yml.
    data_dir = c.Type(str, default="_data")
    #: The edition whose change notes the "New material and changes" page lists.
    edition = c.Type(str, default="4.36")
    #: The edition it is compared against, named in the page's lead paragraph.
    previous_edition = c.Type(str, default="3.05")
