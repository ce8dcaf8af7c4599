"""The guide's content keeps the promises of its seed and its quality bar.

These read docs/ and mkdocs.yml directly: they fail with the page and the
promise broken, which is quicker to act on than a diff of built HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SECTION_DIRS = (
    "1-key-concepts",
    "2-basic-risk-assessment",
    "3-advanced-risk-assessment",
    "4-risk-management",
    "5-working-with-other-agencies",
    "6-best-practice",
)
LONG_PAGES = {"1.7", "2.2.1", "2.6", "2.6.4", "3.6.2", "4.2.1", "5.3"}

#: Every subsection the seed names, with words its title must contain.
SEED_SECTIONS: dict[str, tuple[str, ...]] = {
    "1.7": ("risk levels", "serious further offences"),
    "2.2": ("oasys",),
    "2.2.1": ("ogrs3", "ogp", "ovp"),
    "2.4.2": ("diversity",),
    "2.4.3": ("engaging",),
    "2.4.5": ("denial", "excuses"),
    "2.4.6": ("good lives",),
    "2.5": ("young people", "transition"),
    "2.6": ("offence analysis",),
    "2.6.1": ("scenario planning",),
    "2.6.4": ("risk levels",),
    "3.6.2": ("dash", "marac"),
    "4.2.1": ("plans", "approach goals"),
    "4.7": ("disclosure", "information exchange", "human rights"),
    "5.2": ("information sharing",),
    "5.3": ("safeguarding children",),
    "5.4": ("mental health", "personality disorder"),
    "6.2": ("tools", "judgement"),
    "6.3.5": ("skills",),
    "6.4.1": ("working with others",),
}
#: Topics the seed gives section 3 and section 4 without a number.
SEED_TOPICS: dict[str, tuple[str, ...]] = {
    "3": (
        "risk matrix 2000",
        "learning disabilities",
        "female sexual offenders",
        "key tools",
        "street gangs",
        "threats to kill",
        "hate crime",
    ),
    "4": ("behavioural agreements", "risky behaviours", "change plans"),
}
PLACEHOLDER = re.compile(r"\b(lorem|ipsum|todo|tbd|fixme|coming soon)\b", re.IGNORECASE)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, text[match.end() :]


def content_pages() -> Iterator[Path]:
    for folder in SECTION_DIRS:
        yield from sorted((DOCS / folder).glob("*.md"))


def all_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "_data" not in p.parts)


def pages_by_number() -> dict[str, tuple[Path, dict[str, Any], str]]:
    pages = {}
    for path in content_pages():
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        pages[str(meta.get("section"))] = (path, meta, body)
    return pages


def prose_words(body: str) -> int:
    """Words of prose: no References list, code, tool directives or markup."""
    body = re.split(r"^## References\s*$", body, flags=re.MULTILINE)[0]
    body = re.sub(r"^```.*?^```", "", body, flags=re.MULTILINE | re.DOTALL)
    body = re.sub(r"^///.*$", "", body, flags=re.MULTILINE)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", body))


def test_the_six_sections_exist_with_overviews() -> None:
    for number, folder in enumerate(SECTION_DIRS, start=1):
        meta, _ = split_front_matter((DOCS / folder / "index.md").read_text(encoding="utf-8"))
        assert str(meta.get("section")) == str(number), folder


@pytest.mark.parametrize("number", sorted(SEED_SECTIONS))
def test_every_subsection_the_seed_names_exists_with_its_topic(number: str) -> None:
    pages = pages_by_number()
    assert number in pages, f"section {number} is missing"
    title = str(pages[number][1]["title"]).casefold()
    for word in SEED_SECTIONS[number]:
        assert word in title, f"{number} {title!r} should be about {word!r}"


@pytest.mark.parametrize("top", sorted(SEED_TOPICS))
def test_unnumbered_seed_topics_have_pages(top: str) -> None:
    titles = [
        str(meta["title"]).casefold()
        for number, (_, meta, _) in pages_by_number().items()
        if number.split(".")[0] == top
    ]
    for topic in SEED_TOPICS[top]:
        assert any(topic in t for t in titles), f"no page in section {top} about {topic!r}"


def test_numbering_has_no_gaps() -> None:
    numbers = set(pages_by_number())
    for number in numbers:
        parts = [int(p) for p in number.split(".")]
        for depth in range(1, len(parts)):
            parent = ".".join(map(str, parts[:depth]))
            assert parent in numbers, f"{number} exists but its parent {parent} does not"
        for earlier in range(1, parts[-1]):
            sibling = ".".join(map(str, [*parts[:-1], earlier]))
            assert sibling in numbers, f"{number} exists but {sibling} does not"


@pytest.mark.parametrize("path", list(content_pages()), ids=lambda p: p.name)
def test_page_front_matter_heading_and_references(path: Path) -> None:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    for key in ("section", "title", "last_reviewed", "next_review"):
        assert meta.get(key), f"{path.name}: front matter needs {key}"
    assert isinstance(meta["last_reviewed"], date) and isinstance(meta["next_review"], date)
    assert meta["next_review"] > meta["last_reviewed"]
    assert "changed_in" not in meta and "change_note" not in meta, (
        f"{path.name}: write changes: {{\"4.36\": \"…\"}} instead")
    for edition, note in (meta.get("changes") or {}).items():
        assert isinstance(edition, str) and str(note).strip(), f"{path.name}: empty change note"
    first_heading = re.search(r"^# (.+)$", body, re.MULTILINE)
    assert first_heading and first_heading.group(1).strip() == f"{meta['section']} {meta['title']}"
    references = re.search(r"^## References\s*\n(.+)", body, re.MULTILINE | re.DOTALL)
    assert references, f"{path.name}: needs a References section"
    assert re.search(r"^\s*[-*\d]", references.group(1), re.MULTILINE), "References is empty"


@pytest.mark.parametrize("path", list(content_pages()), ids=lambda p: p.name)
def test_word_floor(path: Path) -> None:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    floor = 600 if str(meta.get("section")) in LONG_PAGES else 300
    assert prose_words(body) >= floor, f"{path.name}: {prose_words(body)} words, needs {floor}"


@pytest.mark.parametrize("path", all_pages(), ids=lambda p: p.name)
def test_no_placeholder_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = PLACEHOLDER.search(text)
    assert not found, f"{path.name}: placeholder text {found.group(0)!r}"


def _nav_files(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)


def test_every_page_is_reachable_from_the_navigation() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    in_nav = set(_nav_files(config["nav"]))
    on_disk = [str(page.relative_to(DOCS)) for page in all_pages()]
    missing = [page for page in on_disk if page not in in_nav]
    assert not missing, f"not in the navigation: {missing}"


def test_prose_word_count_ignores_references_and_code() -> None:
    body = "One two three.\n\n```\ncode words here\n```\n\n## References\n\n- Ref words\n"
    assert prose_words(body) == 3
