"""Citable sections in Chromium: the Go to section box, copy link (and its fallback),
toggletips by keyboard, the A–Z index, and print. Every short route, trainer card
and page is also visited by the crawl of the publish (test_crawl_browser.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import OGRS3_PAGE, Session, new_session
from tests.browser.forms import examples, fill

SECTION_PAGE = "2-basic-risk-assessment/2.6.4-risk-levels-in-practice/"


@pytest.mark.parametrize("typed", ["2.6.4", "s2.6.4", "§2.6.4", "section 2.6.4", " Section 2.6.4. "])
def test_go_to_section_accepts_the_ways_people_write_a_number(session: Session, typed: str) -> None:
    page = session.open("")
    box = page.locator("#roh-goto-input")
    box.fill(typed)
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(SECTION_PAGE) + "#s2.6.4$"))
    # Instant navigation sets the URL before it swaps the new content in.
    expect(page.locator('[id="s2.6.4"]')).to_be_visible()


def test_go_to_section_says_clearly_when_there_is_no_such_section(session: Session) -> None:
    page = session.open(SECTION_PAGE)
    box = page.locator("#roh-goto-input")
    box.fill("9.9")
    box.press("Enter")
    status = page.locator("#roh-goto-status")
    status.filter(has_text="There is no section 9.9").wait_for()
    assert status.inner_text().startswith("There is no section 9.9 in this guide.")
    assert page.url.endswith(SECTION_PAGE)
    assert page.evaluate("document.activeElement.id") == "roh-goto-input"
    # The message links what it names (words, not numbers, open the search:
    # tests/browser/test_reading_browser.py).
    assert status.get_by_role("link", name="contents").count() == 1
    assert status.get_by_role("link", name="A–Z index").get_attribute("href", timeout=1000) \
        .endswith("/a-z-index/")


def test_copy_link_copies_the_short_link_and_announces_it(browser: Browser, base_url: str) -> None:
    copier = new_session(browser, base_url, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = copier.open(SECTION_PAGE)
        button = page.locator(".roh-citation [data-copy-link]")
        box = button.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24
        button.focus()
        page.keyboard.press("Enter")
        status = page.locator(".roh-citation__status")
        status.filter(has_text="Link copied").wait_for()
        assert status.get_attribute("role") == "status"
        assert page.evaluate("navigator.clipboard.readText()") == base_url + "s/2.6.4/"
        copier.watch.assert_clean()
    finally:
        copier.context.close()


def test_copy_link_falls_back_to_a_selected_field_without_a_clipboard(session: Session) -> None:
    session.context.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = session.open(SECTION_PAGE)
    page.click(".roh-citation [data-copy-link]")
    field = page.locator(".roh-citation__field")
    field.wait_for()
    assert field.input_value() == session.base_url + "s/2.6.4/"
    assert page.evaluate("document.activeElement.className") == "roh-citation__field"
    assert page.evaluate("document.activeElement.selectionEnd") == len(field.input_value())
    page.locator(".roh-citation__status").filter(has_text="press Control and C").wait_for()


def test_a_toggletip_opens_with_enter_and_space_and_closes_with_escape(session: Session) -> None:
    page = session.open(SECTION_PAGE)
    button = page.locator(".roh-abbr__button").first
    term = button.locator("xpath=preceding-sibling::abbr").inner_text()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('roh-abbr__button')"):
            break
    tip = page.locator(f"#{button.get_attribute('aria-controls')}")
    assert tip.get_attribute("role") == "status"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert tip.is_visible() and tip.inner_text().startswith(f"{term}: ")
    assert tip.locator("a", has_text="Glossary entry").get_attribute("href", timeout=1000)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and tip.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('roh-abbr__button')")
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"


def test_every_index_locator_and_see_target_resolves(session: Session, site: Path) -> None:
    page = session.open("a-z-index/")
    links = page.eval_on_selector_all(".roh-index a", "els => els.map(e => e.href)")
    assert len(links) > 300
    for href in links:
        parts = urlsplit(href)
        assert parts.fragment, href
        target = site / parts.path.lstrip("/") / "index.html"
        assert target.is_file(), href
        assert f'id="{parts.fragment}"' in target.read_text("utf-8"), href
    # Follow one locator in the browser and land on the section's title.
    page.locator(".roh-index a[aria-label^='2.6.4']").first.click()
    page.wait_for_url(re.compile(r"#s2\.6\.4$"))
    # Instant navigation sets the URL before it swaps the new content in.
    expect(page.locator('[id="s2.6.4"]')).to_be_visible()


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: make test installs poppler-utils"
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return " ".join(done.stdout.split())


def test_a_printed_section_shows_its_number_and_short_link_and_no_controls(
    session: Session, tmp_path: Path
) -> None:
    page = session.open(SECTION_PAGE)
    text = pdf_text(page.pdf(format="A4"), tmp_path)
    assert "2.6.4 Risk levels in practice" in text
    assert "Cite as section 2.6.4. Short link: " + session.base_url + "s/2.6.4/" in text
    assert "Copy link" not in text and "Go to section" not in text
    assert "Table of contents" not in text
    assert "Risk of serious harm (RoSH (Risk of serious harm))" not in text
    assert "(Offender Assessment System)" in text  # abbreviations spelled out


def test_a_printed_ogrs3_result_is_readable_with_its_sources(session: Session, tmp_path: Path) -> None:
    page = session.open(OGRS3_PAGE)
    session.wait_ready()
    fill(page, "ogrs3", examples("ogrs3")[1]["inputs"])
    page.click("#tool-ogrs3 [data-action=submit]")
    page.locator("#tool-ogrs3 .roh-summary-list").wait_for()
    text = pdf_text(page.pdf(format="A4"), tmp_path)
    assert "Within two years 20%" in text
    assert "How each factor moved the score" in text
    assert "Howard, P., Francis, B., Soothill, K. and Humphreys, L. (2009)" in text  # collapsed on screen
    assert "Date of birth For example" not in text  # the form itself is not printed


def test_the_whole_guide_prints_in_order_with_contents_and_index(session: Session) -> None:
    page = session.open("print/")
    headings = page.eval_on_selector_all(".roh-whole__part h2[id^='s']", "els => els.map(e => e.id)")
    assert headings[:3] == ["s1", "s1.1", "s1.2"] and "s6.4.1" in headings
    keys = [tuple(int(p) for p in h[1:].split(".")) for h in headings]
    assert keys == sorted(keys)
    assert page.locator("#whole-contents").is_visible()
    assert page.locator(".roh-whole__part .roh-az").count() == 1
    internal = page.eval_on_selector_all(".roh-whole__part a[href^='#']", "els => els.map(e => e.getAttribute('href'))")
    ids = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
    missing = sorted({h[1:] for h in internal} - ids)
    assert missing == [], missing[:10]
    assert page.locator(".roh-whole__part .roh-tool").count() == 0
    assert urljoin(session.base_url, "print/") == page.url


@pytest.mark.parametrize(("typed", "first"), [("2.6.4", "2.6.4 Risk levels in practice"),
                                               ("4.2.1", "4.2.1 Holistic, balanced plans")])
def test_search_finds_a_section_by_its_number(session: Session, typed: str, first: str) -> None:
    page = session.open("")
    page.click(".md-search__input")
    page.keyboard.type(typed, delay=30)  # Material searches on key events, as a reader types
    result = page.locator(".md-search-result__item h1").first
    result.wait_for(timeout=30_000)
    assert result.inner_text().startswith(first)
