"""Declarative description of a tool's form.

The same objects drive three things, so they can never disagree: the HTML form
rendered at build time (mkdocs_plugins.tool_forms), the parsing of the raw
strings the browser sends (tools.core.parse), and exported answers (tools.core.drafts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldKind = Literal[
    "text",  # one line of free text
    "textarea",  # several lines of free text
    "integer",  # a whole number, typed
    "choice",  # exactly one of `options` (radios, or a select when `widget="select"`)
    "choices",  # any of `options` (checkboxes); value is keys joined by ","
    "yes_no",  # radios "yes" / "no"
    "date",  # one text box, day/month/year or ISO
]


@dataclass(frozen=True)
class Option:
    """One allowed value of a choice field: a stable key and its label."""

    key: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Field:
    """One question. `name` is permanent: it appears in exports and fixtures."""

    name: str
    label: str
    kind: FieldKind
    hint: str = ""
    required: bool = True
    options: tuple[Option, ...] = ()
    widget: Literal["", "select", "radios"] = ""
    minimum: int | None = None  # integer fields
    maximum: int | None = None  # integer fields
    width: Literal["", "short", "medium", "long"] = ""
    autocomplete: str = "off"
    #: Sentence-case noun phrase used in messages ("date of birth").
    noun: str = ""
    #: Date fields only: the page fills in today's date when the box is empty
    #: (Python never reads a clock).
    default_today: bool = False

    @property
    def message_noun(self) -> str:
        """How error messages name this field."""
        return self.noun or self.label[:1].lower() + self.label[1:]


@dataclass(frozen=True)
class Repeat:
    """A group of fields asked once per row (for example, one row per action).

    Inputs are named `<group>.<row>.<field>` with rows numbered from 1, so the
    flat request map and exported answers stay plain string-to-string.
    """

    name: str
    label: str
    row_label: str  # "Action" -> rows are shown as "Action 1", "Action 2"
    fields: tuple[Field, ...]
    hint: str = ""
    initial_rows: int = 1
    max_rows: int = 20
    add_label: str = "Add another"


@dataclass(frozen=True)
class Section:
    """A fieldset: a legend grouping questions that belong together."""

    title: str
    items: tuple[Field | Repeat, ...]
    hint: str = ""


@dataclass(frozen=True)
class Source:
    """A public source a tool's rules come from, cited on the page."""

    citation: str
    url: str = ""


@dataclass(frozen=True)
class Tool:
    """A tool: everything needed to render, validate and export it."""

    slug: str
    title: str
    version: int
    summary: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...] = ()
    submit_label: str = "Calculate"
    #: Offer "keep a draft on this device", export and import of answers.
    keeps_drafts: bool = False
    #: What the result is called on its export and print buttons ("plan").
    result_noun: str = "result"
    #: One line for the Tools page; the first sentence of `summary` when empty.
    description: str = ""

    def fields(self) -> tuple[Field, ...]:
        """Top-level (non-repeating) fields, in form order."""
        return tuple(item for s in self.sections for item in s.items if isinstance(item, Field))

    def repeats(self) -> tuple[Repeat, ...]:
        """Repeating groups, in form order."""
        return tuple(item for s in self.sections for item in s.items if isinstance(item, Repeat))

    def field(self, name: str) -> Field:
        """Look up a top-level field by name (KeyError if absent)."""
        for f in self.fields():
            if f.name == name:
                return f
        raise KeyError(name)

    def accepts(self, input_name: str) -> bool:
        """Whether `input_name` is a name this tool's form can produce."""
        if any(f.name == input_name for f in self.fields()):
            return True
        parts = input_name.split(".")
        if len(parts) != 3 or not (parts[1].isascii() and parts[1].isdigit()):
            return False
        group, _row, sub = parts
        return any(r.name == group and any(f.name == sub for f in r.fields) for r in self.repeats())


def input_id(slug: str, input_name: str) -> str:
    """The HTML id of an input: stable, CSS-safe, unique per page."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in input_name)
    return f"{slug}-{safe}"
