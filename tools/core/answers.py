"""Whether a saved answer fits this page: its name, its row number and its value.

Export, import and restore all ask the same question, so they share this
module: "could the page show this answer exactly as it was saved?" Free text
always fits (a date box can hold a half-typed date; evaluate reports it). A
radio button, a checkbox or a select can only show one of its own values, so
any other value would be lost on the way into the form and is named instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tools.core.limits import ANSWER_LIMIT_TEXT, MAX_ANSWER_CHARS
from tools.core.schema import Field, Repeat, Tool

#: How many problem answers a message lists before "and N more".
SHOWN = 5
_NAME_LIMIT = 60
_VALUE_LIMIT = 40
#: Row numbers have at most this many digits: int() of a longer string is slow
#: and, past 4,300 digits, refused by Python, and no page has that many rows.
_ROW_DIGITS = 4


@dataclass(frozen=True)
class Problem:
    """Why one saved answer cannot be put back on the page."""

    name: str
    reason: str
    #: True when the page has no such input at all (an unknown name or a row
    #: number it never shows); False when the input exists but not that value.
    unknown: bool

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "reason": self.reason}


def shorten(text: str, limit: int = _NAME_LIMIT) -> str:
    """A name or value cut to a length a message can carry."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_number(text: str) -> int | None:
    """"3" → 3; None for "0", "03", "²", "٣" or a number too long to be a row."""
    if not (text.isascii() and text.isdigit()) or text[0] == "0" or len(text) > _ROW_DIGITS:
        return None
    return int(text)


def _repeat(tool: Tool, group: str, sub: str) -> Repeat | None:
    return next(
        (r for r in tool.repeats() if r.name == group and any(f.name == sub for f in r.fields)),
        None,
    )


def field_for(tool: Tool, name: str) -> Field | None:
    """The field a saved answer belongs to, or None if the page cannot show it."""
    for f in tool.fields():
        if f.name == name:
            return f
    parts = name.split(".")
    if len(parts) != 3:
        return None
    group, row, sub = parts
    repeat = _repeat(tool, group, sub)
    number = row_number(row)
    if repeat is None or number is None or number > repeat.max_rows:
        return None
    return next(f for f in repeat.fields if f.name == sub)


def _name_problem(tool: Tool, name: str) -> Problem:
    parts = name.split(".")
    if len(parts) == 3:
        repeat = _repeat(tool, parts[0], parts[2])
        if repeat is not None:
            return Problem(name, f"{repeat.label} has rows 1 to {repeat.max_rows} only", True)
    return Problem(name, "this page does not ask for it", True)


def _quoted(values: list[str]) -> str:
    shown = [f"“{shorten(v, _VALUE_LIMIT)}”" for v in values[:SHOWN]]
    if len(values) > SHOWN:
        shown.append(f"{len(values) - SHOWN} more")
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def value_problem(field: Field, value: str) -> str | None:
    """Why the page could not show `value` in `field` ("" and free text always fit)."""
    if len(value) > MAX_ANSWER_CHARS:
        return f"it is longer than {ANSWER_LIMIT_TEXT}"
    if value == "" or field.kind not in ("choice", "choices", "yes_no"):
        return None
    if field.kind == "yes_no":
        return None if value in ("yes", "no") else f"{_quoted([value])} is not yes or no"
    keys = {o.key for o in field.options}
    if field.kind == "choice":
        return None if value in keys else f"{_quoted([value])} is not one of the choices"
    bad = [part for part in value.split(",") if part and part not in keys]
    if not bad:
        return None
    verb = "is not one of the choices" if len(bad) == 1 else "are not among the choices"
    return f"{_quoted(bad)} {verb}"


def problem(tool: Tool, name: str, value: str) -> Problem | None:
    """What stops the page showing this answer exactly, or None when it fits."""
    field = field_for(tool, name)
    if field is None:
        return _name_problem(tool, name)
    reason = value_problem(field, value)
    return None if reason is None else Problem(name, reason, False)


def problems(tool: Tool, answers: Mapping[str, str]) -> list[Problem]:
    """Every answer the page could not show, in name order."""
    found = (problem(tool, name, answers[name]) for name in sorted(answers))
    return [p for p in found if p is not None]


def non_empty(answers: Mapping[str, str]) -> int:
    """How many answers hold something (the count the page announces)."""
    return sum(1 for value in answers.values() if value.strip())


def _more(shown: list[str], total: int) -> str:
    text = ", ".join(shown)
    return text + (f" and {total - len(shown)} more" if total > len(shown) else "")


def names(found: Iterable[Problem]) -> str:
    """ "a, b and 3 more": the names only, for the unknown-names message."""
    every = list(found)
    return _more([shorten(p.name) for p in every[:SHOWN]], len(every))


def described(found: Iterable[Problem]) -> str:
    """ "rosh_level (“extreme” is not one of the choices), foo (…)", up to SHOWN."""
    every = list(found)
    return _more([f"{shorten(p.name)} ({p.reason})" for p in every[:SHOWN]], len(every))
