"""The registry test: every tool is embedded in the current edition, listed on the
built Tools page, and its link lands on the tool's anchor; the skip link; and the
frozen edition 4.36 gets the same generated Tools page without a word of its docs/
changing."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.build.conftest import ROOT, run_build
from tools.core.registry import REGISTRY

_TOOL_SECTION = re.compile(r'<section class="roh-tool" id="tool-([a-z0-9-]+)"')
_LINK = re.compile(r'<a href="([^"]+)">([^<]+)</a>')


def _pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text("utf-8") for p in site.rglob("index.html")}


def _tools_listing(site: Path) -> dict[str, str]:
    """Link text → href of every item in the Tools page's generated list."""
    html = (site / "tools" / "index.html").read_text("utf-8")
    article = html[html.index('<h1 id="tools">'):html.index("</article>")]
    items = re.findall(r"<li>(.*?)</li>", article, re.DOTALL)
    out: dict[str, str] = {}
    for item in items:
        match = _LINK.match(item)
        if match:
            out[unescape(match.group(2))] = match.group(1)
    return out


def _lands_on_the_tool(site: Path, href: str, slug: str) -> None:
    url = urlsplit(urljoin("http://site/tools/", href))
    assert url.fragment == f"tool-{slug}", href
    target = site / url.path.lstrip("/") / "index.html"
    assert target.is_file(), href
    html = target.read_text("utf-8")
    assert f'id="tool-{slug}"' in html and f'id="tool-{slug}-title" tabindex="-1"' in html


def test_every_registered_tool_is_embedded_and_listed_with_a_working_link(guide: Path) -> None:
    embedded = {slug for html in _pages(guide).values() for slug in _TOOL_SECTION.findall(html)}
    missing = sorted(set(REGISTRY) - embedded)
    assert not missing, f"tools in REGISTRY embedded on no page of the current edition: {missing}"
    listing = _tools_listing(guide)
    for slug, (tool, _) in REGISTRY.items():
        assert tool.title in listing, f"{slug} is not listed on the Tools page"
        _lands_on_the_tool(guide, listing[tool.title], slug)


def test_the_tools_page_follows_the_user_guide_in_the_nav(guide: Path) -> None:
    html = (guide / "index.html").read_text("utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    labels = re.findall(r'class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<',
                        nav)
    assert labels[labels.index("User guide") + 1] == "Tools"


def test_each_tool_page_has_a_skip_link_to_the_tool_and_others_do_not(guide: Path) -> None:
    for path, html in _pages(guide).items():
        skips = re.findall(r'<a href="#(tool-[a-z0-9-]+)" class="md-skip roh-skip" '
                           r'data-roh-skip>Skip to the (calculator|checklist)</a>', html)
        sections = _TOOL_SECTION.findall(html)
        if not sections:
            assert "data-roh-skip" not in html, path
            continue
        assert len(skips) == 1, path
        anchor, noun = skips[0]
        assert anchor == f"tool-{sections[0]}"
        assert noun == ("checklist" if REGISTRY[sections[0]][0].keeps_drafts else "calculator")
        # Straight after the theme's own skip link: the first things a keyboard reaches.
        assert re.search(r'class="md-skip">[^<]*</a><a href="#tool-', html), path


def test_in_site_links_to_a_tool_page_land_on_the_tool(guide: Path) -> None:
    home = (guide / "index.html").read_text("utf-8")
    assert 'href="2-basic-risk-assessment/2.2.1-predictors/#tool-ogrs3"' in home
    assert ('href="4-risk-management/4.2.1-holistic-plans-and-approach-goals/'
            '#tool-risk-management-plan"') in home


@pytest.fixture(scope="module")
def frozen_436(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("edition-436") / "site"
    build = run_build(ROOT / "versions" / "4.36" / "mkdocs.yml", site)
    assert build.returncode == 0, build.output
    return site


def test_the_frozen_edition_gets_the_generated_tools_page(frozen_436: Path) -> None:
    assert not (ROOT / "versions" / "4.36" / "docs" / "tools.md").exists()  # words unchanged
    listing = _tools_listing(frozen_436)
    embedded = {slug for html in _pages(frozen_436).values()
                for slug in _TOOL_SECTION.findall(html)}
    assert embedded, "4.36 embeds tools"
    for slug in embedded:
        tool = REGISTRY[slug][0]
        _lands_on_the_tool(frozen_436, listing[tool.title], slug)
    home = (frozen_436 / "index.html").read_text("utf-8")
    assert 'href="tools/"' in home  # reached from the nav, after the User guide
