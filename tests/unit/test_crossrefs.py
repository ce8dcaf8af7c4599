"""`[§n]` references: links for good ones, located errors for malformed ones, code left alone."""

from __future__ import annotations

import pytest

from mkdocs_plugins.sections.crossrefs import link_sections
from mkdocs_plugins.sections.numbering import Section
from mkdocs_plugins.source import LocatedError

SECTIONS = {
    "1": Section("1", "Alpha", "1-alpha/index.md", 6),
    "1.2": Section("1.2", "Gamma", "1-alpha/1.2-gamma.md", 6),
    "2.6.4": Section("2.6.4", "Risk levels", "2/2.6.4-levels.md", 6),
}


def link(markdown: str) -> str:
    return link_sections(markdown, "1-alpha/1.1-beta.md", SECTIONS, first_line=8)


def test_a_reference_becomes_a_link_with_number_and_title() -> None:
    assert link("See [§1.2] and [§1].") == (
        "See [1.2 Gamma](1.2-gamma.md#s1.2) and [1 Alpha](index.md#s1).")


@pytest.mark.parametrize("markdown", [
    "Code: `[§1.2.]` and `[§]`.",
    "```\n[§1..2]\n```",
    "An author's own link: [§1.2.](1.2-gamma.md) or [§ x][ref].",
    "The MAPPA Guidance, §21.5, is not a reference.",
])
def test_code_and_the_authors_own_links_are_left_alone(markdown: str) -> None:
    assert link(markdown) == markdown


@pytest.mark.parametrize(("markdown", "line", "message"), [
    ("[§1.2.]", 8, "malformed section reference [§1.2.]: write the number alone, like "
                   "[§2.6.4] (did you mean [§1.2]?)"),
    ("x\n[§1..2]", 9, "malformed section reference [§1..2]: write the number alone, like "
                      "[§2.6.4] (did you mean [§1.2]?)"),
    ("[§ 1.2]", 8, "malformed section reference [§ 1.2]: write the number alone, like "
                   "[§2.6.4] (did you mean [§1.2]?)"),
    ("[§2.6.4 Risk levels]", 8, "(did you mean [§2.6.4]?)"),
    ("[§2.6.5.]", 8, "(did you mean [§2.6.4]?)"),
    ("[§01.2]", 8, "malformed section reference [§01.2]"),
    ("[§]", 8, "empty section reference [§]: write the section's number, like [§2.6.4]"),
    ("[§ ]", 8, "empty section reference [§ ]"),
    ("See [§1.2 for more.", 8, "section reference [§1.2 is never closed: write it like "
                               "[§2.6.4]"),
    ("[§9.9]", 8, "[§9.9] refers to section 9.9, which does not exist"),
])
def test_a_malformed_reference_is_located(markdown: str, line: int, message: str) -> None:
    with pytest.raises(LocatedError) as raised:
        link(markdown)
    assert raised.value.where == f"docs/1-alpha/1.1-beta.md:{line}"
    assert message in raised.value.message
