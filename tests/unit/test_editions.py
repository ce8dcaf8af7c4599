"""The editions plugin's pure parts: reading uids, retirements, the uid chain across
several editions, the banner's words and the head of a superseded page."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from mkdocs_plugins.editions import banner, canonical
from mkdocs_plugins.editions.history import EditionSources, check_all, successor
from mkdocs_plugins.editions.retired import Retired, load_retired
from mkdocs_plugins.editions.sources import PageMeta, SectionRef, read_page, suggest_uid
from mkdocs_plugins.editions.targets import Site, target_for
from mkdocs_plugins.editions_data import Edition
from mkdocs_plugins.source import LocatedError


def edition(number: str, *, current: bool = False, on: str | None = None) -> Edition:
    return Edition(number, "May 2011" if number == "1.0" else "Spring", "current" if current
                   else "superseded", "", datetime.date.fromisoformat(on) if on else None,
                   Path("."), 1)


def section(uid: str, number: str, title: str, src: str | None = None) -> SectionRef:
    return SectionRef(uid, number, title, src or f"{number}-{uid}.md", f"x/{uid}.md:3", None,
                      None)


def sources(ed: Edition, sections: list[SectionRef], retired: tuple[Retired, ...] | list[Retired] = (),
            pages: tuple[str, ...] | list[str] = ()) -> EditionSources:
    found = {s.src_uri: PageMeta(s.src_uri, s, None, None) for s in sections}
    found |= {p: PageMeta(p, None, None, None) for p in pages}
    return EditionSources(ed, "x/", found, {r.uid: r for r in retired})


def gone(uid: str, *, by: str | None = None, note: str | None = None) -> Retired:
    return Retired(uid, by, note, f"x/_data/retired-sections.yml:{len(uid)}")


@pytest.mark.parametrize(("src", "uid"), [
    ("2-basic-risk-assessment/2.6.4-risk-levels-in-practice.md", "risk-levels-in-practice"),
    ("1-key-concepts/index.md", "key-concepts"),
    ("5-x/5.1-mappa.md", "mappa"),
    ("6-best-practice/6.3.5-developing-practitioners-skills.md",
     "developing-practitioners-skills"),
])
def test_suggested_uids_come_from_the_file_slug(src: str, uid: str) -> None:
    assert suggest_uid(src) == uid


FRONT = '---\nsection: "1.2"\nuid: {uid}\ntitle: "Risk levels"\nlast_reviewed: 2026-11-23\n---\n'


def test_a_page_reads_its_uid_dates_and_where_the_uid_is() -> None:
    page = read_page("1-a/1.2-risk-levels.md", FRONT.format(uid="risk-levels") + "# 1.2 R\n",
                     "docs/")
    assert page.section == SectionRef("risk-levels", "1.2", "Risk levels",
                                      "1-a/1.2-risk-levels.md", "docs/1-a/1.2-risk-levels.md:3",
                                      datetime.date(2026, 11, 23), None)


@pytest.mark.parametrize("uid", ["Risk-levels", "risk_levels", "risk--levels", "-risk", "2.6.4",
                                 "x" * 61, "[a, b]"])
def test_malformed_uids_fail_at_their_line(uid: str) -> None:
    with pytest.raises(LocatedError) as error:
        read_page("1-a/1.2-risk-levels.md", FRONT.format(uid=uid), "docs/")
    assert error.value.where == "docs/1-a/1.2-risk-levels.md:3"


def test_an_unnumbered_page_with_a_uid_fails() -> None:
    with pytest.raises(LocatedError, match="only numbered pages"):
        read_page("glossary.md", "---\ntitle: G\nuid: glossary\n---\n", "docs/")


def test_a_bad_review_date_fails_at_its_line() -> None:
    with pytest.raises(LocatedError) as error:
        read_page("a.md", "---\ntitle: A\nlast_reviewed: soon\n---\n", "docs/")
    assert error.value.where == "docs/a.md:3"


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("- uid: a\n", "needs exactly one of replaced_by"),
    ("- uid: a\n  replaced_by: b\n  removed: \"Gone.\"\n", "needs exactly one of replaced_by"),
    ("- uid: a\n  removed: \"\"\n", "needs one sentence"),
    ("- uid: a\n  removed: \"Gone\"\n", "must be one sentence"),
    ("- uid: a\n  removed: \"Gone. Read 2.1.\"\n", "must be one sentence"),
    ("- uid: a\n  removed: \"Gone.\"\n- uid: a\n  removed: \"Gone.\"\n", "already listed"),
    ("- uid: a\n  gone: true\n  removed: \"Gone.\"\n", "unknown key 'gone'"),
])
def test_retired_entries_are_checked(tmp_path: Path, yaml_text: str, message: str) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data/retired-sections.yml").write_text(yaml_text, "utf-8")
    with pytest.raises(LocatedError, match=message):
        load_retired(tmp_path, "docs/")


def test_a_note_may_name_a_section_number(tmp_path: Path) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data/retired-sections.yml").write_text(
        '- uid: a\n  removed: "Its content moved to section 2.6.4 of this edition."\n', "utf-8")
    assert load_retired(tmp_path, "docs/")[0].removed == (
        "Its content moved to section 2.6.4 of this edition.")


# Three editions: 1.0 → 2.0 → 3.0 (current).
V1, V2, V3 = edition("1.0", on="2020-01-05"), edition("2.0", on="2025-06-01"), \
    edition("3.0", current=True)
ONE = sources(V1, [section("levels", "1.3", "Levels"), section("scoring", "1.2", "Scoring"),
                   section("ogrs", "2.2", "OGRS3"), section("plans", "2.1", "Plans")],
              pages=["index.md", "old-notes.md", "glossary.md"])
TWO = sources(V2, [section("levels", "1.2", "Levels"), section("predictors", "2.2", "Predictors"),
                   section("scoring", "1.4", "Scoring"), section("plans", "2.1", "Plans")],
              [gone("ogrs", by="predictors")], pages=["index.md", "glossary.md"])
THREE = sources(V3, [section("levels", "1.2", "Risk levels"),
                     section("scores", "2.2", "Scores", "2-p/2.2-scores.md"),
                     section("plans", "2.1", "Plans")],
                [gone("predictors", by="scores"), gone("scoring", note="It went.")],
                pages=["index.md", "glossary.md"])


def test_the_chain_is_followed_through_every_newer_edition() -> None:
    check_all([THREE, TWO, ONE])
    assert successor("levels", [TWO, THREE]).section == THREE.sections["levels"]
    twice = successor("ogrs", [TWO, THREE])
    assert twice.replaced and twice.section == THREE.sections["scores"]
    later = successor("scoring", [TWO, THREE])
    assert later.section is None and later.removed_in == "3.0" and later.note == "It went."


def test_a_uid_that_disappears_in_a_middle_edition_fails_at_the_old_page() -> None:
    broken = sources(V2, [section("levels", "1.2", "Levels")], [gone("ogrs", by="levels")])
    with pytest.raises(LocatedError) as error:
        check_all([broken, ONE])
    assert error.value.where == "x/scoring.md:3"
    assert "is not in edition 2.0" in error.value.message


def test_a_retirement_of_a_uid_the_older_edition_never_had_fails() -> None:
    wrong = sources(V2, list(TWO.sections.values()),
                    [gone("ogrs", by="predictors"), gone("never", note="No.")])
    with pytest.raises(LocatedError, match=r"'never' is not a section of edition 1\.0"):
        check_all([wrong, ONE])


def _site() -> Site:
    return Site(THREE, lambda src: "" if src == "index.md" else src.removesuffix(".md") + "/")


@pytest.mark.parametrize(("src", "url", "kind", "href"), [
    ("1.3-levels.md", "1.3-levels/", "moved", "../../3.0/1.2-levels/"),
    ("2.2-ogrs.md", "2.2-ogrs/", "replaced", "../../3.0/2-p/2.2-scores/"),
    ("1.2-scoring.md", "1.2-scoring/", "removed", "../../3.0/"),
    ("2.1-plans.md", "2.1-plans/", "same", "../../3.0/2.1-plans/"),
    ("glossary.md", "glossary/", "page", "../../3.0/glossary/"),
    ("old-notes.md", "old-notes/", "home", "../../3.0/"),
    ("index.md", "", "page", "../3.0/"),
])
def test_targets_from_the_oldest_edition(src: str, url: str, kind: str, href: str) -> None:
    target = target_for(src, url, ONE, [TWO, THREE], _site())
    assert (target.kind, target.href) == (kind, href)


def test_banner_words_when_the_successor_is_not_the_current_edition() -> None:
    target = target_for("1.3-levels.md", "1.3-levels/", ONE, [TWO, THREE], _site())
    html = banner.outdated_banner(V1, V2, V3, target)
    assert ("You are reading edition 1.0 (May 2011). It was replaced by edition 2.0 on "
            "5 January 2020. The current edition is 3.0.") in html
    assert "In the current edition (3.0) this section is section 1.2 Risk levels." in html
    removed = target_for("1.2-scoring.md", "1.2-scoring/", ONE, [TWO, THREE], _site())
    assert "Edition 3.0 removed this section. It went." in banner.outdated_banner(
        V1, V2, V3, removed)


def test_banner_text_is_escaped() -> None:
    odd = section("x", "1.1", "Risk <and> harm")
    target = banner.Target("same", "../a/?b&c", "a/", old=odd, new=odd)
    html = banner.outdated_banner(V1, V2, V3, target)
    assert "Risk &lt;and&gt; harm" in html and 'href="../a/?b&amp;c"' in html


@pytest.mark.parametrize(("day", "text"), [
    (datetime.date(2027, 1, 5), "5 January 2027"), (datetime.date(2026, 11, 23), "23 November 2026")])
def test_long_dates(day: datetime.date, text: str) -> None:
    assert banner.long_date(day) == text


def test_superseded_head_replaces_the_canonical_link_and_adds_noindex() -> None:
    head = ('<html><head><link rel="canonical" href="https://x.org/1.0/a/"><title>T</title>'
            "</head><body></body></html>")
    out = canonical.superseded_head(head, canonical.canonical_url("https://x.org/", "3.0", "b/"))
    assert out == ('<html><head><link rel="canonical" href="https://x.org/3.0/b/"><title>T'
                   '</title><meta name="robots" content="noindex"></head><body></body></html>')
    bare = canonical.superseded_head("<head></head>", "https://x.org/3.0/")
    assert bare == ('<head><link rel="canonical" href="https://x.org/3.0/">'
                    '<meta name="robots" content="noindex"></head>')
