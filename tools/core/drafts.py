"""Versioned export and strict import of a reader's answers, never losing data.

A saved document is JSON: which tool, which version of it, when, and the
answers as the flat name → string map the form sends. Import is for a file the
reader chose, so it is STRICT: it refuses the whole file, naming each problem
answer (tools.core.answers), when it could not restore every answer exactly as it
was saved: unknown names, row numbers the page never shows, choice values the
page does not offer, over-long answers, duplicate keys, files too large or too
deeply nested (tools.core.limits). It never drops an answer silently. Answers saved
by an older version of a tool are upgraded step by step by MIGRATIONS.

Drafts kept in the browser are restored leniently instead: see tools.core.restore.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from tools.core import answers as fit
from tools.core import limits
from tools.core.schema import Tool

FORMAT = "risk-of-harm-guide/answers"
FORMAT_VERSION = 1

Migration = Callable[[dict[str, str]], dict[str, str]]

#: For each tool slug: {version: function turning answers saved by that version
#: into answers for version + 1}. A tool package that changes its fields bumps
#: its version and exports MIGRATIONS (and UPGRADE_NOTES: {version: what the
#: step changed, in the reader's terms}); the registry copies both here.
MIGRATIONS: dict[str, dict[int, Migration]] = {}
UPGRADE_NOTES: dict[str, dict[int, str]] = {}

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_IMPORTED = "Nothing was imported, so nothing has been lost"
_CHECK_PAGE = "Check that you are on the page the file was saved from"


class DraftError(Exception):
    """A document that cannot be exported or imported; str() is the reader's message."""


def accepts(tool: Tool, name: str) -> bool:
    """Whether the page can show an answer called `name` (row numbers 1..max_rows)."""
    return fit.field_for(tool, name) is not None


def _string_map(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return dict(value)


def export_document(tool: Tool, answers: dict[str, str], saved_at: str) -> str:
    """The answers as a versioned JSON document; DraftError if the page could not reload it.

    Export checks exactly what import checks, so every file it writes imports again.
    """
    if _string_map(answers) is None:
        raise DraftError("These answers cannot be saved: every answer must be text")
    found = fit.problems(tool, answers)
    if found and all(p.unknown for p in found):
        raise DraftError(
            f"These answers cannot be saved: this page does not ask for {fit.names(found)}"
        )
    if found:
        raise DraftError(f"These answers cannot be saved: {fit.described(found)}")
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "tool": tool.slug,
        "tool_version": tool.version,
        "saved_at": saved_at,
        "answers": answers,
    }
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False)
    return escape_lone_surrogates(text)


def escape_lone_surrogates(text: str) -> str:
    """JSON text with any lone surrogate written as an escape.

    A browser string may hold one, but it cannot be written as UTF-8 (a file, or
    Pyodide's conversion to JavaScript): the \\u escape keeps it without loss.
    """
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def version_of(document: Mapping[str, Any], key: str, lowest: int = 1) -> int | None:
    """A version number stored in a document: an int (not bool) >= `lowest`, else None."""
    value = document.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < lowest:
        return None
    return value


def title_of(slug: str) -> str:
    """How messages name the tool a document was saved from."""
    from tools.core.registry import REGISTRY  # here, not at the top: the registry imports the tools

    entry = REGISTRY.get(slug)
    return entry[0].title if entry else f"another tool (‘{fit.shorten(slug)}’)"


def migrate(
    tool: Tool, answers: dict[str, str], saved_version: int,
    steps: Mapping[int, Migration] | None = None,
) -> dict[str, str] | None:
    """Answers saved by `saved_version` upgraded to tool.version; None without a path."""
    if steps is None:
        from tools.core.registry import REGISTRY  # fills MIGRATIONS as it imports the tool

        REGISTRY.get(tool.slug)
    chain = MIGRATIONS.get(tool.slug, {}) if steps is None else steps
    for version in range(saved_version, tool.version):
        step = chain.get(version)
        if step is None:
            return None
        answers = step(answers)
    return answers


def upgrade_note(tool: Tool, saved_version: int) -> str:
    """What converting answers from `saved_version` changed ("" when nothing was converted)."""
    if saved_version >= tool.version:
        return ""
    from tools.core.registry import REGISTRY  # fills UPGRADE_NOTES as it imports the tool

    REGISTRY.get(tool.slug)

    notes = UPGRADE_NOTES.get(tool.slug, {})
    changes = " ".join(notes[v] for v in range(saved_version, tool.version) if notes.get(v))
    text = (f"It was saved by version {saved_version} of the {tool.title[:1].lower()}"
            f"{tool.title[1:]} and has been converted for version {tool.version}.")
    return f"{text} {changes}".rstrip()


def saved_version(text: str) -> int:
    """The tool version a document says it was saved by (1 if it cannot say)."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return 1
    found = version_of(document, "tool_version") if isinstance(document, dict) else None
    return found or 1


def load_unique(text: str) -> tuple[Any, list[str]]:
    """json.loads, also returning every key that appears twice in one object.

    Python keeps the last value of a duplicate key silently; a strict import must
    not, because the first value would be lost without a word.
    """
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen and key not in duplicates:
                duplicates.append(key)
            seen[key] = value
        return seen

    return json.loads(text, object_pairs_hook=pairs), duplicates


def _read(text: str) -> Any:
    """The JSON of an imported file, within the limits and without duplicate keys."""
    if len(text) > limits.MAX_DOCUMENT_CHARS:
        raise DraftError(limits.FILE_TOO_LARGE)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DraftError("The selected file is empty")
    if limits.too_deep(text):
        raise DraftError(limits.FILE_TOO_DEEP)
    try:
        document, duplicates = load_unique(text)
    except (ValueError, RecursionError):
        raise DraftError(
            "The selected file is not a saved set of answers: it could not be read as "
            "JSON. Select a file exported from this page"
        ) from None
    if duplicates:
        shown = fit.names(fit.Problem(k, "", True) for k in sorted(duplicates))
        raise DraftError(
            f"The selected file is damaged: it has more than one value for {shown}. "
            f"{_NOT_IMPORTED}"
        )
    return document


def import_document(
    tool: Tool, text: str, migrations: Mapping[int, Migration] | None = None
) -> dict[str, str]:
    """Answers from a saved document, upgraded to this tool version, or DraftError."""
    document = _read(text)
    not_ours = DraftError(
        "The selected file is JSON, but not a set of answers exported from this guide. "
        "Select a file exported from this page"
    )
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise not_ours
    format_version = version_of(document, "format_version")
    tool_version = version_of(document, "tool_version")
    slug = document.get("tool")
    if format_version is None or tool_version is None or not isinstance(slug, str):
        raise not_ours
    newer = "The selected file was saved by a newer version of the guide"
    if format_version > FORMAT_VERSION:
        raise DraftError(f"{newer}. Import it into the latest version of the guide")
    if slug != tool.slug:
        raise DraftError(f"The selected file holds answers for {title_of(slug)}, "
                         f"not {tool.title}")
    if tool_version > tool.version:
        raise DraftError(
            f"{newer} ({tool.title} version {tool_version}; this page has version "
            f"{tool.version}). Import it into the latest version of the guide"
        )
    answers = _string_map(document.get("answers"))
    if answers is None:
        raise DraftError("The selected file is damaged: every answer in it must be text")
    upgraded = migrate(tool, answers, tool_version, migrations)
    if upgraded is None:
        raise DraftError(
            f"The selected file was saved by an older version of {tool.title} "
            f"(version {tool_version}) that this page cannot convert"
        )
    found = fit.problems(tool, upgraded)
    if found and all(p.unknown for p in found):
        raise DraftError(
            f"The selected file has answers this page does not ask for: {fit.names(found)}. "
            f"{_NOT_IMPORTED}. {_CHECK_PAGE}"
        )
    if found:
        raise DraftError(
            f"The selected file has answers this page cannot accept: {fit.described(found)}. "
            f"{_NOT_IMPORTED}. {_CHECK_PAGE}"
        )
    return upgraded
