"""Load and check the guide's data files, failing with file:line on bad data.

Each file is a YAML list of mappings. A missing key or a wrong type stops the
build with the file, the entry's line and what to fix: a data page that
silently lost an entry would mislead readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

# libyaml's parser when PyYAML was built with it: the data files are most of
# the YAML a build reads, and the pure-Python parser is several times slower.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader that records each mapping's line as `__line__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(key): value for key, value in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class Entry:
    """One record of a data file, with where it came from for error messages."""

    path: str
    line: int
    values: dict[str, Any]

    def text(self, key: str) -> str:
        value = self.values.get(key, "")
        return "" if value is None else str(value)

    def texts(self, key: str) -> list[str]:
        value = self.values.get(key) or []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def load_entries(path: Path, shown_as: str, required: tuple[str, ...]) -> list[Entry]:
    """Read a YAML list of mappings; every entry must have the `required` keys."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError as missing:
        raise PluginError(f"{shown_as}: the data file is missing") from missing
    except yaml.YAMLError as bad:
        mark = getattr(bad, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise PluginError(f"{shown_as}{where}: not valid YAML ({bad})") from bad
    if not isinstance(raw, list):
        raise PluginError(f"{shown_as}:1: expected a list of entries")
    entries: list[Entry] = []
    for item in raw:
        if not isinstance(item, dict):
            raise PluginError(f"{shown_as}: every entry must be a mapping of keys to values")
        line = int(item.pop("__line__", 0) or 0)
        absent = [key for key in required if not str(item.get(key) or "").strip()]
        if absent:
            raise PluginError(f"{shown_as}:{line}: entry is missing {', '.join(absent)}")
        entries.append(Entry(shown_as, line, item))
    return entries
