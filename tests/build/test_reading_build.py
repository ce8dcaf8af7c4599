"""What the real guide's build gives readers finding their place: search snippets
of prose only (no citation line, button label or toggletip marker in
search_index.json), breadcrumbs from section numbers, nav depth, and a 404 page
of our own that loads no tool."""

from __future__ import annotations

import json
import re
from pathlib import Path

SECTION = "2-basic-risk-assessment/2.6.4-risk-levels-in-practice"
#: A toggletip in a built page, and the text that follows it.
_TIP = re.compile(r'<abbr title="[^"]*">(?P<term>[^<]+)</abbr><button[^>]*>.*?</button>'
                  r'<span class="roh-abbr__tip"[^>]*></span></span>(?P<after>[^<]{1,40})', re.S)


def search_docs(guide: Path) -> list[dict[str, str]]:
    data = json.loads((guide / "search" / "search_index.json").read_text("utf-8"))
    docs: list[dict[str, str]] = data["docs"]
    return docs


def test_search_index_holds_prose_and_no_chrome(guide: Path) -> None:
    docs = search_docs(guide)
    text = "\n".join(d["text"] for d in docs)
    # No citation line and no copy button's label, on any page. (The User guide
    # and Notes for trainers describe the short link in prose: that stays.)
    assert "Cite as section" not in text
    assert "Copy link to section" not in text
    numbered = [d for d in docs if re.match(r"\d-", d["location"])]
    assert len(numbered) > 300
    for doc in numbered:
        assert "Short link:" not in doc["text"] and "/s/" not in doc["text"], doc["location"]
    # No toggletip marker: where a page has a toggletip, the index reads the
    # abbreviation and the words after it, with no "?" between them.
    all_text = re.sub(r"\s+", " ", text)
    checked = 0
    for path in sorted(guide.glob("[1-6]-*/**/index.html")):
        html = path.read_text("utf-8")
        for tip in _TIP.finditer(html):
            after = re.sub(r"\s+", " ", tip.group("after"))
            if len(after) < 8:
                continue
            assert f"{tip.group('term')}?" + after not in all_text
            assert tip.group("term") + after in all_text, (path, tip.group("term"), after)
            checked += 1
    assert checked > 40
    # The prose still is, with its abbreviations.
    page = next(d for d in docs if d["location"] == f"{SECTION}/")
    assert page["text"].startswith("<p>The table of risk of serious harm (RoSH) levels in")
    assert "A level is a professional judgement, not a score" in page["text"]
    assert any("OASys" in d["text"] for d in docs if d["location"].startswith(SECTION))


def test_a_nested_section_has_its_breadcrumb_trail_and_nav_depth(guide: Path) -> None:
    html = (guide / SECTION / "index.html").read_text("utf-8")
    nav = re.search(r'<nav class="md-path roh-breadcrumbs" aria-label="Breadcrumb">(.*?)</nav>',
                    html, re.S)
    assert nav, "no breadcrumb trail"
    crumbs = re.findall(r'<a href="([^"]+)" class="md-path__link"( aria-current="page")?>([^<]+)</a>',
                        nav.group(1))
    assert [(href, label) for href, _, label in crumbs] == [
        ("../..", "Home"), ("../", "2 Basic risk assessment"),
        ("../2.6-offence-analysis/", "2.6 Offence analysis"),
        ("./", "2.6.4 Risk levels in practice")]
    assert [bool(current) for _, current, _ in crumbs] == [False, False, False, True]
    # 2.6.4 is one level under 2.6 in the side navigation.
    assert re.search(r'data-roh-depth="2">\s*<a href="../2.6-offence-analysis/"', html)
    assert re.search(r'data-roh-depth="3">\s*<a href="../2.6.1-scenario-planning/"', html)
    # Each nested nav is named by its section (no two unnamed navigation landmarks).
    assert re.search(r'<nav class="md-nav" data-md-level="1" aria-label="2 Basic risk assessment"',
                     html)
    assert 'aria-labelledby="__nav_4_label"' not in html
    # Unnumbered pages have no trail.
    assert "roh-breadcrumbs" not in (guide / "glossary" / "index.html").read_text("utf-8")


def test_the_404_page_is_ours_and_loads_no_tool(guide: Path) -> None:
    html = (guide / "404.html").read_text("utf-8")
    assert "<h1>Page not found</h1>" in html and "404 - Not found" not in html
    assert 'id="roh-404-goto-input"' in html and "data-search-path" in html
    assert 'href="/a-z-index/"' in html
    # The tools' boot script and Pyodide are only on pages with a tool.
    assert "boot.js" not in html and "pyodide" not in html.lower()
