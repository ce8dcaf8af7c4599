"""Reading comfort in Chromium: text sizes of callouts, tables and fictional examples at
a phone's and a desktop's width, line length, the A–Z index in columns (and as
printed), and the trainers' cards sheet with each section's link to its card."""

from __future__ import annotations

import json
from pathlib import Path

from tests.browser.conftest import Session
from tests.browser.test_accessibility_browser import violations

LEVELS_PAGE = "2-basic-risk-assessment/2.6.4-risk-levels-in-practice/"
SIZE = "e => parseFloat(getComputedStyle(e).fontSize)"
SAMPLES = """article => article.insertAdjacentHTML("beforeend",
  '<div class="admonition note" id="sample-note"><p class="admonition-title">Note</p>' +
  '<p>A callout.</p></div>' +
  '<div class="admonition example" id="sample-example"><p class="admonition-title">' +
  'Fictional example</p><p>Person A is fictional.</p></div>' +
  '<table id="sample-table"><thead><tr><th>Level</th></tr></thead>' +
  '<tbody><tr><td>Low</td></tr></tbody></table>')"""
#: Characters per line of a paragraph: its characters over its lines.
CHARS_PER_LINE = ("e => e.textContent.trim().length / Math.round(e.getBoundingClientRect().height"
                  " / parseFloat(getComputedStyle(e).lineHeight))")


def test_callouts_tables_and_examples_are_comfortable_at_phone_and_desktop_widths(
    session: Session
) -> None:
    page = session.page
    for width, smallest in ((390, 16), (1280, 15)):
        page.set_viewport_size({"width": width, "height": 900})
        session.open(LEVELS_PAGE)
        # The shapes Markdown gives a note, a labelled fictional example and a table,
        # added to the real page so that the test does not depend on its current words.
        page.locator("article.md-typeset").evaluate(SAMPLES)
        example = page.locator("#sample-example")
        for name, element in (("example", example.locator("p:not(.admonition-title)")),
                              ("callout", page.locator("#sample-note p:not(.admonition-title)")),
                              ("table cell", page.locator("#sample-table td"))):
            assert element.evaluate(SIZE) >= smallest, (width, name)
        cell = page.locator("#sample-table td")
        prose = page.locator("article.md-typeset > p:not([class])").first
        body = prose.evaluate(SIZE)
        assert example.evaluate(SIZE) == body and cell.evaluate(SIZE) == body
        if width == 1280:
            lines = [p.evaluate(CHARS_PER_LINE) for p in
                     page.locator("article.md-typeset > p:not([class])").all() if p.evaluate(
                         "e => e.getBoundingClientRect().height") > 100]
            assert lines and all(55 <= n <= 85 for n in lines), lines


def test_the_index_is_in_columns_on_screen_and_two_columns_without_its_letter_bar_in_print(
    session: Session
) -> None:
    page = session.page
    page.set_viewport_size({"width": 1280, "height": 900})
    session.open("a-z-index/")
    columns = page.locator(".roh-index__columns")
    assert columns.evaluate("e => getComputedStyle(e).columnCount") == "3"
    letters = page.locator(".roh-index h2")
    lefts = {round(x) for x in letters.evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().left)")}
    assert len(lefts) >= 2, "the letters fall in more than one column"
    # No entry is split between columns, and each letter stands with its first entry.
    assert page.locator(".roh-index__entries > li").evaluate_all(
        "els => els.filter(e => e.getClientRects().length > 1).map(e => e.id)") == []
    assert letters.evaluate_all(
        "els => els.filter(h => { const a = h.getBoundingClientRect(), b = h.nextElementSibling"
        ".firstElementChild.getBoundingClientRect(); return b.top < a.bottom || b.top - a.bottom"
        " > 60 || Math.abs(b.left - a.left) > 60; }).map(h => h.id)") == []
    page.emulate_media(media="print")
    assert columns.evaluate("e => getComputedStyle(e).columnCount") == "2"
    assert page.locator(".roh-az").is_hidden()
    assert page.locator("p", has_text="Use the letters below").is_hidden()
    assert page.locator("li", has_text="A number in").first.is_visible()


def test_the_cards_sheet_has_every_section_and_a_section_links_to_its_card(
    session: Session, site: Path
) -> None:
    sections = json.loads((site / "assets" / "roh" / "sections.json").read_text("utf-8"))
    page = session.open(LEVELS_PAGE)
    link = page.locator(".roh-card-link a")
    assert " ".join(link.inner_text().split()) == "Trainer card for section 2.6.4"
    link.click()
    page.wait_for_url(session.base_url + "cards/2.6.4/")
    assert page.locator(".roh-card__number").inner_text() == "2.6.4"
    session.open("cards/")
    numbers = page.locator(".roh-sheet__number").all_inner_texts()
    assert numbers == list(sections)
    assert page.locator(".roh-sheet__qr").evaluate_all(
        "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).length") == 0
    assert violations(page) == []
    page.emulate_media(media="print")
    tops = page.locator(".roh-sheet__card").evaluate_all(
        "els => els.slice(0, 6).map(e => Math.round(e.getBoundingClientRect().left))")
    assert len(set(tops)) == 2, "two cards across a printed page"
