"""Options of the editions plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class EditionsConfig(base.Config):  # type: ignore[no-untyped-call]
    """What the plugin adds; the editions themselves come from editions.yml."""

    #: The line under each page's title: edition, last reviewed, next review.
    edition_line = c.Type(bool, default=True)
