"""The sections plugin in a real build: ids, §-links, routes, cards, index, toggletips,
and every author error failing with the file and line to fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.build.conftest import SiteMaker, build_clean, run_build

FRONT = "---\nsection: \"{n}\"\ntitle: T\n---\n\n"  # the heading is then on line 6


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once for the tests that only read it."""
    return build_clean("sections-site", tmp_path_factory)


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def test_numbered_titles_get_ids_from_their_numbers(built: Path) -> None:
    html = page(built, "1-alpha/1.1-beta")
    assert '<h1 id="s1.1">1.1 Beta</h1>' in html
    assert "<title>1.1 Beta - Sections fixture</title>" in html


def test_section_references_become_links_with_number_and_title(built: Path) -> None:
    html = page(built, "1-alpha/1.1-beta")
    assert '<a href="../#s1">1 Alpha</a>' in html
    assert '<a href="../1.2-gamma/#s1.2">1.2 Gamma</a>' in html
    assert "<code>[§9.9]</code>" in html
    assert "{index" not in html


def test_every_section_has_a_short_route_that_redirects_without_script(built: Path) -> None:
    for number, target in (("1", "../../1-alpha/#s1"), ("1.1", "../../1-alpha/1.1-beta/#s1.1")):
        html = (built / "s" / number / "index.html").read_text("utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={target}">' in html
        assert f'<a href="{target}">' in html
        assert "<script" not in html
        assert 'http-equiv="Content-Security-Policy"' in html


def test_qr_codes_and_trainer_cards(built: Path) -> None:
    svg = (built / "s" / "1.2" / "qr.svg").read_text("utf-8")
    assert svg.startswith("<svg") and "<title>QR code: 1.2 Gamma</title>" in svg
    card = (built / "cards" / "1.2" / "index.html").read_text("utf-8")
    assert "http://127.0.0.1:8000/s/1.2/" in card and 'src="../../s/1.2/qr.svg"' in card
    assert '<span class="roh-card__number">1.2</span>' in card


def test_citation_line_and_copy_button_follow_the_title(built: Path) -> None:
    html = page(built, "1-alpha/1.2-gamma")
    after = html.split('<h1 id="s1.2">1.2 Gamma</h1>', 1)[1]
    assert after.startswith('<div class="roh-citation" data-search-exclude '
                            'data-short-link="http://127.0.0.1:8000/s/1.2/">')
    assert 'href="../../s/1.2/"' in after and "data-copy-link" in after


def test_the_index_lists_entries_sub_entries_see_and_see_also(built: Path) -> None:
    html = page(built, "a-z-index")
    assert '<li><span class="roh-az__empty">Z<' in html  # letters without entries are not links
    assert '<a href="#index-a">A</a>' in html
    alpha = re.search(r'<li id="term-alpha">.*?</li></ul></li>', html, re.DOTALL)
    assert alpha, html
    assert '<strong>1</strong></a>' in alpha.group(0)               # principal locator in bold
    assert "in beta" in alpha.group(0) and ">1.1</a>" in alpha.group(0)
    assert 'ABC</span>, <em class="roh-index__see">see</em> <a href="#term-beta">beta</a>' in html
    assert '<em class="roh-index__see">See also</em> <a href="#term-alpha">alpha</a>' in html
    # Sorting ignores a leading article: "The gamma term" files under G.
    assert html.index('id="index-g"') < html.index("The gamma term")
    # The glossary gives "Offender Assessment System, see OASys" only if OASys is indexed.
    assert "Offender Assessment System" not in html


def test_the_first_abbreviation_on_a_page_gets_a_toggletip(built: Path) -> None:
    html = page(built, "1-alpha")
    assert html.count('class="roh-abbr"') == 1
    assert '<abbr title="Offender Assessment System">OASys</abbr><button type="button" class="roh-abbr__button" hidden' in html
    assert 'data-href="../glossary/"' in html
    assert 'class="roh-abbr"' not in page(built, "glossary")


def test_the_go_to_section_box_is_in_the_header(built: Path) -> None:
    html = page(built, "1-alpha")
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'data-goto hidden' in header and 'id="roh-goto-input"' in header
    assert '"1.1": {"title": "Beta", "path": "1-alpha/1.1-beta/"}' in (
        built / "assets" / "roh" / "sections.json").read_text("utf-8")


@pytest.mark.parametrize(("pages", "message"), [
    ({"1-alpha/1.3-late.md": FRONT.format(n="1..3") + "# 1..3 Late\n"},
     "docs/1-alpha/1.3-late.md:6: malformed section number '1..3': write numbers like 2.6.4 "
     "(no leading zeros, no empty parts)"),
    ({"1-alpha/1.3-late.md": FRONT.format(n="1.1") + "# 1.1 Again\n"},
     "docs/1-alpha/1.3-late.md:6: section 1.1 is numbered twice: it is already "
     "docs/1-alpha/1.1-beta.md:6"),
    ({"1-alpha/1.3-late.md": FRONT.format(n="1.1.5") + "# 1.1.5 Late\n"},
     "docs/1-alpha/1.3-late.md:6: section 1.1.5 comes after 1.2 in the navigation: numbers "
     "must rise in reading order"),
    ({"1-alpha/1.3-late.md": FRONT.format(n="1.3") + "# 1.4 Late\n"},
     "docs/1-alpha/1.3-late.md:6: the heading says 1.4 but the front matter says section 1.3"),
    ({"1-alpha/1.3-late.md": FRONT.format(n="1.3") + "# 1.3 Late\n\n## 1.3.1 Sub\n"},
     "docs/1-alpha/1.3-late.md:8: only a page's title (its # heading) carries a section "
     "number; remove the number from this heading"),
    ({"1-alpha/1.3-late.md": FRONT.format(n="1.3") + "# 1.3 Late\n\nSee [§9.9].\n"},
     "docs/1-alpha/1.3-late.md:8: [§9.9] refers to section 9.9, which does not exist"),
    ({"1-alpha/1.3-late.md": FRONT.format(n="1.3") + "# 1.3 Late\n\nText. {index: }\n"},
     "docs/1-alpha/1.3-late.md:8: empty index entry: write {index: term} or {index: term > "
     "sub-entry}"),
    ({"1-alpha/1.3-late.md": FRONT.format(n="1.3") + "# 1.3 Late\n\n{index: delta; see: alpah}\n"},
     "docs/1-alpha/1.3-late.md:8: index entry 'delta' says see 'alpah', which is not an entry "
     "in the index (did you mean 'alpha'?)"),
    ({"index.md": "# Fixture home\n\nText. {index: home}\n"},
     "docs/index.md:3: index markers belong in numbered sections: this page has no number"),
])
def test_an_author_error_fails_the_build_naming_file_and_line(
    fixture_site: SiteMaker, tmp_path: Path, pages: dict[str, str], message: str
) -> None:
    build = run_build(fixture_site("sections-site", pages), tmp_path / "out")
    assert build.returncode != 0
    assert message in build.output, build.output
