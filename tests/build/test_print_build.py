"""The real guide's printed forms as built: the whole guide's cover, contents and page
breaks, the A–Z index's columns, linked references, and the trainers' cards sheet."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.build.conftest import ROOT

SECTION = "2-basic-risk-assessment/2.6.4-risk-levels-in-practice/index.html"


def read(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def numbers(site: Path) -> list[str]:
    data: dict[str, object] = json.loads(read(site, "assets/roh/sections.json"))
    return list(data)


def test_the_cards_sheet_holds_one_card_per_numbered_section(guide: Path) -> None:
    html = read(guide, "cards/index.html")
    shown = re.findall(r'<li class="roh-sheet__card"><h2 class="roh-sheet__title"><span '
                       r'class="roh-sheet__number">([\d.]+)</span>', html)
    assert shown == numbers(guide) and len(shown) >= 69
    for number in shown:
        assert f'src="../s/{number}/qr.svg"' in html
        assert f'<p class="roh-sheet__link">http://127.0.0.1:8000/s/{number}/</p>' in html
        assert (guide / "s" / number / "qr.svg").is_file()
        assert (guide / "cards" / number / "index.html").is_file()
    assert 'http-equiv="Content-Security-Policy"' in html and "<script" not in html
    trainers = read(guide, "trainers/index.html")
    assert '<a href="../cards/">Every card on one sheet</a>' in trainers


def test_each_section_links_to_its_own_card_outside_search(guide: Path) -> None:
    html = read(guide, SECTION)
    assert ('<p class="roh-card-link" data-search-exclude><a href="../../cards/2.6.4/">'
            "Trainer card") in html
    assert html.index('class="roh-citation"') < html.index("roh-card-link")
    docs = json.loads(read(guide, "search/search_index.json"))["docs"]
    assert not [d["location"] for d in docs if "Trainer card for section" in d["text"]]
    for number, entry in json.loads(read(guide, "assets/roh/sections.json")).items():
        page = read(guide, entry["path"] + "index.html")
        assert page.count("roh-card-link") == 1, number


def test_reference_addresses_are_plain_links(guide: Path) -> None:
    html = read(guide, SECTION)
    references = html.split('id="references"', 1)[1].split("</ul>", 1)[0]
    addresses = re.findall(r"https?://[^\s<\"]+", re.sub(r"<a [^>]*>[^<]*</a>", "", references))
    assert addresses == [], addresses
    links = re.findall(r'<a href="(https://[^"]+)">\1</a>', references)
    assert len(links) >= 2
    assert "prefetch" not in html


def test_the_whole_guide_has_a_cover_a_nested_contents_and_breaks_only_at_core_sections(
    guide: Path
) -> None:
    html = read(guide, "print/index.html")
    cover = html.split('<div class="roh-whole__cover">', 1)[1].split("</div>", 1)[0]
    assert "Risk of Harm Guide" in cover and "Edition 5.0 · December 2026" in cover
    assert "Check the online version" in cover and "http://127.0.0.1:8000/" in cover
    contents = html.split('<nav class="roh-whole__contents"', 1)[1].split("</nav>", 1)[0]
    nested = re.search(r'href="#s2.6">.*?<ul class="roh-whole__toc"><li><a href="#s2.6.1">',
                       contents)
    assert nested, "2.6.1 is listed under 2.6"
    assert '<span class="roh-whole__toc-route">http://127.0.0.1:8000/s/2.6.4/</span>' in contents
    core = re.findall(r'<article class="roh-whole__part roh-whole__part--core" '
                      r'data-core="(\d)">', html)
    assert core == ["1", "2", "3", "4", "5", "6"]
    assert html.count("roh-whole__part--index") == 1
    assert html.count('<article class="roh-whole__part') == len(numbers(guide)) + 1
    # The page's on-screen instructions are wrapped so that print.css leaves them out.
    screen = html.split('<div class="roh-whole__screen">', 1)[1].split('<div class="roh-whole">')[0]
    assert re.search(r"Use your\s+browser's\s+Print command", screen)
    css = (ROOT / "overrides/assets/stylesheets/print.css").read_text("utf-8")
    assert re.search(r"\.roh-whole__screen,[^{]*\{ display: none !important; \}", css)
    assert "@page roh-core-2 { @bottom-left { content: \"Risk of Harm Guide · edition 5.0 · " \
           "2 Basic risk assessment · http://127.0.0.1:8000/s/2/\"; }" in html


def test_the_index_flows_every_letter_through_one_column_set(guide: Path) -> None:
    html = read(guide, "a-z-index/index.html")
    columns = html.split('<div class="roh-index__columns">', 1)[1]
    assert columns.count('<section class="roh-index"') == html.count('<section class="roh-index"')
    assert html.index('<nav class="roh-az"') < html.index('<div class="roh-index__columns">')
