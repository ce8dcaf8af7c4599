"""The printed guide's front matter and the trainer-card link: pure HTML in, HTML out."""

from __future__ import annotations

import re

from mkdocs_plugins.sections import print_front, routes
from mkdocs_plugins.sections.numbering import Section
from mkdocs_plugins.sections.whole_guide import Front, Part, assemble

CURRENT = print_front.Edition("5.0", "December 2026", "https://guide.example.org/", True)


def nesting(html: str) -> list[tuple[int, str]]:
    """(depth of <ul>, anchor) for every contents entry, in order."""
    depth, found = 0, []
    for tag in re.finditer(r'<(/?)ul\b|<a href="#([^"]+)"', html):
        if tag.group(2):
            found.append((depth, tag.group(2)))
        else:
            depth += -1 if tag.group(1) else 1
    assert depth == 0, "every list is closed"
    return found


def test_the_contents_nest_each_section_under_its_parent() -> None:
    entries = [print_front.Entry(n, f"T{n}", f"s{n}", f"https://g/s/{n}/")
               for n in ("1", "1.1", "1.2", "1.2.1", "2", "2.1", "2.1.1")]
    entries.append(print_front.Entry("", "A–Z index", "a-z-index"))
    html = print_front.contents(entries)
    assert nesting(html) == [(1, "s1"), (2, "s1.1"), (2, "s1.2"), (3, "s1.2.1"), (1, "s2"),
                             (2, "s2.1"), (3, "s2.1.1"), (1, "a-z-index")]
    assert html.count("<li>") == html.count("</li>") == 8
    assert '<span class="roh-whole__toc-route">https://g/s/1.2.1/</span>' in html
    assert "<ul class=\"roh-whole__toc\"></ul>" not in html


def test_a_section_deeper_than_its_parent_allows_never_skips_a_level() -> None:
    html = print_front.contents([print_front.Entry("3.2.1", "Deep", "s3.2.1"),
                                 print_front.Entry("4", "Four", "s4")])
    assert nesting(html) == [(1, "s3.2.1"), (1, "s4")]


def test_the_cover_names_the_edition_and_where_to_check_it() -> None:
    html = print_front.cover("Guide", "What it is.", CURRENT)
    assert "Edition 5.0 · December 2026" in html
    assert 'Check the online version' in html
    assert '<a href="https://guide.example.org/">https://guide.example.org/</a>' in html
    old = print_front.Edition("4.36", "May 2011", "https://g/", False, "2 December 2026")
    assert "This edition was replaced on 2 December 2026" in print_front.cover("G", "D", old)


def test_footer_words_are_quoted_safely_and_each_core_section_is_a_named_page() -> None:
    css = print_front.page_styles('The "Guide"', CURRENT, [("2", "A \\ B", "https://g/s/2/")])
    assert 'content: "The \\"Guide\\" · edition 5.0 · 2 A \\\\ B · https://g/s/2/";' in css
    assert '.roh-whole__part[data-core="2"] { page: roh-core-2; }' in css
    assert "@page :first" in css and css.startswith("<style>@media print {")


def test_only_core_sections_and_the_index_start_a_printed_page() -> None:
    parts = [Part("s1", "1 One", "1/", "<h1 id=\"s1\">1 One</h1>", "1"),
             Part("s1.1", "1.1 Sub", "1/1.1/", "<h1 id=\"s1.1\">1.1 Sub</h1>", "1.1"),
             Part("a-z-index", "A–Z index", "a-z-index/", "<h1 id=\"a-z-index\">A–Z</h1>")]
    front = Front("Guide", "D", CURRENT, lambda n: f"https://g/s/{n}/")
    html = assemble(parts, "print/", front)
    assert '<article class="roh-whole__part roh-whole__part--core" data-core="1">' in html
    assert '<article class="roh-whole__part" data-core="1"><h2 id="s1.1">' in html
    assert '<article class="roh-whole__part roh-whole__part--index">' in html
    assert html.index("roh-whole__cover") < html.index("whole-contents") < html.index('id="s1"')


SECTION = Section("2.6.4", "Levels", "2/2.6.4.md", 6)


def test_the_card_link_follows_the_whole_citation_line() -> None:
    html = ('<h1 id="s2.6.4">2.6.4 Levels</h1><div class="roh-citation"><p>Cite</p>'
            '<div class="inner"></div><span></span></div><p>Text</p>')
    out = routes.card_link(html, SECTION, "../../cards/2.6.4/")
    assert out.endswith('<span></span></div><p class="roh-card-link" data-search-exclude>'
                        '<a href="../../cards/2.6.4/">Trainer card<span class="roh-visually-'
                        'hidden"> for section 2.6.4</span></a></p><p>Text</p>')
    assert routes.card_link("<p>No citation</p>", SECTION, "x") == "<p>No citation</p>"


def test_the_cards_sheet_has_one_card_per_section_in_order() -> None:
    sections = [Section("1", "One", "1.md", 6), SECTION]
    html = routes.cards_sheet(sections, lambda n: f"https://g/s/{n}/", "../assets/roh/card.css",
                              edition="5.0")
    assert html.count('<li class="roh-sheet__card">') == 2
    assert html.index(">1</span>") < html.index(">2.6.4</span>")
    assert 'src="../s/2.6.4/qr.svg"' in html and '<a href="2.6.4/">Levels</a>' in html
    assert '<p class="roh-sheet__link">https://g/s/2.6.4/</p>' in html
    assert "Not for slides" not in html
    assert "Not for slides" in routes.cards_sheet(sections, str, "c.css", edition="5.0",
                                                  notice="local")
