"""Pure pieces of finding your place: the breadcrumb trail from section numbers,
nav depth marks, named nested navs, and how a toggletip words a definition."""

from __future__ import annotations

import time

from mkdocs_plugins.glossary import Term
from mkdocs_plugins.sections.numbering import Section
from mkdocs_plugins.sections.toggletips import add_toggletips, definition_text
from mkdocs_plugins.sections.trail import (
    Crumb,
    ancestors,
    mark_nav_depth,
    name_nested_navs,
    trail,
)

ROSH = Term("RoSH", "Risk of serious harm", "The risk that a person will cause serious harm.")
MAPPA = Term("MAPPA", "Multi-Agency Public Protection Arrangements", "The arrangements that…")


def section(number: str, title: str) -> Section:
    return Section(number, title, f"{number}.md", 1)


def test_ancestors_are_the_numbers_a_section_belongs_to() -> None:
    assert ancestors("2.6.4") == ["2", "2.6"]
    assert ancestors("2") == []


def test_the_trail_skips_a_missing_parent_and_ends_at_the_page() -> None:
    sections = {"2": section("2", "Basic"), "2.6.4": section("2.6.4", "Levels")}
    crumbs = trail(sections["2.6.4"], sections, Crumb("Home", "../.."),
                   {"2": "../", "2.6.4": "./"})
    assert crumbs == [Crumb("Home", "../.."), Crumb("2 Basic", "../"),
                      Crumb("2.6.4 Levels", "./")]


def test_nav_items_get_their_depth_and_the_toc_is_left_alone() -> None:
    html = ('<li class="md-nav__item"> <a href="x" class="md-nav__link"> '
            '<span class="md-ellipsis"> 2.6.4 Levels </span></a></li>'
            '<li class="md-nav__item"> <a href="#a" class="md-nav__link"> '
            '<span class="md-ellipsis"> Common errors </span></a></li>')
    marked = mark_nav_depth(html, {"2.6.4"})
    assert marked.count('data-roh-depth="3"') == 1
    assert '<li class="md-nav__item"> <a href="#a"' in marked


def test_a_nested_nav_is_named_by_its_section() -> None:
    html = ('<a href="../" class="md-nav__link "> <span class="md-ellipsis"> 2 Basic "risk" '
            '</span> </a> <label class="md-nav__link " for="__nav_4" id="__nav_4_label" '
            'tabindex="0"></label> <nav class="md-nav" aria-labelledby="__nav_4_label">')
    named = name_nested_navs(html)
    assert '<nav class="md-nav" aria-label="2 Basic &quot;risk&quot;">' in named
    assert "aria-labelledby" not in named


def test_naming_nested_navs_takes_time_in_proportion_to_the_page() -> None:
    # Material pads nav links with whitespace; a pattern that trimmed it with
    # `\s*` around a lazy group backtracked cubically over a link that is not
    # a section's (seconds for this input; a third of the build's plugin time).
    link = ('<a href="x/" class="md-nav__link"><span class="md-ellipsis">' + " " * 600
            + "2.6.4 Levels" + " " * 600 + "</span></a>\n")
    started = time.perf_counter()
    assert name_nested_navs(link * 5) == link * 5
    assert time.perf_counter() - started < 0.5


def test_a_definition_reads_as_one_sentence_and_names_keep_capitals() -> None:
    assert definition_text(ROSH) == ("risk of serious harm — the risk that a person will "
                                     "cause serious harm.")
    assert definition_text(MAPPA).startswith("Multi-Agency Public Protection Arrangements — the")


def test_no_toggletip_in_a_table_a_citation_or_the_references() -> None:
    html = ("<table><tr><td>RoSH</td></tr></table><p><cite>RoSH</cite></p>"
            '<h2 id="references">References</h2><ul><li>RoSH</li></ul>')
    assert "roh-abbr" not in add_toggletips(html, [ROSH], "../glossary/")
    tipped = add_toggletips("<p>A RoSH level.</p>", [ROSH], "../glossary/")
    assert tipped.count('class="roh-abbr"') == 1 and tipped.count("data-search-exclude") == 2
