"""Restore a draft kept in this browser: every answer that fits, and why the rest did not.

Unlike import (a file the reader chose, tools.core.drafts), restore is LENIENT: the
draft is the reader's own unsaved work, so refusing it whole would lose more
than it protects. Every answer the page can show is restored; every other
answer is named with its reason, and the page says so. Only a draft that
cannot be read at all (not JSON, too large or deep, the wrong shape, another
tool, a newer format or tool version) is refused, with the reason.

Stored drafts (written by the page's drafts.mjs, one per tool):
- format version 1: {"format": "risk-of-harm-guide/draft", "format_version": 1,
  "tool": slug, "tool_version": n, "saved_at": ISO, "answers": {name: text}}
- format version 0: {"answers": {...}, "saved_at": "..."}, written before drafts
  carried a format. Migrated explicitly by `from_format_0`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tools.core import answers as fit
from tools.core import limits
from tools.core.drafts import migrate, title_of, upgrade_note, version_of
from tools.core.schema import Tool

DRAFT_FORMAT = "risk-of-harm-guide/draft"
DRAFT_FORMAT_VERSION = 1
#: The pseudo-field name for problems with a stored draft as a whole.
DRAFT_FIELD = "draft"

Draft = dict[str, Any]


class Unreadable(Exception):
    """A draft that cannot be read at all; str() is the reason, in the reader's terms."""


def from_format_0(document: Draft, tool: Tool) -> Draft:
    """A draft from before drafts had a format, as format version 1.

    Those drafts were stored under the page's own key, so they belong to this
    tool, and were written when every tool was at version 1.
    """
    return {
        "format": DRAFT_FORMAT,
        "format_version": 1,
        "tool": tool.slug,
        "tool_version": 1,
        "saved_at": document.get("saved_at", ""),
        "answers": document.get("answers"),
    }


#: {format version: function turning a draft of that format into format version + 1}.
FORMAT_MIGRATIONS: dict[int, Callable[[Draft, Tool], Draft]] = {0: from_format_0}

_NOT_OURS = "it is not a draft saved by this guide"


@dataclass(frozen=True)
class Restored:
    """What a draft gave back, and what it could not."""

    inputs: dict[str, str]
    not_restored: tuple[fit.Problem, ...]
    saved_at: str
    #: What converting a draft of an older tool version changed ("" if it was current).
    upgraded: str = ""

    @property
    def message(self) -> str:
        """"2 answers could not be restored: …" ("" when everything was)."""
        count = len(self.not_restored)
        if not count:
            return ""
        noun = "answer" if count == 1 else "answers"
        return f"{count} {noun} could not be restored: {fit.described(self.not_restored)}"


def _parse(text: str) -> Any:
    if len(text) > limits.MAX_DOCUMENT_CHARS:
        raise Unreadable(limits.DRAFT_TOO_LARGE)
    if not text.strip():
        raise Unreadable("it is empty")
    if limits.too_deep(text):
        raise Unreadable(limits.DRAFT_TOO_DEEP)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise Unreadable("it is damaged: it is not valid JSON") from None


def _format_version(document: Draft) -> int:
    if "format" not in document:
        return 0
    if document["format"] != DRAFT_FORMAT:
        raise Unreadable(_NOT_OURS)
    version = version_of(document, "format_version")
    if version is None:
        raise Unreadable(_NOT_OURS)
    if version > DRAFT_FORMAT_VERSION:
        raise Unreadable(
            f"it was saved in draft format version {version} by a newer version of the "
            f"guide; this page reads format version {DRAFT_FORMAT_VERSION}"
        )
    return version


def read_draft(tool: Tool, text: str) -> Draft:
    """The stored text as a draft of the current format, for this tool, or Unreadable."""
    parsed = _parse(text)
    if not isinstance(parsed, dict):
        raise Unreadable(_NOT_OURS)
    document: Draft = parsed
    version = _format_version(document)
    while version < DRAFT_FORMAT_VERSION:
        document = FORMAT_MIGRATIONS[version](document, tool)
        version += 1
    slug = document.get("tool")
    if not isinstance(slug, str):
        raise Unreadable(_NOT_OURS)
    if slug != tool.slug:
        raise Unreadable(f"it holds answers for {title_of(slug)}, not {tool.title}")
    if version_of(document, "tool_version") is None:
        raise Unreadable(_NOT_OURS)
    if not isinstance(document.get("answers"), dict):
        raise Unreadable("its answers are missing or damaged")
    return document


def _texts(raw: dict[str, Any]) -> tuple[dict[str, str], list[fit.Problem]]:
    """The answers that are text; the others named (null counts as no answer)."""
    texts: dict[str, str] = {}
    problems: list[fit.Problem] = []
    for name, value in raw.items():
        if isinstance(value, str):
            texts[name] = value
        elif value is not None:
            problems.append(fit.Problem(name, "it is not text", False))
    return texts, problems


def restore(tool: Tool, text: str) -> Restored:
    """Every answer of the draft the page can show, upgraded to this tool version."""
    document = read_draft(tool, text)
    saved_version: int = document["tool_version"]
    if saved_version > tool.version:
        raise Unreadable(
            f"it was saved by version {saved_version} of {tool.title}, which is newer "
            f"than version {tool.version} on this page"
        )
    texts, problems = _texts(document["answers"])
    upgraded = migrate(tool, texts, saved_version)
    if upgraded is None:
        raise Unreadable(
            f"it was saved by version {saved_version} of {tool.title}, an older version "
            "that this page cannot convert"
        )
    inputs: dict[str, str] = {}
    for name in sorted(upgraded):
        value = upgraded[name]
        problem = fit.problem(tool, name, value)
        if problem is None:
            inputs[name] = value
        elif value.strip():  # a blank answer that does not fit loses nothing
            problems.append(problem)
    saved_at = document.get("saved_at")
    return Restored(
        inputs=inputs,
        not_restored=tuple(sorted(problems, key=lambda p: p.name)),
        saved_at=saved_at if isinstance(saved_at, str) else "",
        upgraded=upgrade_note(tool, saved_version),
    )


def unreadable_message(reason: str) -> str:
    return f"This saved draft could not be read ({reason})"
