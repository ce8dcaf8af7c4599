"""The plain-text rendering of report blocks that "Copy as text" puts on the clipboard."""

from __future__ import annotations

import json

from tests.browser.forms import examples
from tools.core.registry import REGISTRY
from tools.core.report_text import render_text
from tools.core.result import (
    BulletList,
    CheckItem,
    CheckList,
    Details,
    Heading,
    Paragraph,
    SummaryList,
    Table,
)
from tools.core.runtime import handle


def test_headings_are_underlined_by_level() -> None:
    assert render_text([Heading("OGRS3 result", 3), Heading("Why", 4)]) == (
        "OGRS3 result\n============\n\nWhy\n---\n"
    )


def test_paragraph_lines_are_kept_trimmed_and_blank_lines_dropped() -> None:
    assert render_text([Paragraph("  First line \r\n\n second\rthird ")]) == (
        "First line\nsecond\nthird\n"
    )


def test_summary_rows_are_key_colon_value_with_continuation_lines_indented() -> None:
    block = SummaryList((("Within one year", "11%"), ("Summary", "Line one\nLine two"),
                         ("Empty", "")))
    assert render_text([block]) == (
        "Within one year: 11%\nSummary: Line one\n  Line two\nEmpty:\n"
    )


def test_tables_become_one_labelled_line_per_cell_numbered_by_row() -> None:
    table = Table("Risk factors", ("No.", "Risk factor"), (("1", "Drinks"), ("2", "Jealous\nand controlling")))
    assert render_text([table]) == (
        "Risk factors\n1.\n  No.: 1\n  Risk factor: Drinks\n2.\n  No.: 2\n"
        "  Risk factor: Jealous and controlling\n"
    )
    single = Table("", ("What", "Who"), (("Visit", "Police"),))
    assert render_text([single]) == "  What: Visit\n  Who: Police\n"
    assert render_text([Table("Empty", ("A",), ())]) == "Empty\n  (none)\n"


def test_lists_checks_and_details() -> None:
    checks = CheckList("Element 1", (
        CheckItem("P1", "Review the case", "gap", ("Who is at risk is not recorded",)),
        CheckItem("P16", "Not given in the source text", "not-given"),
    ))
    details = Details("The working", (Paragraph("Sum of weights"),))
    assert render_text([BulletList(("a", "b\nc")), checks, details]) == (
        "- a\n- b c\n\n"
        "Element 1\n- P1 (gap): Review the case\n    - Who is at risk is not recorded\n"
        "- P16 (not given in the source text)\n\n"
        "The working\n\nSum of weights\n"
    )


def test_typed_markup_is_kept_exactly_as_typed() -> None:
    typed = "<script>alert(1)</script> **bold** [link](x) # not a heading"
    assert render_text([Paragraph(typed)]) == typed + "\n"


def test_every_tool_outcome_carries_its_report_as_text() -> None:
    for slug in REGISTRY:
        example = next(e for e in examples(slug) if e["expected"].get("ok", True))
        response = json.loads(handle(json.dumps({"v": 1, "tool": slug,
                                                 "inputs": example["inputs"]})))
        assert response["ok"], (slug, response)
        text = response["outcome"]["text"]
        first_heading = next(b["text"] for b in response["outcome"]["report"]
                             if b["type"] == "heading")
        assert text.startswith(first_heading + "\n" + "=" * len(first_heading)), slug
        assert "**" not in text and "\\" not in text, slug  # no Markdown, no escapes
