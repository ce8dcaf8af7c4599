"""Finding your place and reading on screen, at 390, 768 and 1280 px: breadcrumbs,
the Go to box (visible label, words open the search), the phone header, a
"Back to top" button that never covers text, toggletips on hover and focus,
the 404 page, and axe on a section page and the 404 page on a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import OGRS3_PAGE, Session
from tests.browser.test_accessibility_browser import violations

SECTION_PAGE = "2-basic-risk-assessment/2.6.4-risk-levels-in-practice/"
WIDTHS = [390, 768, 1280]

#: Text the Back to top button overlaps. Text scrolled under the sticky header
#: counts only where it shows below the header; the header's own text counts whole.
OVERLAPS = """() => {
  const button = document.querySelector('.md-top').getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const hits = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent || parent.closest('.md-top')) continue;
    if (!parent.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const inHeader = !!parent.closest('.md-header');
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      const top = inHeader ? r.top : Math.max(r.top, header.bottom);
      if (r.width > 0 && r.bottom > top && r.left < button.right && r.right > button.left
          && top < button.bottom && r.bottom > button.top) {
        hits.push(node.textContent.trim().slice(0, 40));
      }
    }
  }
  return {button: [button.left, button.top, button.width, button.height], hits};
}"""


def header_fits(page: Page, width: int) -> None:
    """One row (two below 45em: title, then the Go to box), whatever the title's length."""
    header = page.locator(".md-header").bounding_box()
    assert header and header["height"] <= (100 if width < 720 else 60), header


def show_back_to_top(page: Page, selector: str) -> None:
    """Scroll `selector` to the top of the window, then up a little: Material shows the button."""
    page.locator(selector).first.scroll_into_view_if_needed()
    page.evaluate("(s) => document.querySelector(s).scrollIntoView({block: 'start'})", selector)
    page.mouse.move(5, 300)
    page.mouse.wheel(0, 400)
    page.mouse.wheel(0, -150)
    page.locator(".md-top:not([hidden])").wait_for()
    expect(page.locator(".md-top")).to_have_css("opacity", "1")


def no_overlap(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(OVERLAPS)
    assert found["button"][2] >= 24 and found["button"][3] >= 24, found
    assert found["hits"] == [], f"Back to top covers text: {found}"
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_a_nested_section_shows_where_it_is_at_every_width(session: Session, width: int) -> None:
    session.page.set_viewport_size({"width": width, "height": 800})
    page = session.open(SECTION_PAGE)
    trail = page.get_by_role("navigation", name="Breadcrumb")
    expect(trail).to_be_visible()
    items = trail.locator("ol > li")
    assert [" ".join(t.split()) for t in items.all_inner_texts()] == [
        "Home", "2 Basic risk assessment", "2.6 Offence analysis", "2.6.4 Risk levels in practice"]
    assert trail.locator("[aria-current=page]").inner_text().strip() == "2.6.4 Risk levels in practice"
    assert (trail.get_by_role("link", name="2.6 Offence analysis").get_attribute("href") or "") \
        .endswith("/2-basic-risk-assessment/2.6-offence-analysis/")
    # The Go to box's label is visible, inside the window, and names the box.
    label = page.locator("label.roh-goto__label[for=roh-goto-input]")
    expect(label).to_be_visible()
    box = label.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width and box["height"] >= 10
    expect(page.get_by_role("textbox", name="Go to section")).to_be_visible()
    header_fits(page, width)
    if width < 960:
        # The header names the page (number and title, whole), not "Risk of H…".
        topic = page.locator('.md-header__topic[data-md-component="header-topic"]')
        expect(topic).to_be_visible()
        assert topic.inner_text().strip() == "2.6.4 Risk levels in practice"
        clipped = page.evaluate("""() => { const e = document.querySelector(
            '.md-header__topic[data-md-component="header-topic"] .md-ellipsis');
            return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1; }""")
        assert not clipped, "the page's title is cut off in the header"
    else:
        # In the side navigation 2.6.4 sits further in than 2.6.
        parent = page.locator(".md-nav--primary a[href$='/2.6-offence-analysis/']").first
        child = page.locator(".md-nav--primary a[href$='/2.6.1-scenario-planning/']").first
        parent_box, child_box = parent.bounding_box(), child.bounding_box()
        assert parent_box and child_box and child_box["x"] >= parent_box["x"] + 10
    # Back to top over the page's text: never on it.
    show_back_to_top(page, "#reaching-a-level-step-by-step")
    no_overlap(page)
    page.mouse.wheel(0, 600)
    page.mouse.wheel(0, -100)
    no_overlap(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_back_to_top_never_covers_a_tools_hints_or_text(session: Session, width: int) -> None:
    session.page.set_viewport_size({"width": width, "height": 800})
    page = session.open(OGRS3_PAGE)
    header_fits(page, width)
    show_back_to_top(page, "#tool-ogrs3 .roh-hint")
    no_overlap(page)
    show_back_to_top(page, "#tool-ogrs3 [data-action=submit]")
    no_overlap(page)


def test_go_to_with_words_opens_the_search_with_them(session: Session) -> None:
    page = session.open(SECTION_PAGE)
    box = page.locator("#roh-goto-input")
    box.fill("risk levels")
    box.press("Enter")
    search = page.locator(".md-search__input")
    expect(search).to_be_focused()
    expect(search).to_have_value("risk levels")
    assert page.locator("#__search").is_checked()
    result = page.locator(".md-search-result__item").first
    expect(result).to_be_visible()
    expect(page.locator(".md-search-result__list")).to_contain_text("2.6.4 Risk levels in practice")
    # Snippets are prose: no citation line, no button label.
    results = page.locator(".md-search-result__list").inner_text()
    assert "Cite as" not in results and "Copy link" not in results
    assert page.url.endswith(SECTION_PAGE), "words do not leave the page"


def test_a_toggletip_opens_on_hover_and_on_focus_and_reads_as_a_definition(session: Session) -> None:
    page = session.open(SECTION_PAGE)
    button = page.locator(".roh-abbr__button[aria-label='What RoSH means']")
    tip = page.locator(f"#{button.get_attribute('aria-controls')}")
    button.hover()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(tip).to_be_visible()
    assert tip.inner_text().startswith("RoSH: risk of serious harm — the risk that")
    assert tip.locator("dfn").inner_text() == "RoSH"
    assert tip.locator("[role=definition]").inner_text().startswith("risk of serious harm — ")
    # Hoverable: the pointer can move into the tip, and it stays.
    tip_box = tip.bounding_box()
    assert tip_box
    page.mouse.move(tip_box["x"] + tip_box["width"] / 2, tip_box["y"] + tip_box["height"] / 2,
                    steps=5)
    page.wait_for_timeout(600)  # longer than the grace period: still open
    expect(button).to_have_attribute("aria-expanded", "true")
    # Dismissible without moving: Escape.
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(tip).to_be_hidden()
    # Leaving closes it (after the grace period).
    button.hover()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.mouse.move(5, 700)
    expect(button).to_have_attribute("aria-expanded", "false")
    # Keyboard focus opens it; Escape closes it and keeps focus on the button.
    button.focus()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    # Never inside a table, a heading or the References.
    assert page.locator("table .roh-abbr, h1 .roh-abbr, h2 .roh-abbr, h3 .roh-abbr").count() == 0
    assert page.evaluate("""() => { const refs = document.getElementById('references');
        if (!refs) return 0; let n = 0;
        for (let e = refs.nextElementSibling; e; e = e.nextElementSibling)
          n += e.querySelectorAll('.roh-abbr').length;
        return n; }""") == 0


def test_the_404_page_helps_and_loads_no_tool(session: Session) -> None:
    session.page.set_viewport_size({"width": 390, "height": 800})
    response = session.page.goto(session.base_url + "mapa-category/")
    assert response and response.status == 404
    page = session.page
    expect(page.locator("h1")).to_have_text("Page not found")
    search = page.locator("a[data-search-path]")
    expect(search).to_have_text("Search the guide for “mapa category”")
    assert search.get_attribute("href") == f"{session.base_url}?q=mapa%20category"
    article = page.locator("article")
    expect(article.get_by_role("link", name="A–Z index")).to_have_attribute(
        "href", f"{session.base_url}a-z-index/")
    expect(article.get_by_role("link", name="Contents (the home page)")).to_have_attribute(
        "href", session.base_url)
    label = page.locator("label[for=roh-404-goto-input]")
    expect(label).to_be_visible()
    assert violations(page) == []
    assert not [url for url in session.watch.requests
                if "pyodide" in url or "/assets/tools/" in url or "boot.js" in url]
    # A number that is no section: the message links the contents and the index.
    box = page.get_by_role("textbox", name="Go to section")
    box.fill("9.9")
    box.press("Enter")
    status = page.locator("#roh-404-goto-status")
    expect(status).to_contain_text("There is no section 9.9")
    expect(status.get_by_role("link", name="A–Z index")).to_be_visible()
    # Words: the search opens with them.
    box.fill("mappa")
    box.press("Enter")
    expect(page.locator(".md-search__input")).to_have_value("mappa")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    # A number: straight to the section.
    box.fill("2.6.4")
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(SECTION_PAGE) + "#s2.6.4$"))


def test_axe_finds_nothing_on_a_section_page_on_a_phone(session: Session) -> None:
    session.page.set_viewport_size({"width": 390, "height": 800})
    page = session.open(SECTION_PAGE)
    button = page.locator(".roh-abbr__button[aria-label='What RoSH means']")
    button.focus()
    expect(button).to_have_attribute("aria-expanded", "true")
    # The open tip stays inside the phone's window.
    tip = page.locator(f"#{button.get_attribute('aria-controls')}").bounding_box()
    assert tip and tip["x"] >= 0 and tip["x"] + tip["width"] <= 390
    assert violations(page) == []
