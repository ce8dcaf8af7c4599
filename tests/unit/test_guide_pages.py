"""guide_pages: data loading fails loudly with file:line; rendering is ordered."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from mkdocs_plugins.glossary import sort_key
from mkdocs_plugins.guide_pages import render
from mkdocs_plugins.guide_pages.data import Entry, load_entries

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
    data = tmp_path / "versions.yml"
    data.write_text("- version: 1\n  released: [unclosed\n")
    with pytest.raises(PluginError, match=r"^docs/_data/versions.yml:3: not valid YAML"):
        load_entries(data, "docs/_data/versions.yml", ("version",))


def test_changes_are_grouped_by_section_in_number_order() -> None:
    pages = [
        render.ChangedPage("2-b/2.6.4-x.md", "2.6.4", "Risk levels in practice", "Applies 1.7."),
        render.ChangedPage("1-a/1.7-y.md", "1.7", "Risk levels", "New table."),
        render.ChangedPage("2-b/2.10-z.md", "2.10", "Later", "Numbers sort as numbers."),
        render.ChangedPage("2-b/2.2-o.md", "2.2", "OASys", "OGP and OVP."),
    ]
    text = render.changes(pages, "new-material.md")
    order = [line.split("]")[0] for line in text.splitlines() if line.startswith("- [")]
    assert order == ["- [1.7 Risk levels", "- [2.2 OASys", "- [2.6.4 Risk levels in practice",
                     "- [2.10 Later"]
    assert "## Section 1: Key concepts and definitions" in text
    assert "(2-b/2.6.4-x.md): Applies 1.7." in text


def test_glossary_links_are_relative_to_the_page() -> None:
    entry = Entry("g", 1, {"term": "OASys", "expansion": "Offender Assessment System",
                           "definition": "The assessment.", "source": "PC 36/2006",
                           "see": ["2-basic-risk-assessment/2.2-oasys.md"]})
    text = render.glossary([entry], "glossary.md")
    assert "### OASys {#oasys}" in text
    assert "[section 2.2](2-basic-risk-assessment/2.2-oasys.md)" in text


@pytest.mark.parametrize("kind", ["glossary", "biographies", "versions"])
def test_shipped_data_files_load(kind: str) -> None:
    from mkdocs_plugins.guide_pages.plugin import REQUIRED

    entries = load_entries(ROOT / "docs" / "_data" / f"{kind}.yml", kind, REQUIRED[kind])
    assert entries


def test_version_history_lists_the_five_releases_newest_first() -> None:
    entries = load_entries(ROOT / "docs/_data/versions.yml", "v", ("version", "released"))
    assert [(e.text("version"), e.text("released")) for e in entries] == [
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
