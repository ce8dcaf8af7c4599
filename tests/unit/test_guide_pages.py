"""guide_pages: data loading and change notes fail loudly with file:line; rendering is
ordered; short links and the Version history follow the build's edition."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from mkdocs_plugins.editions_data import Edition, load_editions
from mkdocs_plugins.glossary import sort_key
from mkdocs_plugins.guide_pages import render
from mkdocs_plugins.guide_pages.changes import ChangeNote, read_changes
from mkdocs_plugins.guide_pages.data import Entry, load_entries
from mkdocs_plugins.guide_pages.this_edition import ThisEdition, is_local_address

ROOT = Path(__file__).resolve().parents[2]


def test_sort_ignores_case_and_leading_articles() -> None:
    terms = ["the Good Lives Model", "ARMS", "a priori", "dash"]
    expected = ["ARMS", "dash", "the Good Lives Model", "a priori"]
    assert sorted(terms, key=sort_key) == expected


def test_missing_key_names_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "glossary.yml"
    data.write_text("- term: OASys\n  definition: x\n  source: y\n- term: RoSH\n  source: y\n")
    message = r"^docs/_data/glossary.yml:4: entry is missing definition$"
    with pytest.raises(PluginError, match=message):
        load_entries(data, "docs/_data/glossary.yml", ("term", "definition", "source"))


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "biographies.yml"
    data.write_text("- name: A\n  role: [unclosed\n")
    with pytest.raises(PluginError, match=r"^docs/_data/biographies.yml:3: not valid YAML"):
        load_entries(data, "docs/_data/biographies.yml", ("name",))


def _edition(number: str, status: str = "superseded", superseded_on: str | None = None,
             published: bool = True) -> Edition:
    return Edition(number, f"in {number}", status, f"About {number}.",
                   datetime.date.fromisoformat(superseded_on) if superseded_on else None,
                   Path("x") if published else None, 1)


EDITIONS = (
    _edition("5.0", "current"),
    _edition("4.36", superseded_on="2027-06-01"),
    _edition("3.05", published=False),
    _edition("Special Edition", published=False),
)


def _this(number: str, root: str = "https://guide.example.org/", whole_site: bool = True
          ) -> ThisEdition:
    edition = next(e for e in EDITIONS if e.edition == number)
    return ThisEdition(edition, EDITIONS, root, whole_site, Path("."))


def test_short_links_are_version_less_for_the_current_edition_and_pinned_otherwise() -> None:
    assert _this("5.0").short_link("2.6.4") == "https://guide.example.org/s/2.6.4/"
    assert _this("4.36").short_link("2.6.4") == "https://guide.example.org/4.36/s/2.6.4/"
    assert _this("4.36", "http://127.0.0.1:8000/").short_link("1") == (
        "http://127.0.0.1:8000/4.36/s/1/")


@pytest.mark.parametrize(("url", "local"), [
    ("http://127.0.0.1:8000/", True), ("http://localhost:8000/", True),
    ("http://[::1]/", True), ("http://0.0.0.0:8000/", True), ("http://127.8.9.1/", True),
    ("http://guide.localhost/", True), ("https://guide.example.org/", False),
    ("http://10.0.0.5/guide/", False), ("https://127.example.org/", False),
])
def test_local_addresses_are_loopback_or_unspecified(url: str, local: bool) -> None:
    assert is_local_address(url) is local


def _page(front: str) -> str:
    return f"---\nsection: \"2.6.4\"\ntitle: \"Risk levels\"\n{front}---\n\n# 2.6.4 Risk levels\n"


NAMES = [e.edition for e in EDITIONS]


def test_change_notes_are_read_per_edition_in_flow_or_block_style() -> None:
    flow = read_changes("a.md", _page('changes: {"5.0": "New.", "4.36": "Old."}\n'), "docs/a.md",
                        NAMES)
    assert [(n.edition, n.note, n.section, n.title) for n in flow] == [
        ("5.0", "New.", "2.6.4", "Risk levels"), ("4.36", "Old.", "2.6.4", "Risk levels")]
    block = read_changes("a.md", _page('changes:\n  "5.0": >-\n    Two\n    lines.\n'),
                         "docs/a.md", NAMES)
    assert [n.note for n in block] == ["Two lines."]
    assert read_changes("a.md", _page(""), "docs/a.md", NAMES) == []


@pytest.mark.parametrize(("front", "message"), [
    ('changes: {"9.9": "x"}\n',
     "docs/a.md:4: change note for edition '9.9', which editions.yml does not list (it lists "
     "5.0, 4.36, 3.05, Special Edition)"),
    ('changes:\n  "5.0": ok\n  "4.37": x\n', "docs/a.md:6: change note for edition '4.37'"),
    ("changes: {5.0: x}\n", 'docs/a.md:4: write the edition in quotes, e.g. "5.0"'),
    ('changes: {"5.0": ""}\n', "docs/a.md:4: the change note for edition 5.0 must be"),
    ('changes:\n  "5.0": a\n  "5.0": b\n', "docs/a.md:6: a second change note for edition 5.0 "
                                              "(the first is at docs/a.md:5)"),
    ('changes: "5.0"\n', "docs/a.md:4: changes must map each edition to its note"),
    ('changed_in: "4.36"\nchange_note: "x"\n', "docs/a.md:4: changed_in is no longer used"),
])
def test_a_bad_change_note_names_file_and_line(front: str, message: str) -> None:
    with pytest.raises(PluginError) as raised:
        read_changes("a.md", _page(front), "docs/a.md", NAMES)
    assert str(raised.value).startswith(message), str(raised.value)


def _note(src: str, section: str, title: str, note: str, edition: str = "5.0") -> ChangeNote:
    return ChangeNote(src, section, title, edition, note)


def test_changes_are_grouped_by_section_in_number_order() -> None:
    notes = [
        _note("2-b/2.6.4-x.md", "2.6.4", "Risk levels in practice", "Applies 1.7."),
        _note("1-a/1.7-y.md", "1.7", "Risk levels", "New table."),
        _note("2-b/2.10-z.md", "2.10", "Later", "Numbers sort as numbers."),
        _note("2-b/2.2-o.md", "2.2", "OASys", "OGP and OVP."),
        _note("2-b/index.md", "2", "Basic", "The overview is rewritten."),
        _note("1-a/1.1-old.md", "1.1", "Old", "A 4.36 note is not listed in 5.0.", "4.36"),
        _note("user-guide.md", "", "User guide", "Explains the version selector."),
    ]
    tops = {"1": render.SectionPage("1-a/index.md", "1", "Key concepts"),
            "2": render.SectionPage("2-b/index.md", "2", "Basic")}
    text = render.changes(notes, tops, "new-material.md", _this("5.0"))
    assert text.splitlines()[0] == (
        "Edition 5.0 (in 5.0) changed 6 pages since edition 4.36 (in 4.36), "
        "listed by section below.")
    order = [line.split("]")[0] for line in text.splitlines() if line.startswith("- [")]
    assert order == ["- [1.7 Risk levels", "- [2.2 OASys", "- [2.6.4 Risk levels in practice",
                     "- [2.10 Later", "- [User guide"]
    assert "## [Section 1: Key concepts](1-a/index.md) {#changes-1}" in text
    section_2 = text.split("{#changes-2}", 1)[1]
    assert section_2.lstrip("\n").startswith("The overview is rewritten.\n\n- [2.2 OASys]")
    assert "(2-b/2.6.4-x.md): Applies 1.7." in text
    assert "1.1 Old" not in text
    assert text.endswith("## Other pages {#changes-other}\n\n"
                         "- [User guide](user-guide.md): Explains the version selector.\n")


def test_an_edition_without_change_notes_says_so() -> None:
    text = render.changes([], {}, "new-material.md", _this("4.36"))
    assert text == ("No page of edition 4.36 (in 4.36) carries a change note since "
                    "edition 3.05 (in 3.05): it has no new material to list.\n")


def _items(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


def test_version_history_links_every_published_edition_in_a_whole_site_build() -> None:
    text = render.versions(_this("4.36"), "version-history/")
    assert _items(text) == [
        '<strong><a href="../../5.0/">Edition 5.0</a></strong>, released in 5.0. '
        "Current edition.",
        '<strong><a href="../../4.36/">Edition 4.36</a></strong>, released in 4.36. '
        "Superseded on 1 June 2027 (you are reading it).",
        "<strong>Edition 3.05</strong>, released in 3.05. Not published on this site.",
        "<strong>Special Edition</strong>, released in Special Edition. Not published "
        "on this site.",
    ]
    assert "\n\n    About 4.36.\n" in text  # the description is the item's second paragraph
    assert _items(render.versions(_this("5.0"), "version-history.html"))[1].startswith(
        '<strong><a href="./../4.36/">Edition 4.36</a></strong>')


def test_a_single_edition_build_links_only_to_itself() -> None:
    items = _items(render.versions(_this("5.0", whole_site=False), "version-history/"))
    assert items[:2] == [
        '<strong><a href="../">Edition 5.0</a></strong>, released in 5.0. Current edition '
        "(you are reading it).",
        "<strong>Edition 4.36</strong>, released in 4.36. Superseded on 1 June 2027; not "
        "in this copy, which holds only this edition.",
    ]


def test_glossary_links_are_relative_to_the_page() -> None:
    entry = Entry("g", 1, {"term": "OASys", "expansion": "Offender Assessment System",
                           "definition": "The assessment.", "source": "PC 36/2006",
                           "see": ["2-basic-risk-assessment/2.2-oasys.md"]})
    text = render.glossary([entry], "glossary.md")
    assert "### OASys {#oasys}" in text
    assert "[section 2.2](2-basic-risk-assessment/2.2-oasys.md)" in text


@pytest.mark.parametrize("kind", ["glossary", "biographies"])
def test_shipped_data_files_load(kind: str) -> None:
    from mkdocs_plugins.guide_pages.plugin import REQUIRED

    entries = load_entries(ROOT / "docs" / "_data" / f"{kind}.yml", kind, REQUIRED[kind])
    assert entries


def test_version_history_lists_the_six_releases_newest_first() -> None:
    editions = load_editions(ROOT)
    assert [(e.edition, e.released) for e in editions] == [
        ("5.0", "December 2026"),
        ("4.36", "May 2011"),
        ("3.05", "May 2008"),
        ("2.06", "May 2007"),
        ("1.0", "August 2006"),
        ("Special Edition", "8 June 2006"),
    ]


def test_glossary_covers_the_abbreviations_the_issue_names() -> None:
    entries = load_entries(ROOT / "docs/_data/glossary.yml", "g", ("term",))
    terms = {e.text("term") for e in entries}
    wanted = {"OASys", "RoSH", "OGRS", "OGP", "OVP", "RM2000", "MAPPA", "MARAC", "DASH",
              "SFO", "NOMS", "HMPPS", "GLM", "ARMS", "SARN"}
    assert wanted <= terms, wanted - terms
