"""Edition-aware pages in real builds: short links, QR codes and cards per edition, the
local-address notice, change notes per edition, the Version history page, and the
"Print the whole guide" page's links (on the guide itself)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from mkdocs_plugins.editions_data import current_edition, load_editions
from mkdocs_plugins.sections.routes import qr_svg
from tests.build.conftest import ROOT, Build, SiteMaker, copy_fixture, run_build

PUBLISHED = "https://guide.example.org/"
EDITIONS_TWO = """\
- edition: "2.0"
  released: June 2027
  status: current
  description: The fixture's current edition.
- edition: "1.0"
  released: May 2020
  status: superseded
  superseded_on: 2027-06-01
  description: The fixture's first edition, frozen.
"""


def build_logged(config: Path, site: Path) -> Build:
    """run_build() without -q: these tests read the INFO lines of the build log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600,
    )
    return Build(done.returncode, done.stdout + done.stderr, site)


def set_address(config: Path, site_url: str, edition: str, site_root: str | None) -> Path:
    """Give a fixture copy its published address, edition and (whole-site) root."""
    text = config.read_text("utf-8").replace("site_url: http://127.0.0.1:8000/\n",
                                             f"site_url: {site_url}\n")
    extra = f'extra:\n  edition: "{edition}"\n' + (f"  site_root: {site_root}\n" if site_root else "")
    text = re.sub(r'extra:\n  edition: "[^"]*"\n', extra, text)
    config.write_text(text, encoding="utf-8")
    return config


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The sections fixture as `make build` makes it: no ROH_SITE_URL, so 127.0.0.1."""
    folder = tmp_path_factory.mktemp("local")
    build = build_logged(copy_fixture("sections-site", folder / "src"), folder / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture's current edition (2.0) as a publish builds it: under /2.0/."""
    folder = tmp_path_factory.mktemp("current")
    config = copy_fixture("sections-site", folder / "src")
    (folder / "src" / "editions.yml").write_text(EDITIONS_TWO, encoding="utf-8")
    (folder / "src" / "versions" / "1.0").mkdir(parents=True)
    (folder / "src" / "versions" / "1.0" / "mkdocs.yml").write_text("INHERIT: ../../mkdocs.yml\n")
    set_address(config, f"{PUBLISHED}2.0/", "2.0", PUBLISHED)
    build = build_logged(config, folder / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def superseded(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture frozen as superseded edition 1.0 in versions/1.0/, published under /1.0/."""
    repo = tmp_path_factory.mktemp("repo")
    (repo / "editions.yml").write_text(EDITIONS_TWO, encoding="utf-8")
    config = copy_fixture("sections-site", repo / "versions" / "1.0")
    (repo / "versions" / "1.0" / "editions.yml").unlink()  # the repository's file rules
    set_address(config, f"{PUBLISHED}1.0/", "1.0", PUBLISHED)
    build = build_logged(config, repo / "site")
    assert build.returncode == 0, build.output
    return build


def citation_link(html: str) -> str:
    match = re.search(r'<div class="roh-citation" data-search-exclude data-short-link="([^"]+)">',
                      html)
    assert match, html
    return match.group(1)


@pytest.mark.parametrize(("which", "link"), [
    ("current", f"{PUBLISHED}s/1.2/"),      # version-less: /s/<n>/ follows the current edition
    ("superseded", f"{PUBLISHED}1.0/s/1.2/"),  # pinned: keeps meaning what it meant
    ("local", "http://127.0.0.1:8000/s/1.2/"),
])
def test_short_links_qr_codes_and_cards_follow_the_edition(
    request: pytest.FixtureRequest, which: str, link: str
) -> None:
    build: Build = request.getfixturevalue(which)
    card = page(build.site, "cards/1.2")
    assert f'<p class="roh-card__link">{link}</p>' in card
    assert (build.site / "s/1.2/qr.svg").read_text("utf-8") == qr_svg(link, "1.2 Gamma")
    assert citation_link(page(build.site, "1-alpha/1.2-gamma")) == link
    cards_list = page(build.site, "trainers").replace("<wbr>", "")
    assert f'<td><a href="../s/1.2/">{link}</a></td>' in cards_list
    # Each edition's build still writes its own short route.
    route = (build.site / "s" / "1.2" / "index.html").read_text("utf-8")
    assert 'content="0; url=../../1-alpha/1.2-gamma/#s1.2"' in route


def test_a_card_names_its_edition(current: Build, superseded: Build) -> None:
    assert "Risk of Harm Guide · edition 2.0 · section" in page(current.site, "cards/1")
    assert "Risk of Harm Guide · edition 1.0 · section" in page(superseded.site, "cards/1")


NOTICE = "QR code and short link on the trainer cards points to http://127.0.0.1:8000/"


def test_a_local_build_says_its_qr_codes_point_to_this_computer(local: Build) -> None:
    log_lines = [line for line in local.output.splitlines() if "local address" in line]
    assert log_lines == [
        "INFO    -  sections: the QR codes and trainer cards point to the local address "
        "http://127.0.0.1:8000/ (ROH_SITE_URL is not set): fine for reading on this computer, "
        "not for slides; publish with ROH_SITE_URL set to the guide's real address for cards "
        "to use"]
    trainers = page(local.site, "trainers")
    notice = trainers.split('<div class="admonition warning">', 1)[1].split("</div>", 1)[0]
    assert "The QR codes point to this computer" in notice and NOTICE in notice
    assert trainers.index("admonition warning") < trainers.index("Card for 1.1")
    for number in ("1", "1.1", "1.2", "2", "2.1", "2.2"):
        card = page(local.site, f"cards/{number}")
        assert '<p class="roh-card__notice" role="note"><strong>Not for slides:</strong>' in card
        assert NOTICE in card


def test_a_published_build_has_no_local_notice(current: Build, superseded: Build) -> None:
    for build in (current, superseded):
        assert "local address" not in build.output
        assert "admonition warning" not in page(build.site, "trainers")
        assert "roh-card__notice" not in page(build.site, "cards/1.1")


@pytest.mark.parametrize(("front", "message"), [
    ('changes: {"9.9": "A note for an edition nobody made."}\n',
     "docs/1-alpha/1.3-late.md:4: change note for edition '9.9', which editions.yml does not "
     "list (it lists 2.0, 1.0)"),
    ('changes:\n  "2.0": "Fine."\n  "2.1": "Not yet."\n',
     "docs/1-alpha/1.3-late.md:6: change note for edition '2.1'"),
    ('changed_in: "2.0"\nchange_note: "The old way."\n',
     "docs/1-alpha/1.3-late.md:4: changed_in is no longer used"),
])
def test_a_change_note_for_an_unknown_edition_fails_naming_file_and_line(
    fixture_site: SiteMaker, tmp_path: Path, front: str, message: str
) -> None:
    late = f'---\nsection: "1.3"\ntitle: Late\n{front}---\n\n# 1.3 Late\n'
    build = run_build(fixture_site("sections-site", {"1-alpha/1.3-late.md": late}),
                      tmp_path / "out")
    assert build.returncode != 0
    assert message in build.output, build.output


def article(html: str) -> str:
    """The page's own content, without the navigation around it."""
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split(
        "</article>", 1)[0]


def links_in(html: str) -> dict[str, str]:
    """text → href of every link inside the page's article."""
    return {re.sub(r"<[^>]+>", "", text): href
            for href, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', article(html))}


def test_new_material_lists_this_editions_changes_by_section(local: Build) -> None:
    html = page(local.site, "new-material")
    assert ("Edition 2.0 (June 2027) changed 3 pages since edition 1.0 (May 2020), listed by "
            "section below.") in html
    assert '<h2 id="changes-1"><a href="../1-alpha/">Section 1: Alpha</a></h2>' in html
    assert '<h2 id="changes-2"><a href="../2-delta/">Section 2: Delta</a></h2>' in html
    links = links_in(html)
    assert links["1.2 Gamma"] == "../1-alpha/1.2-gamma/"
    assert links["2.2 Zeta"] == "../2-delta/2.2-zeta/"
    assert "</a>: Gamma gained an index entry.</li>" in html       # a block-style note
    assert "</a>: Zeta is new in this edition.</li>" in html        # a one-line note
    assert "<p>Section 2 is new in this edition.</p>" in html       # the overview's own note
    # Unchanged in this edition (1.1, 2.1), or changed in another (1.0): absent.
    text = article(html)
    assert "Beta" not in text and "Epsilon" not in text and "Gamma was added." not in text
    for href in links.values():
        assert (local.site / urljoin("new-material/", href) / "index.html").is_file(), href


def test_new_material_of_the_superseded_edition_lists_its_own_notes(superseded: Build) -> None:
    html = page(superseded.site, "new-material")
    assert "Edition 1.0 (May 2020) changed 1 page, listed by section below." in html
    assert "</a>: Gamma was added.</li>" in html and "Gamma gained" not in html
    assert "Section 2" not in article(html)


def history(site: Path) -> list[tuple[str, str]]:
    """(first line, description) of each edition on the Version history page."""
    return re.findall(r"<li>\s*<p>(.*?)</p>\s*<p>(.*?)</p>\s*</li>",
                      article(page(site, "version-history")), re.DOTALL)


def test_version_history_links_each_published_edition_without_javascript(
    current: Build, superseded: Build
) -> None:
    assert history(superseded.site) == [
        ('<strong><a href="../../2.0/">Edition 2.0</a></strong>, released June 2027. '
         "Current edition.", "The fixture's current edition."),
        ('<strong><a href="../../1.0/">Edition 1.0</a></strong>, released May 2020. '
         "Superseded on 1 June 2027 (you are reading it).", "The fixture's first edition, frozen."),
    ]
    assert [line.split("</strong>, ")[1] for line, _ in history(current.site)] == [
        "released June 2027. Current edition (you are reading it).",
        "released May 2020. Superseded on 1 June 2027."]
    # ../../1.0/ from <root>2.0/version-history/ is the other edition's folder.
    assert urljoin(f"{PUBLISHED}2.0/version-history/", "../../1.0/") == f"{PUBLISHED}1.0/"


def test_version_history_of_a_single_edition_build_links_only_to_itself(local: Build) -> None:
    assert history(local.site) == [
        ('<strong><a href="../">Edition 2.0</a></strong>, released June 2027. Current edition '
         "(you are reading it).", "The fixture's current edition."),
        ("<strong>Edition 1.0</strong>, released May 2020. Not published on this site.",
         "An earlier fixture edition, not published here."),
    ]



def target_file(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if not path or path.endswith("/") else site / path


def test_every_link_on_the_whole_guide_page_resolves(guide: Path) -> None:
    html = (guide / "print" / "index.html").read_text("utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    base = "http://guide.test/print/"
    broken = []
    for href in set(re.findall(r'\bhref="([^"]*)"', html)):
        url = urljoin(base, href)
        if not url.startswith("http://guide.test/"):
            continue
        in_page = urlsplit(url).path == "/print/"
        if not target_file(guide, url).is_file() or (
                in_page and urlsplit(url).fragment not in ids | {""}):
            broken.append(href)
    assert broken == [], sorted(broken)[:20]


def test_the_whole_guide_cites_each_section_by_its_real_short_link(guide: Path) -> None:
    html = (guide / "print" / "index.html").read_text("utf-8")
    blocks = re.findall(r'<div class="roh-citation" data-search-exclude data-short-link="([^"]+)">.*?'
                        r'class="roh-citation__link" href="([^"]+)">([^<]+)</a>', html)
    assert len(blocks) == len(list(guide.glob("cards/*/index.html")))
    for absolute, href, shown in blocks:
        number = absolute.rsplit("/s/", 1)[1].strip("/")
        assert absolute == shown == f"http://127.0.0.1:8000/s/{number}/"
        assert href == f"../s/{number}/"
        assert (guide / "s" / number / "index.html").is_file()
    section = (guide / "2-basic-risk-assessment" / "2.6.4-risk-levels-in-practice" /
               "index.html").read_text("utf-8")
    assert citation_link(section) == "http://127.0.0.1:8000/s/2.6.4/"
    assert "http://127.0.0.1:8000/s/2.6.4/" in [b[0] for b in blocks]


def url_of(src: Path) -> str:
    """The directory URL MkDocs gives a page: a folder's index.md is the folder itself."""
    parts = src.with_suffix("").parts
    return "/".join(parts[:-1] if parts[-1] == "index" else parts) + "/"


def test_the_guides_new_material_page_links_every_changed_page(guide: Path) -> None:
    """The current edition's New material page links every page with its change note."""
    edition = re.escape(current_edition(load_editions(ROOT)).edition)
    changed = sorted(p for p in (ROOT / "docs").rglob("*.md")
                     if re.search(rf'^changes: \{{"{edition}": ', p.read_text("utf-8"), re.MULTILINE))
    html = (guide / "new-material" / "index.html").read_text("utf-8")
    links = links_in(html)
    targets = {urljoin("new-material/", href) for href in links.values()}
    expected = {url_of(p.relative_to(ROOT / "docs")) for p in changed}
    assert len(changed) >= 30, "most pages of a new edition change; each says how"
    assert expected <= targets, expected - targets
    headings = re.findall(r'<h2 id="changes-(\d)"><a href="[^"]+">Section \d: [^<]+</a></h2>', html)
    assert headings == ["1", "2", "3", "4", "5", "6"]
