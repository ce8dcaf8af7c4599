"""Markdown export: free text always comes out as text, never as markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.core.report_markdown import escape_block, escape_inline, escape_line, render_markdown
from tools.core.result import CheckItem, CheckList, Heading, Paragraph, SummaryList, Table

SPECIALS = "\\`*_[]<>#|&~{}"
_BREAK = re.compile(r"\r\n|\r|\n")
#: Mixes the characters that matter with ordinary and non-ASCII text.
TEXT = st.text(
    st.one_of(st.sampled_from(list(SPECIALS + "-+=:.)1 \n\r\t!(")), st.characters()),
    max_size=60,
)


def unescape(markdown: str) -> str:
    """What a CommonMark renderer shows for backslash escapes of punctuation."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def visible_lines(text: str) -> list[str]:
    return [line.strip() for line in _BREAK.split(text) if line.strip()]


def unescaped_specials(markdown: str) -> list[str]:
    """Special characters not preceded by an odd run of backslashes."""
    found = []
    for match in re.finditer(r"(\\*)([`*_\[\]<>#|&~{}])", markdown):
        if len(match.group(1)) % 2 == 0:
            found.append(match.group(2))
    return found


@given(TEXT)
def test_inline_text_reads_back_exactly_and_has_no_live_specials(text: str) -> None:
    escaped = escape_inline(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescape(escaped) == " ".join(visible_lines(text))
    assert unescaped_specials(escaped) == []


@given(TEXT)
def test_block_text_keeps_each_line(text: str) -> None:
    escaped = escape_block(text)
    lines = escaped.split("\n")
    assert all(line.endswith("\\") for line in lines[:-1])  # hard line breaks
    shown = [unescape(line[:-1]) for line in lines[:-1]] + [unescape(lines[-1])]
    assert shown == (visible_lines(text) or [""])
    for line in lines:
        assert not re.match(r"\s", line)  # no indented code blocks
        assert not re.match(r"[-+=:]|\d{1,9}[.)]", line)  # no list, heading or table starts


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("12) not a list", "12\\) not a list"),
        ("# not a heading", "\\# not a heading"),
        ("===", "\\==="),
        ("a | b", "a \\| b"),
        ("*not bold* and _not_ `code`", "\\*not bold\\* and \\_not\\_ \\`code\\`"),
        ("[link](javascript:alert(1))", "\\[link\\](javascript:alert(1))"),
        ("&lt; stays as typed", "\\&lt; stays as typed"),
        ("ends with a backslash \\", "ends with a backslash \\\\"),
        ("   indented", "indented"),
    ],
)
def test_escape_line_examples(typed: str, escaped: str) -> None:
    assert escape_line(typed) == escaped


def test_render_blocks() -> None:
    markdown = render_markdown((
        Heading("Plan <b>", 3),
        Heading("Part", 4),
        Paragraph("Line one\n- line two"),
        Table("Actions", ("What", "Who"), (("a|b", "*x*"),)),
        SummaryList((("Key", "v1\nv2"),)),
        CheckList("Checks", (CheckItem("P1", "Label", "gap", ("Detail <i>",)),)),
    ))
    assert markdown == (
        "# Plan \\<b\\>\n\n"
        "## Part\n\n"
        "Line one\\\n\\- line two\n\n"
        "**Actions**\n\n| What | Who |\n| --- | --- |\n| a\\|b | \\*x\\* |\n\n"
        "**Key:** v1\\\nv2\n\n"
        "**Checks**\n\n- **P1** (gap): Label\n  - Detail \\<i\\>\n"
    )
