"""Find `/// tool | slug` directives in Markdown, line by line, outside code fences.

A directive is a header line, optional `key: value` option lines, and a closing
`///`. Anything that starts with `///` outside a code fence is ours (the guide
enables no other `///` blocks), so a typo such as `/// tools | ogrs3` fails the
build instead of shipping as stray text. Pure: text in, directives or a
DirectiveError (with a 1-based line of the text) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs_plugins.source import did_you_mean, in_code_fence

_BLOCK = re.compile(r"^([ \t]*)(/{3,})(.*)$")
_HEADER = re.compile(r"^\s*([A-Za-z][\w-]*)\s*(?:\|\s*(.*?))?\s*$")
_OPTION = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
DIRECTIVE_NAMES = ("tool",)


class DirectiveError(Exception):
    """A malformed directive; `line` is 1-based within the scanned text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Directive:
    """One `/// tool | slug` block: where it starts and the options as written.

    `option_lines` gives each option's own 1-based line, so a bad option is
    reported where the author wrote it, not at the header.
    """

    slug: str
    options: dict[str, str]
    line: int
    placeholder: str
    option_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, option: str) -> int:
        return self.option_lines.get(option, self.line)


def placeholder(index: int) -> str:
    """A token that Markdown leaves alone and that cannot occur in prose."""
    return f"ROHTOOLFORM{index:04d}XQ"


def _option_value(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


def _header(line_no: int, rest: str) -> str:
    match = _HEADER.match(rest)
    if not match:
        raise DirectiveError(line_no, "a directive must look like '/// tool | <slug>'")
    name, slug = match.group(1), (match.group(2) or "").strip()
    if name not in DIRECTIVE_NAMES:
        raise DirectiveError(
            line_no, f"unknown directive {name!r}{did_you_mean(name, DIRECTIVE_NAMES)}"
        )
    if not slug:
        raise DirectiveError(line_no, "the tool directive needs a slug: '/// tool | <slug>'")
    return slug


def _options(lines: list[str], start: int,
             slug: str) -> tuple[dict[str, str], dict[str, int], int]:
    """Read option lines after the header on line `start` (1-based) up to the closing
    `///`; returns the options, their lines and the 0-based index of the closing line."""
    options: dict[str, str] = {}
    where: dict[str, int] = {}
    seen_blank = False
    never_closed = f"the '/// tool | {slug}' directive is never closed: add a line '///' after it"
    for index in range(start, len(lines)):
        inner = lines[index]
        closing = _BLOCK.match(inner)
        if closing and not closing.group(3).strip():
            return options, where, index
        if closing:
            raise DirectiveError(start, f"the '/// tool | {slug}' directive is never closed "
                                        f"before the next directive on line {index + 1}: add "
                                        "a line '///'")
        if not inner.strip():
            seen_blank = True
            continue
        if seen_blank:  # prose after a gap: the author forgot the closing line
            raise DirectiveError(start, never_closed)
        option = _OPTION.match(inner)
        if not option:
            raise DirectiveError(index + 1, "a tool directive holds only options written "
                                            "'name: value'; put other text outside the block")
        if option.group(1) in options:
            raise DirectiveError(index + 1, f"option {option.group(1)!r} is given twice")
        options[option.group(1)] = _option_value(option.group(2))
        where[option.group(1)] = index + 1
    raise DirectiveError(start, never_closed)


def scan(markdown: str) -> tuple[str, list[Directive]]:
    """Replace each directive with a placeholder paragraph; return both."""
    lines = markdown.split("\n")
    out: list[str] = []
    found: list[Directive] = []
    code = in_code_fence(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        block = None if code[index] else _BLOCK.match(line)
        if block is None:
            out.append(line)
            index += 1
            continue
        start = index + 1
        if len(block.group(1).expandtabs(4)) > 3:
            raise DirectiveError(start, "a directive must start at the beginning of a line, "
                                        "not inside a list or an indented block")
        if not block.group(3).strip():
            raise DirectiveError(start, "a closing '///' with no directive open above it")
        slug = _header(start, block.group(3))
        options, option_lines, end = _options(lines, start, slug)
        token = placeholder(len(found))
        found.append(Directive(slug, options, start, token, option_lines))
        # A paragraph of its own; padded so a longer block keeps its line count.
        out.extend(["", token, ""] + [""] * max(0, end - start - 1))
        index = end + 1
    return "\n".join(out), found


def first_repeat(directives: list[Directive]) -> tuple[Directive, Directive] | None:
    """(first, second) for the first tool placed twice on a page, else None.

    Each form's element ids start `tool-<slug>`, so a second copy of a tool on
    the same page would duplicate them (and the labels would point at the first).
    """
    seen: dict[str, Directive] = {}
    for directive in directives:
        if directive.slug in seen:
            return seen[directive.slug], directive
        seen[directive.slug] = directive
    return None
