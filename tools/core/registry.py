"""Every tool by slug. Slugs are permanent: they appear in URLs, drafts and fixtures.

A tool is a package `tools/<package>/` whose `__init__` exports `TOOL` and
`evaluate`; adding a tool is adding a package. The framework (`core`) and the
shared source data (`reference`) are the only packages that are not tools.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import tools
from tools.core import drafts
from tools.core.parse import Parsed
from tools.core.result import Outcome
from tools.core.schema import Tool

Evaluate = Callable[[Parsed], Outcome]

#: Packages under tools/ that are not tools.
NOT_TOOLS = frozenset({"core", "reference"})


def _discover() -> dict[str, tuple[Tool, Evaluate]]:
    found: dict[str, tuple[Tool, Evaluate]] = {}
    for info in sorted(pkgutil.iter_modules(tools.__path__), key=lambda i: i.name):
        if not info.ispkg or info.name in NOT_TOOLS:
            continue
        module = importlib.import_module(f"tools.{info.name}")
        tool: Tool = module.TOOL
        if tool.slug.replace("-", "_") != info.name:
            raise RuntimeError(
                f"tools/{info.name}/ holds tool {tool.slug!r}: name the package after the slug"
            )
        if tool.slug in found:
            raise RuntimeError(f"two tools share the slug {tool.slug!r}")
        found[tool.slug] = (tool, module.evaluate)
        # Steps that convert answers saved by an older version of the tool.
        drafts.MIGRATIONS[tool.slug] = dict(getattr(module, "MIGRATIONS", {}))
        drafts.UPGRADE_NOTES[tool.slug] = dict(getattr(module, "UPGRADE_NOTES", {}))
    return found


REGISTRY: dict[str, tuple[Tool, Evaluate]] = _discover()
