"""Turn the raw strings a form sends into typed values, or field errors.

Messages follow the GOV.UK Design System's error-message patterns: say what
went wrong and how to fix it, name the field, no blame, no jargon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tools.core.answers import row_number
from tools.core.limits import ANSWER_LIMIT_TEXT, MAX_ANSWER_CHARS
from tools.core.result import FieldError
from tools.core.schema import Field, Repeat, Tool

Value = str | int | date | bool | tuple[str, ...] | None

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/\-. ]\s*(\d{1,2})\s*[/\-. ]\s*(\d+)\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_INTEGER = re.compile(r"^[+-]?\d+$")
#: More digits than any field's range needs. Checked before int(): Python
#: refuses to convert a string of more than 4,300 digits (ValueError).
MAX_INTEGER_DIGITS = 12


@dataclass(frozen=True)
class Row:
    """One filled-in row of a repeating group; `number` is as shown (from 1)."""

    number: int
    values: dict[str, Value]

    def text(self, name: str) -> str:
        value = self.values.get(name)
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Parsed:
    """Typed values: top-level fields by name, and rows of each group."""

    values: dict[str, Value]
    groups: dict[str, tuple[Row, ...]]

    def get(self, name: str) -> Any:
        return self.values.get(name)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def parse_date(field: Field, raw: str, input_name: str) -> tuple[date | None, FieldError | None]:
    """Parse day/month/year (27/3/1985, 27-03-1985, 27 3 1985) or ISO 1985-03-27."""
    noun = field.message_noun
    iso = _ISO.match(raw)
    dmy = _DMY.match(raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dmy:
        if len(dmy.group(3)) != 4:  # before int(): a year can be typed with 5,000 digits
            return None, FieldError(input_name, f"Year in {noun} must include 4 numbers")
        day, month, year = (int(g) for g in dmy.groups())
    else:
        return None, FieldError(
            input_name, f"Enter {noun} as day, month and year, for example 27/3/1985"
        )
    try:
        return date(year, month, day), None
    except ValueError:
        return None, FieldError(input_name, f"{capitalised(noun)} must be a real date")


def parse_integer(field: Field, raw: str, input_name: str) -> tuple[int | None, FieldError | None]:
    noun = field.message_noun
    text = raw.strip().replace(",", "")
    if not _INTEGER.match(text):
        return None, FieldError(input_name, f"{capitalised(noun)} must be a whole number, like 3")
    sign = "-" if text[0] == "-" else ""
    digits = text.lstrip("+-").lstrip("0") or "0"
    if len(digits) > MAX_INTEGER_DIGITS:
        if sign and field.minimum is not None:
            return None, FieldError(
                input_name, f"{capitalised(noun)} must be {field.minimum} or more")
        if not sign and field.maximum is not None:
            return None, FieldError(
                input_name, f"{capitalised(noun)} must be {field.maximum} or fewer")
        return None, FieldError(input_name, f"{capitalised(noun)} must be a whole number "
                                f"with no more than {MAX_INTEGER_DIGITS} digits")
    number = int(sign + digits)
    if field.minimum is not None and number < field.minimum:
        return None, FieldError(input_name, f"{capitalised(noun)} must be {field.minimum} or more")
    if field.maximum is not None and number > field.maximum:
        return None, FieldError(
            input_name, f"{capitalised(noun)} must be {field.maximum} or fewer"
        )
    return number, None


def parse_field(field: Field, raw: str | None, input_name: str) -> tuple[Value, FieldError | None]:
    """Parse one input; an empty optional field gives None (or "" for text)."""
    text = (raw or "").strip()
    noun = field.message_noun
    if raw is not None and len(raw) > MAX_ANSWER_CHARS:
        return None, FieldError(
            input_name, f"{capitalised(noun)} must be {ANSWER_LIMIT_TEXT} or less")
    if not text:
        if not field.required:
            return ("" if field.kind in ("text", "textarea") else None), None
        verb = "Select" if field.kind in ("choice", "choices", "yes_no") else "Enter"
        return None, FieldError(input_name, f"{verb} {noun}")
    if field.kind in ("text", "textarea"):
        return (raw or "").strip(), None
    if field.kind == "integer":
        return parse_integer(field, text, input_name)
    if field.kind == "date":
        return parse_date(field, text, input_name)
    if field.kind == "yes_no":
        if text not in ("yes", "no"):
            return None, FieldError(input_name, f"Select yes or no for {noun}")
        return text == "yes", None
    keys = {o.key for o in field.options}
    if field.kind == "choice":
        if text not in keys:
            return None, FieldError(input_name, f"Select {noun} from the list")
        return text, None
    chosen = tuple(k for k in (part.strip() for part in text.split(",")) if k)
    if any(k not in keys for k in chosen):
        return None, FieldError(input_name, f"Select {noun} from the list")
    return chosen, None


def _parse_group(group: Repeat, raw: dict[str, str]) -> tuple[tuple[Row, ...], list[FieldError]]:
    # Only rows the page can show (1..max_rows, written as the page writes them):
    # "supervision.².what" or "supervision.99.what" is not an answer to this form.
    numbers = sorted(
        {n for n in (row_number(name.split(".")[1]) for name in raw
                     if name.startswith(group.name + ".") and name.count(".") == 2)
         if n is not None and n <= group.max_rows}
    )
    rows: list[Row] = []
    errors: list[FieldError] = []
    for number in numbers:
        cells = {f.name: raw.get(f"{group.name}.{number}.{f.name}", "") for f in group.fields}
        if not any(v.strip() for v in cells.values()):
            continue  # an untouched row is not an answer
        values: dict[str, Value] = {}
        for f in group.fields:
            name = f"{group.name}.{number}.{f.name}"
            value, error = parse_field(f, cells[f.name], name)
            values[f.name] = value
            if error:
                errors.append(error)
        rows.append(Row(number, values))
    return tuple(rows), errors


def parse_inputs(tool: Tool, raw: dict[str, str]) -> tuple[Parsed, list[FieldError]]:
    """Parse every input the tool declares, in form order; collect all errors."""
    values: dict[str, Value] = {}
    groups: dict[str, tuple[Row, ...]] = {}
    errors: list[FieldError] = []
    for section in tool.sections:
        for item in section.items:
            if isinstance(item, Field):
                value, error = parse_field(item, raw.get(item.name), item.name)
                values[item.name] = value
                if error:
                    errors.append(error)
            else:
                rows, row_errors = _parse_group(item, raw)
                groups[item.name] = rows
                errors.extend(row_errors)
    return Parsed(values, groups), errors
