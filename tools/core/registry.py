"""Every tool by slug. Slugs are permanent: they appear in URLs, drafts and fixtures.

A tool is a package `tools/<package>/` whose `__init__` exports `TOOL` and
`evaluate`; adding a tool is adding a package. The framework (`core`) and the
shared source data (`reference`) are the only packages that are not tools.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, MutableMapping

import tools
from tools.core import drafts
from tools.core.parse import Parsed
from tools.core.result import Outcome
from tools.core.schema import Tool

Evaluate = Callable[[Parsed], Outcome]

#: Packages under tools/ that are not tools.
NOT_TOOLS = frozenset({"core", "reference"})


class Registry(MutableMapping[str, tuple[Tool, Evaluate]]):
    """Every tool by slug, each package imported only when first asked for.

    The slugs come from the package names (the slug with underscores), so
    listing them imports nothing: in the browser a page's tool then starts
    without importing the other ten (measured: most of the 200-600 ms that
    `import tools.core.runtime` cost a cold start). Asking for every value
    (`.values()`, `.items()`) imports them all, as the build does.
    """

    def __init__(self) -> None:
        packages = sorted(info.name for info in pkgutil.iter_modules(tools.__path__)
                          if info.ispkg and info.name not in NOT_TOOLS)
        self._slugs = [name.replace("_", "-") for name in packages]
        self._loaded: dict[str, tuple[Tool, Evaluate]] = {}

    def __getitem__(self, slug: str) -> tuple[Tool, Evaluate]:
        if slug in self._loaded:
            return self._loaded[slug]
        if not isinstance(slug, str) or slug not in self._slugs:
            raise KeyError(slug)
        package = slug.replace("-", "_")
        module = importlib.import_module(f"tools.{package}")
        tool: Tool = module.TOOL
        if tool.slug != slug:
            raise RuntimeError(
                f"tools/{package}/ holds tool {tool.slug!r}: name the package after the slug"
            )
        # Steps that convert answers saved by an older version of the tool.
        drafts.MIGRATIONS[slug] = dict(getattr(module, "MIGRATIONS", {}))
        drafts.UPGRADE_NOTES[slug] = dict(getattr(module, "UPGRADE_NOTES", {}))
        self._loaded[slug] = (tool, module.evaluate)
        return self._loaded[slug]

    def __setitem__(self, slug: str, entry: tuple[Tool, Evaluate]) -> None:
        """For tests that stand a tool in for another (monkeypatch.setitem)."""
        if slug not in self._slugs:
            self._slugs.append(slug)
        self._loaded[slug] = entry

    def __delitem__(self, slug: str) -> None:
        self._slugs.remove(slug)
        self._loaded.pop(slug, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._slugs)

    def __len__(self) -> int:
        return len(self._slugs)

    def __contains__(self, slug: object) -> bool:
        return slug in self._slugs


REGISTRY = Registry()
