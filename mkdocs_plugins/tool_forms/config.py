"""Options of the tool_forms plugin (mkdocs.yml) and of each directive (Markdown)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ToolFormsConfig(base.Config):  # type: ignore[no-untyped-call]
    """Where the runtime comes from and how long the page waits for it."""

    #: The npm package folder holding the pinned Pyodide (package-lock.json).
    pyodide_dir = c.Type(str, default="node_modules/pyodide")
    #: Milliseconds the page waits for Python to start before it shows an error
    #: with a retry button (a corrupt or missing wasm makes loadPyodide hang).
    boot_timeout = c.Type(int, default=60000)
    #: A folder several builds share for Pyodide and the tools archive, relative
    #: to this build's site folder (`../_assets` when publishing every edition,
    #: set through the environment variable ROH_SHARED_ASSETS). Unset: the build
    #: carries its own copy under assets/, as a single-edition build must.
    shared_assets = c.Optional(c.Type(str))


class DirectiveOptions(base.Config):  # type: ignore[no-untyped-call]
    """Options an author may write inside a `/// tool | slug` block."""

    #: Replaces the tool's own title as the form's heading.
    title = c.Optional(c.Type(str))
    #: Level of the form's heading: 3 suits a tool placed under a `##` heading.
    heading_level = c.Choice((2, 3, 4), default=3)
