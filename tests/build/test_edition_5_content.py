"""Edition 5.0 says today's names, law and guidance, and its index is one index.

A small lint over docs/ (edition 5.0; the frozen 4.36 in versions/ is the
record and is not checked): superseded names and law may appear only in a
block the author marked as history with `<!-- history -->` on the line before
it, or in a References list, which cites documents as they were published.
The index checks read the same markers the build reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from mkdocs_plugins.sections.index_markers import Entry, build_index, read_markers, term_key
from mkdocs_plugins.source import in_code_fence

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
HISTORY = "<!-- history -->"
#: The first day of edition 5.0's review; every 5.0 page was reviewed on or after it.
REVIEW_STARTED = date(2026, 12, 1)

#: Superseded names and law: (what the reader would be misled by, the pattern).
SUPERSEDED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("the old name of HMPPS", re.compile(r"Her Majesty['’]s Prison and Probation Service")),
    ("NOMS, replaced in 2017", re.compile(r"National Offender Management Service")),
    ("the Data Protection Act 1998 (replaced in 2018)", re.compile(r"Data Protection Act 1998")),
    ("Working Together 2010 (the current guidance is 2023)",
     re.compile(r"Working Together to Safeguard Children\W{0,3}\(?2010")),
    ("a 'Since this edition' box (5.0 says it in the text)",
     re.compile(r'^\s*[!?]{3}\+?\s+\w+\s+"Since this edition"', re.MULTILINE)),
)


@dataclass(frozen=True)
class Block:
    """A paragraph, list item run or table: text between blank lines."""

    path: Path
    line: int
    text: str
    history: bool


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "_data" not in p.parts)


def front_matter(path: Path) -> dict[str, object]:
    match = re.match(r"^---\n(.*?)\n---\n", path.read_text("utf-8"), re.DOTALL)
    loaded = yaml.safe_load(match.group(1)) if match else None
    return loaded if isinstance(loaded, dict) else {}


def blocks(path: Path) -> Iterator[Block]:
    """The page's blocks before its References, each marked history or not."""
    lines = path.read_text("utf-8").split("\n")
    code = in_code_fence(lines)
    start, history, marked = 0, False, False
    current: list[str] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip() == "## References":
            break
        if number <= len(lines) and code[number - 1]:
            continue
        if line.strip() == HISTORY:
            marked = True
            continue
        if line.strip():
            if not current:
                start, history, marked = number, marked, False
            current.append(line)
            continue
        if current:
            yield Block(path, start, "\n".join(current), history)
            current = []


def test_blocks_honour_the_history_marker(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Intro.\n\n<!-- history -->\nNOMS was the agency.\n\nNow HMPPS.\n\n"
                    "## References\n\n- NOMS (2009) Guidance.\n", "utf-8")
    found = [(b.line, b.text, b.history) for b in blocks(page)]
    assert found == [(1, "Intro.", False), (4, "NOMS was the agency.", True),
                     (6, "Now HMPPS.", False)]


def superseded_uses() -> list[str]:
    found = []
    for path in pages():
        for block in blocks(path):
            if block.history:
                continue
            for what, pattern in SUPERSEDED:
                for match in pattern.finditer(block.text):
                    line = block.line + block.text.count("\n", 0, match.start())
                    found.append(f"docs/{path.relative_to(DOCS)}:{line}: {what}: "
                                 f"{match.group(0)!r} (mark the block {HISTORY} if it is history)")
    return found


def test_no_superseded_name_or_law_outside_history() -> None:
    assert superseded_uses() == []


def test_the_lint_catches_a_current_use_and_spares_history(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(
        "The National Offender Management Service says.\n\n"
        "<!-- history -->\nIn 2009 the National Offender Management Service said.\n", "utf-8")
    monkeypatch.setattr(f"{__name__}.DOCS", tmp_path)
    assert superseded_uses() == [
        "docs/a.md:1: NOMS, replaced in 2017: 'National Offender Management Service' "
        "(mark the block <!-- history --> if it is history)"]


@pytest.mark.parametrize("path", pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_page_was_reviewed_for_5_0(path: Path) -> None:
    meta = front_matter(path)
    reviewed, due = meta.get("last_reviewed"), meta.get("next_review")
    changes = meta.get("changes")
    has_note = isinstance(changes, dict) and bool(str(changes.get("5.0", "")).strip())
    assert isinstance(reviewed, date) and isinstance(due, date), (
        f"docs/{path.relative_to(DOCS)}: give last_reviewed and next_review")
    assert reviewed >= REVIEW_STARTED or has_note, (
        f"docs/{path.relative_to(DOCS)}: last reviewed {reviewed}, before edition 5.0's review")
    assert timedelta(days=365) <= due - reviewed <= timedelta(days=366), (
        f"docs/{path.relative_to(DOCS)}: next_review should be a year after last_reviewed")
    if isinstance(changes, dict):
        assert set(changes) <= {"5.0"}, (
            f"docs/{path.relative_to(DOCS)}: 5.0's pages carry 5.0's note only "
            "(4.36's notes are kept in versions/4.36/)")


def glossary() -> list[dict[str, object]]:
    loaded = yaml.safe_load((DOCS / "_data" / "glossary.yml").read_text("utf-8"))
    assert isinstance(loaded, list)
    return loaded


def test_glossary_entries_for_old_bodies_say_what_replaced_them() -> None:
    """The glossary keeps old names so a reader of an old record can follow it."""
    old = {"NOMS", "LSCB", "DSPD", "IDAP", "ACPO", "CDVP"}
    for entry in glossary():
        if entry["term"] in old:
            assert re.search(r"replac|took the place", str(entry["definition"])), entry["term"]


def test_no_editors_note_in_the_glossary() -> None:
    for entry in glossary():
        for key in ("definition", "source", "expansion"):
            text = str(entry.get(key, ""))
            assert not re.search(r"not verified|unverified|\bTODO\b|\bcheck\b", text, re.I), (
                f"glossary {entry['term']!r} {key}: an editor's note in reader-facing text")


# --- the A–Z index ---------------------------------------------------------

def index_entries() -> dict[str, Entry]:
    pairs = []
    for path in pages():
        meta = front_matter(path)
        if "section" not in meta:
            continue
        text = path.read_text("utf-8")
        match = re.match(r"^---\n.*?\n---\n", text, re.DOTALL)
        first_line = text[: match.end()].count("\n") + 1 if match else 1
        body = text[match.end():] if match else text
        for marker in read_markers(str(path.relative_to(DOCS)), body, first_line):
            pairs.append((str(meta["section"]), marker))
    return build_index(pairs)


#: Words that do not make two index terms different.
_FILLER = re.compile(r"\b(case|the|of|and)\b")


def spelling_key(term: str) -> str:
    """"Learning disabilities" and "learning disability", "Sonnex case" and "Sonnex"."""
    words = _FILLER.sub(" ", term_key(term).replace("-", " ")).split()
    stems = [re.sub(r"(ies|ie|y)$", "y", re.sub(r"(?<=[a-z]{3})s$", "", word)) for word in words]
    return " ".join(stems)


def test_spelling_key_merges_the_duplicates_the_issue_names() -> None:
    assert spelling_key("learning disabilities") == spelling_key("learning disability")
    assert spelling_key("Sonnex case") == spelling_key("Sonnex")
    assert spelling_key("risk levels") != spelling_key("risk level management")


def test_each_term_has_one_spelling() -> None:
    entries = index_entries()
    by_key: dict[str, list[str]] = {}
    for entry in entries.values():
        by_key.setdefault(spelling_key(entry.term), []).append(entry.term)
    duplicates = [terms for terms in by_key.values() if len(terms) > 1]
    assert duplicates == []
    names = {e.term for e in entries.values()}
    assert "Sonnex case" not in names and "Dano Sonnex" in names


def test_an_abbreviation_and_its_expansion_are_one_entry() -> None:
    entries = index_entries()
    for item in glossary():
        short, long = str(item["term"]), str(item.get("expansion", ""))
        if not long:
            continue
        both = [entries.get(term_key(short)), entries.get(term_key(long))]
        if all(both):
            assert any(e is not None and e.see for e in both), (
                f"index has both {short!r} and {long!r} with locators: make one 'see' the other")


def test_every_entry_has_a_principal_locator_and_at_most_one() -> None:
    problems = []
    for entry in index_entries().values():
        if entry.see:
            continue
        top = [n for n, principal in entry.locators.numbers.items() if principal]
        subs = [n for _, locators in entry.subs.values()
                for n, principal in locators.numbers.items() if principal]
        if not top and not subs:
            problems.append(f"{entry.term}: no principal locator ({{index!: …}}), at {entry.where}")
        if len(top) > 1:
            problems.append(f"{entry.term}: {len(top)} principal locators {sorted(top)}")
    assert problems == []


def test_risk_levels_are_found_first_in_2_6_4() -> None:
    entry = index_entries()[term_key("risk levels")]
    assert entry.locators.numbers.get("2.6.4") is True


def test_a_heavily_used_term_has_sub_entries() -> None:
    crowded = [f"{e.term}: {len(e.locators.numbers)} plain locators"
               for e in index_entries().values() if len(e.locators.numbers) > 8]
    assert crowded == []
