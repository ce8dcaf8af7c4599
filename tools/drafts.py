"""Versioned export and import of a reader's answers, never losing data.

A saved document is JSON: which tool, which version of it, when, and the
answers as the flat name → string map the form sends. Import refuses, with a
message the reader can act on, anything it cannot restore in full: it never
drops an answer silently. Answers saved by an older version of a tool are
upgraded step by step by the functions in MIGRATIONS.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from tools.schema import Tool

FORMAT = "risk-of-harm-guide/answers"
FORMAT_VERSION = 1

Migration = Callable[[dict[str, str]], dict[str, str]]

#: For each tool slug: {version: function turning answers saved by that version
#: into answers for version + 1}. Every tool is at version 1, so none is needed
#: yet; when a tool's fields change, bump its version and add a step here.
MIGRATIONS: dict[str, dict[int, Migration]] = {
    "ogrs3": {},
    "risk-management-plan": {},
}

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SHOWN_NAMES = 5
_NAME_LIMIT = 60


class DraftError(Exception):
    """A document that cannot be exported or imported; str() is the reader's message."""


def accepts(tool: Tool, name: str) -> bool:
    """Whether the page can show an answer called `name` (row numbers 1..max_rows)."""
    if any(f.name == name for f in tool.fields()):
        return True
    if not tool.accepts(name):
        return False
    group, row, _field = name.split(".")
    repeat = next(r for r in tool.repeats() if r.name == group)
    return row.isascii() and row.isdigit() and row[0] != "0" and int(row) <= repeat.max_rows


def _shorten(text: str) -> str:
    return text if len(text) <= _NAME_LIMIT else text[: _NAME_LIMIT - 1] + "…"


def _unknown_names(tool: Tool, answers: Mapping[str, str]) -> str:
    """The names the tool does not accept, for a message ("" when there are none)."""
    unknown = sorted(name for name in answers if not accepts(tool, name))
    shown = ", ".join(_shorten(name) for name in unknown[:_SHOWN_NAMES])
    if len(unknown) > _SHOWN_NAMES:
        shown += f" and {len(unknown) - _SHOWN_NAMES} more"
    return shown


def export_document(tool: Tool, answers: dict[str, str], saved_at: str) -> str:
    """The answers as a versioned JSON document; DraftError if the page could not reload it."""
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in answers.items()):
        raise DraftError("These answers cannot be saved: every answer must be text")
    unknown = _unknown_names(tool, answers)
    if unknown:
        raise DraftError(f"These answers cannot be saved: this page does not ask for {unknown}")
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "tool": tool.slug,
        "tool_version": tool.version,
        "saved_at": saved_at,
        "answers": answers,
    }
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False)
    # Readable UTF-8, except that a lone surrogate (possible in a browser string)
    # cannot be written as UTF-8: keep it as a JSON escape so nothing is lost.
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _version(document: dict[str, Any], key: str) -> int | None:
    value = document.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return None
    return value


def _title_of(slug: str) -> str:
    from tools.registry import REGISTRY  # here, not at the top: the registry imports the tools

    entry = REGISTRY.get(slug)
    return entry[0].title if entry else f"another tool (‘{_shorten(slug)}’)"


def _string_map(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return dict(value)


def _migrate(
    tool: Tool, answers: dict[str, str], saved_version: int, steps: Mapping[int, Migration]
) -> dict[str, str]:
    for version in range(saved_version, tool.version):
        step = steps.get(version)
        if step is None:
            raise DraftError(
                f"The selected file was saved by an older version of {tool.title} "
                f"(version {saved_version}) that this page cannot convert"
            )
        answers = step(answers)
    return answers


def import_document(
    tool: Tool, text: str, migrations: Mapping[int, Migration] | None = None
) -> dict[str, str]:
    """Answers from a saved document, upgraded to this tool version, or DraftError."""
    if not text.strip():
        raise DraftError("The selected file is empty")
    try:
        document = json.loads(text.removeprefix("\ufeff"))
    except ValueError:
        raise DraftError(
            "The selected file is not a saved set of answers: it could not be read as "
            "JSON. Select a file exported from this page"
        ) from None
    not_ours = DraftError(
        "The selected file is JSON, but not a set of answers exported from this guide. "
        "Select a file exported from this page"
    )
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise not_ours
    format_version = _version(document, "format_version")
    tool_version = _version(document, "tool_version")
    slug = document.get("tool")
    if format_version is None or tool_version is None or not isinstance(slug, str):
        raise not_ours
    newer = "The selected file was saved by a newer version of the guide"
    if format_version > FORMAT_VERSION:
        raise DraftError(f"{newer}. Import it into the latest version of the guide")
    if slug != tool.slug:
        raise DraftError(f"The selected file holds answers for {_title_of(slug)}, "
                         f"not {tool.title}")
    if tool_version > tool.version:
        raise DraftError(
            f"{newer} ({tool.title} version {tool_version}; this page has version "
            f"{tool.version}). Import it into the latest version of the guide"
        )
    answers = _string_map(document.get("answers"))
    if answers is None:
        raise DraftError("The selected file is damaged: every answer in it must be text")
    steps = MIGRATIONS.get(tool.slug, {}) if migrations is None else migrations
    answers = _migrate(tool, answers, tool_version, steps)
    unknown = _unknown_names(tool, answers)
    if unknown:
        raise DraftError(
            f"The selected file has answers this page does not ask for: {unknown}. "
            "Nothing was imported, so nothing has been lost. Check that you are on the "
            "page the file was saved from"
        )
    return answers
