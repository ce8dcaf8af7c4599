"""Options of the offline plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class OfflineConfig(base.Config):  # type: ignore[no-untyped-call]
    """What the edition's service worker saves for offline use."""

    #: Folders (relative to the edition root) left out of the precache. The
    #: whole-guide print page repeats every page in one 1.1 MB file: it is
    #: fetched when a reader prints, not saved ahead.
    exclude = c.ListOfItems(c.Type(str), default=["print/"])
