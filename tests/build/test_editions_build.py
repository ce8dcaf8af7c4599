"""The editions plugin in real builds of the two-edition fixture repository:
the outdated banner and where it leads, the edition line, canonical + noindex,
the section map, search, and every uid mistake failing with file:line."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import pytest

from tests.build.editions_repo import FIXTURE, build_edition, copy_repo

SITE_ROOT = "https://guide.example.org/"
HEADING = ("You are reading edition 1.0 (May 2011). It was replaced by edition 2.0 on "
           "5 January 2027.")
_BANNER = re.compile(r'<div class="roh-edition-banner".*?</div></div>', re.DOTALL)
_LINK = re.compile(r'<a class="roh-edition-banner__link" href="([^"]+)">([^<]+)</a>')


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both editions built as a publish builds them: /<edition>/ under one site root."""
    folder = tmp_path_factory.mktemp("editions")
    repo = copy_repo(folder / "repo")
    built = {}
    for edition in ("2.0", "1.0"):
        site = folder / "public" / edition
        build = build_edition(repo, edition, site, ROH_SITE_URL=f"{SITE_ROOT}{edition}/",
                              ROH_SITE_ROOT=SITE_ROOT)
        assert build.returncode == 0, build.output
        built[edition] = site
    return built


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def material_pages(site: Path) -> list[Path]:
    """Every page MkDocs rendered with the theme (not redirects, cards or 404)."""
    return [p for p in sorted(site.rglob("index.html"))
            if '<article class="md-content__inner md-typeset">' in p.read_text("utf-8")]


def test_every_page_of_the_superseded_edition_has_one_banner(sites: dict[str, Path]) -> None:
    pages = material_pages(sites["1.0"])
    # home, 2 part pages, 5 sections, glossary, version history, old notes, and the Tools page
    # every edition gets (generated where its sources have none)
    assert len(pages) == 12
    for path in pages:
        found = _BANNER.findall(path.read_text("utf-8"))
        assert len(found) == 1, path
        assert HEADING in text(found[0]), path
        assert 'role="region" aria-labelledby="roh-edition-banner-title"' in found[0]
        assert "data-search-exclude" in found[0]


def test_the_current_edition_has_no_banner_and_no_noindex(sites: dict[str, Path]) -> None:
    for path in sites["2.0"].rglob("*.html"):
        source = path.read_text("utf-8")
        assert "roh-edition-banner" not in source, path
        assert 'name="robots"' not in source or "/s/" in path.as_posix() or \
            "cards" in path.parts, path


@pytest.mark.parametrize(("url", "kind", "says", "link_text", "target"), [
    ("1-basics/1.3-risk-levels/", "moved",
     "In the current edition (2.0) this section is numbered 1.2.",
     "Read section 1.2 Risk levels in edition 2.0", "1-basics/1.2-risk-levels/"),
    ("2-planning/2.1-planning/", "moved",
     "In the current edition (2.0) this section is called Risk management planning.",
     "Read section 2.1 Risk management planning in edition 2.0",
     "2-planning/2.1-risk-management-planning/"),
    ("1-basics/1.2-old-scoring/", "removed",
     "Edition 2.0 removed this section. The old scoring method is no longer used; reach a "
     "level as section 1.2 describes.", "Go to the contents of edition 2.0", ""),
    ("2-planning/2.2-ogrs3-predictor/", "replaced",
     "In the current edition (2.0) this section was replaced by section 2.2 Reoffending scores.",
     "Read section 2.2 Reoffending scores in edition 2.0", "2-planning/2.2-reoffending-scores/"),
    ("1-basics/1.1-risk-and-harm/", "same", "",
     "Read section 1.1 Risk and harm in edition 2.0", "1-basics/1.1-risk-and-harm/"),
    ("glossary/", "page", "", "Read this page in edition 2.0", "glossary/"),
    ("", "page", "", "Read this page in edition 2.0", ""),
    ("old-notes/", "home", "This page is not in the current edition (2.0).",
     "Go to the home page of edition 2.0", ""),
], ids=["renumbered", "retitled", "removed", "replaced", "unchanged", "same-page", "home-page",
        "page-gone"])
def test_the_banner_leads_to_the_same_section_in_the_current_edition(
    sites: dict[str, Path], url: str, kind: str, says: str, link_text: str, target: str
) -> None:
    banner = _BANNER.search(page(sites["1.0"], url))
    assert banner is not None
    assert f'data-roh-banner="{kind}"' in banner.group(0)
    body = text(banner.group(0).split('class="roh-edition-banner__body">', 1)[1])
    assert body == f"{says} {link_text}".strip()
    link = _LINK.search(banner.group(0))
    assert link is not None and html.unescape(link.group(2)) == link_text
    # Published side by side, /1.0/<url> + href must be the page in /2.0/.
    landed = posixpath.normpath(posixpath.join("1.0", url, html.unescape(link.group(1))))
    assert landed == posixpath.normpath(f"2.0/{target}")
    assert (sites["2.0"] / target / "index.html").is_file()


def test_superseded_pages_are_canonical_in_the_current_edition_and_noindex(
    sites: dict[str, Path]
) -> None:
    source = page(sites["1.0"], "1-basics/1.3-risk-levels/")
    assert re.findall(r'<link rel="canonical"[^>]*>', source) == [
        f'<link rel="canonical" href="{SITE_ROOT}2.0/1-basics/1.2-risk-levels/">']
    head = source.split("</head>", 1)[0]
    assert head.count('<meta name="robots" content="noindex">') == 1
    removed = page(sites["1.0"], "1-basics/1.2-old-scoring/")
    assert f'<link rel="canonical" href="{SITE_ROOT}2.0/">' in removed
    for path in material_pages(sites["1.0"]):
        assert '<meta name="robots" content="noindex">' in path.read_text("utf-8"), path
    # The old edition's own sitemap keeps its own pages: Material's instant
    # navigation only follows links it lists.
    sitemap = (sites["1.0"] / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE_ROOT}1.0/1-basics/1.3-risk-levels/</loc>" in sitemap
    current = page(sites["2.0"], "1-basics/1.2-risk-levels/")
    assert f'<link rel="canonical" href="{SITE_ROOT}2.0/1-basics/1.2-risk-levels/">' in current


@pytest.mark.parametrize(("edition", "url", "line"), [
    ("1.0", "1-basics/1.3-risk-levels/",
     "Edition 1.0 · Last reviewed 1 May 2010 · Next review due 1 May 2011"),
    ("2.0", "1-basics/1.2-risk-levels/",
     "Edition 2.0 · Last reviewed 23 November 2026 · Next review due 23 November 2027"),
    ("2.0", "glossary/", "Edition 2.0"),
    ("1.0", "old-notes/", "Edition 1.0"),
])
def test_every_page_shows_its_edition_and_review_dates_under_its_title(
    sites: dict[str, Path], edition: str, url: str, line: str
) -> None:
    source = page(sites[edition], url)
    found = re.search(r"</h1>(<p class=\"roh-edition-line\"[^>]*>.*?</p>)", source)
    assert found is not None, "the edition line comes right after the title"
    assert text(found.group(1)) == line
    assert "data-search-exclude" in found.group(1)


def test_the_edition_line_carries_the_uid_for_the_selector(sites: dict[str, Path]) -> None:
    assert 'data-roh-uid="risk-levels"' in page(sites["1.0"], "1-basics/1.3-risk-levels/")
    assert 'data-roh-uid="risk-levels"' in page(sites["2.0"], "1-basics/1.2-risk-levels/")
    assert "data-roh-uid" not in page(sites["2.0"], "glossary/")


@pytest.mark.parametrize("edition", ["1.0", "2.0"])
def test_banner_and_edition_line_stay_out_of_search(sites: dict[str, Path], edition: str) -> None:
    index = (sites[edition] / "search" / "search_index.json").read_text("utf-8")
    for words in ("You are reading edition", "Outdated edition", "Last reviewed",
                  "Next review due", "Go to the contents of edition"):
        assert words not in index
    assert "Low, medium, high and very high" in index  # the page's own words are there


def test_section_maps(sites: dict[str, Path]) -> None:
    current = json.loads((sites["2.0"] / "assets/roh/section-map.json").read_text("utf-8"))
    assert current == {
        "edition": "2.0",
        "sections": [
            {"uid": "basics", "number": "1", "title": "Basics", "url": "1-basics/"},
            {"uid": "risk-and-harm", "number": "1.1", "title": "Risk and harm",
             "url": "1-basics/1.1-risk-and-harm/"},
            {"uid": "risk-levels", "number": "1.2", "title": "Risk levels",
             "url": "1-basics/1.2-risk-levels/"},
            {"uid": "planning-part", "number": "2", "title": "Planning", "url": "2-planning/"},
            {"uid": "planning", "number": "2.1", "title": "Risk management planning",
             "url": "2-planning/2.1-risk-management-planning/"},
            {"uid": "reoffending-scores", "number": "2.2", "title": "Reoffending scores",
             "url": "2-planning/2.2-reoffending-scores/"},
            {"uid": "other-agencies", "number": "2.3", "title": "Working with other agencies",
             "url": "2-planning/2.3-other-agencies/"},
        ],
        "retired": [
            {"uid": "old-scoring", "replaced_by": None,
             "removed": "The old scoring method is no longer used; reach a level as section "
                        "1.2 describes."},
            {"uid": "ogrs3-predictor", "replaced_by": "reoffending-scores", "removed": None},
        ],
    }
    old = json.loads((sites["1.0"] / "assets/roh/section-map.json").read_text("utf-8"))
    assert old["edition"] == "1.0" and old["retired"] == []
    assert [(s["number"], s["uid"]) for s in old["sections"]] == [
        ("1", "basics"), ("1.1", "risk-and-harm"), ("1.2", "old-scoring"),
        ("1.3", "risk-levels"), ("2", "planning-part"), ("2.1", "planning"),
        ("2.2", "ogrs3-predictor")]
    for entry in old["sections"]:
        assert (sites["1.0"] / entry["url"] / "index.html").is_file()


def test_assets_are_external_files_on_every_page(sites: dict[str, Path]) -> None:
    for edition, site in sites.items():
        assert (site / "assets/roh/editions.mjs").is_file()
        source = page(site, "1-basics/")
        assert '<script src="../assets/roh/editions.mjs" type="module"></script>' in source, \
            edition
        assert 'href="../assets/roh/editions.css"' in source


RETIRED = "docs/_data/retired-sections.yml"
OLD_SCORING_NOTE = ("- uid: old-scoring\n  removed: \"The old scoring method is no longer "
                    "used; reach a level as section 1.2 describes.\"\n")


def _fixture_text(relative: str) -> str:
    return (FIXTURE / relative).read_text("utf-8")


@pytest.mark.parametrize(("files", "message"), [
    ({RETIRED: _fixture_text(RETIRED).replace(OLD_SCORING_NOTE, "")},
     "versions/1.0/docs/1-basics/1.2-old-scoring.md:3: uid 'old-scoring' (section 1.2 Old "
     "scoring of edition 1.0) is not in edition 2.0"),
    ({"docs/2-planning/2.3-other-agencies.md": _fixture_text(
        "docs/2-planning/2.3-other-agencies.md").replace("uid: other-agencies", "uid: planning")},
     "docs/2-planning/2.3-other-agencies.md:3: uid 'planning' is already the uid of section "
     "2.1 (docs/2-planning/2.1-risk-management-planning.md:3)"),
    ({"docs/1-basics/1.1-risk-and-harm.md": _fixture_text(
        "docs/1-basics/1.1-risk-and-harm.md").replace("uid: risk-and-harm\n", "")},
     "docs/1-basics/1.1-risk-and-harm.md:2: section 1.1 has no uid: add the line "
     "'uid: risk-and-harm' right after section:"),
    ({"docs/1-basics/1.1-risk-and-harm.md": _fixture_text(
        "docs/1-basics/1.1-risk-and-harm.md").replace("uid: risk-and-harm", "uid: Risk_and_harm")},
     "docs/1-basics/1.1-risk-and-harm.md:3: uid 'Risk_and_harm' is not a valid uid"),
    ({RETIRED: _fixture_text(RETIRED).replace("replaced_by: reoffending-scores",
                                              "replaced_by: reoffending-score")},
     "docs/_data/retired-sections.yml:4: replaced_by 'reoffending-score' is not the uid of a "
     "section of edition 2.0"),
    ({RETIRED: _fixture_text(RETIRED).replace("no longer used;", "no longer used. Read")},
     "docs/_data/retired-sections.yml:2: removed: must be one sentence"),
    ({RETIRED: _fixture_text(RETIRED) + "- uid: risk-levels\n  removed: \"Gone.\"\n"},
     "docs/_data/retired-sections.yml:6: uid 'risk-levels' is retired but is still the uid "
     "of a section of edition 2.0 (docs/1-basics/1.2-risk-levels.md:3)"),
], ids=["uid-gone-without-note", "duplicate", "missing", "malformed", "unknown-replacement",
        "two-sentences", "retired-but-present"])
def test_uid_mistakes_fail_the_build_naming_file_and_line(
    tmp_path: Path, files: dict[str, str | None], message: str
) -> None:
    repo = copy_repo(tmp_path / "repo", files)
    for edition in ("2.0", "1.0"):
        build = build_edition(repo, edition, tmp_path / f"site-{edition}")
        assert build.returncode != 0, f"edition {edition} built despite the mistake"
        assert message in build.output, build.output
        assert "Traceback" not in build.output
