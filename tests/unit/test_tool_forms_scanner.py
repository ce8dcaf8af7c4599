"""The directive scanner: what it finds, what it leaves alone, and its line numbers."""

from __future__ import annotations

import pytest

from mkdocs_plugins.tool_forms.scanner import DirectiveError, first_repeat, placeholder, scan


def test_a_directive_becomes_a_placeholder_paragraph_with_its_options() -> None:
    body, found = scan("Intro.\n/// tool | ogrs3\ntitle: \"My title\"\nheading_level: 2\n///\nAfter.")
    assert [(d.slug, d.options, d.line) for d in found] == [
        ("ogrs3", {"title": "My title", "heading_level": "2"}, 2)]
    assert body.split("\n") == ["Intro.", "", placeholder(0), "", "", "After."]


def test_line_count_is_kept_for_blocks_of_three_lines_or_more() -> None:
    text = "a\n/// tool | ogrs3\nheading_level: 2\n///\nb"
    body, _ = scan(text)
    assert body.count("\n") == text.count("\n")


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_code_fences_are_skipped(fence: str) -> None:
    text = f"{fence}\n/// tool | nothing\n{fence}\n/// tool | ogrs3\n///\n"
    body, found = scan(text)
    assert [d.line for d in found] == [4]
    assert "/// tool | nothing" in body


def test_a_shorter_fence_does_not_close_a_longer_one() -> None:
    _, found = scan("````\n```\n/// tool | x\n```\n````\n")
    assert found == []


def test_several_directives_are_numbered_in_order() -> None:
    _, found = scan("/// tool | ogrs3\n///\n\n/// tool | risk-management-plan\n///\n")
    assert [(d.slug, d.placeholder) for d in found] == [
        ("ogrs3", placeholder(0)), ("risk-management-plan", placeholder(1))]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("a\n\n/// tool | ogrs3\n", 3,
     "the '/// tool | ogrs3' directive is never closed: add a line '///' after it"),
    ("/// tool | ogrs3\n/// tool | ogrs3\n///\n", 1,
     "the '/// tool | ogrs3' directive is never closed before the next directive on line 2: "
     "add a line '///'"),
    ("/// tool | ogrs3\ntitle: a\ntitle: b\n///\n", 3, "option 'title' is given twice"),
    ("///\n", 1, "a closing '///' with no directive open above it"),
    ("/// | ogrs3\n///\n", 1, "a directive must look like '/// tool | <slug>'"),
])
def test_malformed_directives(text: str, line: int, message: str) -> None:
    with pytest.raises(DirectiveError) as raised:
        scan(text)
    assert (raised.value.line, raised.value.message) == (line, message)


def test_each_option_keeps_its_own_line() -> None:
    _, found = scan("Intro.\n\n/// tool | ogrs3\ntitle: T\nheading_level: 2\n///\n")
    directive = found[0]
    assert directive.option_lines == {"title": 4, "heading_level": 5}
    assert (directive.line_of("heading_level"), directive.line_of("not-given")) == (5, 3)


def test_the_same_tool_twice_is_found_with_both_places() -> None:
    _, found = scan("/// tool | ogrs3\n///\n\n/// tool | risk-management-plan\n///\n\n"
                    "/// tool | ogrs3\n///\n")
    repeat = first_repeat(found)
    assert repeat is not None
    assert [(d.slug, d.line) for d in repeat] == [("ogrs3", 1), ("ogrs3", 7)]


def test_different_tools_on_one_page_are_not_a_repeat() -> None:
    _, found = scan("/// tool | ogrs3\n///\n\n/// tool | risk-management-plan\n///\n")
    assert first_repeat(found) is None
