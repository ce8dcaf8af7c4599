"""axe-core (the pinned npm package, loaded from node_modules) on the tools in each
state a reader sees after using them: with errors, and with a result. Every page
of every edition, as it loads, is checked by the crawl (test_crawl_browser.py),
which uses `violations()` and `page_urls()` from here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from tests.browser.conftest import OGRS3_PAGE, PLAN_PAGE, ROOT, Session, axe_source
from tests.browser.forms import examples, fill

DOCS = ROOT / "docs"
AXE_OPTIONS = {"resultTypes": ["violations"]}


def page_urls() -> list[str]:
    """Every page built from docs/, as its URL path (directory URLs)."""
    urls = []
    for path in sorted(DOCS.rglob("*.md")):
        relative = path.relative_to(DOCS)
        if relative.parts[0].startswith("_"):
            continue
        if relative.name == "index.md":
            url = "/".join(relative.parts[:-1])
        else:
            url = "/".join((*relative.parts[:-1], relative.stem))
        urls.append(url + "/" if url else "")
    return urls


def violations(page: Page) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    found: list[dict[str, Any]] = page.evaluate(
        "(options) => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)
    return [{"id": v["id"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in found]


def test_axe_finds_nothing_on_the_calculator_with_errors_and_with_a_result(session: Session) -> None:
    page = session.open(OGRS3_PAGE)
    session.wait_ready()
    page.click("#tool-ogrs3 [data-action=submit]")
    page.locator("#tool-ogrs3 [data-role=error-summary]").wait_for()
    assert violations(page) == []
    fill(page, "ogrs3", examples("ogrs3")[1]["inputs"])
    page.click("#tool-ogrs3 [data-action=submit]")
    page.locator("#tool-ogrs3 .roh-summary-list").wait_for()
    assert violations(page) == []


def test_axe_finds_nothing_on_the_checklist_with_a_result(session: Session) -> None:
    page = session.open(PLAN_PAGE)
    session.wait_ready("#tool-risk-management-plan")
    fill(page, "risk-management-plan", examples("risk-management-plan")[0]["inputs"])
    page.click("#tool-risk-management-plan [data-action=submit]")
    page.locator("#tool-risk-management-plan .roh-checks").first.wait_for()
    assert violations(page) == []


def test_page_list_covers_the_tool_pages() -> None:
    assert {OGRS3_PAGE, PLAN_PAGE} <= set(page_urls())
    assert Path(DOCS / "index.md").is_file()
