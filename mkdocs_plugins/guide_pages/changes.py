"""Change notes per edition, read from each page's front matter.

A page that changed in an edition says so in its front matter, one note per
edition: `changes: {"5.0": "One or two sentences."}`. The "New material and
changes" page of each edition lists that edition's notes. A note for an
edition that editions.yml does not list, a key written as a number (5.10 would
read as 5.1), an empty note, or the old `changed_in` / `change_note` pair
stops the build at the file and line to fix.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import yaml
from mkdocs.exceptions import PluginError

_STR = "tag:yaml.org,2002:str"
_OLD_KEYS = ("changed_in", "change_note")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ChangeNote:
    """One page's note for one edition."""

    src: str
    section: str
    title: str
    edition: str
    note: str

    @property
    def number_key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.section.split(".") if part.isdigit())


def _front_matter_text(source: str) -> str | None:
    """The YAML between the opening `---` and the closing `---`/`...` (line 2 on)."""
    lines = source.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:index])
    return None


def read_changes(src: str, source: str, shown: str, editions: Collection[str]) -> list[ChangeNote]:
    """Every change note of one page; `shown` is how messages name the file.

    Lines are found by composing the front matter (YAML nodes keep their
    marks), so a note written on one line or as a block both point right.
    """
    text = _front_matter_text(source)
    if text is None or not any(key in text for key in ("changes", *_OLD_KEYS)):
        return []
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        return []
    values = {key.value: (key, value) for key, value in root.value
              if isinstance(key, yaml.ScalarNode)}

    def at(node: yaml.Node) -> str:
        return f"{shown}:{node.start_mark.line + 2}"

    for old in _OLD_KEYS:
        if old in values:
            raise PluginError(
                f"{at(values[old][0])}: {old} is no longer used: write the note per edition, "
                'changes: {"4.36": "What changed, in one or two sentences."}'
            )
    if "changes" not in values:
        return []
    key_node, node = values["changes"]
    if not isinstance(node, yaml.MappingNode):
        raise PluginError(
            f"{at(key_node)}: changes must map each edition to its note, e.g. "
            'changes: {"4.36": "What changed."}'
        )
    section = _scalar(values.get("section"))
    title = _scalar(values.get("title"))
    notes: list[ChangeNote] = []
    seen: dict[str, str] = {}
    for edition_node, note_node in node.value:
        edition = edition_node.value if isinstance(edition_node, yaml.ScalarNode) else ""
        if not isinstance(edition_node, yaml.ScalarNode) or edition_node.tag != _STR:
            raise PluginError(
                f"{at(edition_node)}: write the edition in quotes, e.g. \"{edition or '4.36'}\": "
                "unquoted, YAML reads it as a number"
            )
        if edition not in editions:
            listed = ", ".join(editions)
            raise PluginError(
                f"{at(edition_node)}: change note for edition {edition!r}, which editions.yml "
                f"does not list (it lists {listed})"
            )
        if edition in seen:
            raise PluginError(f"{at(edition_node)}: a second change note for edition {edition} "
                              f"(the first is at {seen[edition]}): keep one")
        seen[edition] = at(edition_node)
        note = note_node.value.strip() if isinstance(note_node, yaml.ScalarNode) else ""
        if not note or note_node.tag != _STR:
            raise PluginError(
                f"{at(note_node)}: the change note for edition {edition} must be one or two "
                "sentences of text"
            )
        notes.append(ChangeNote(src, section, title, edition, note))
    return notes


def _scalar(pair: tuple[yaml.Node, yaml.Node] | None) -> str:
    if pair is None or not isinstance(pair[1], yaml.ScalarNode):
        return ""
    return str(pair[1].value)

