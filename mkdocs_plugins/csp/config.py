"""Options of the csp plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CspConfig(base.Config):  # type: ignore[no-untyped-call]
    """The policy is fixed by design; only the style source is a choice."""

    #: Material sets `style` attributes in its HTML; without 'unsafe-inline'
    #: the browser would drop them. Styles cannot send data anywhere that
    #: connect-src/img-src/font-src do not already forbid.
    inline_styles = c.Type(bool, default=True)
