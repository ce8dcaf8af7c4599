"""Read an edition's numbered pages from their front matter, and check their uids.

A uid is how a section is known across editions: numbers and titles may change,
a uid never does. Every build reads every published edition's pages (the
current one in docs/, frozen ones in versions/<edition>/docs/), so only the
front matter is parsed: a few lines per file, not the Markdown.
Pure apart from reading files; mistakes raise LocatedError naming file:line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mkdocs_plugins.source import LocatedError

#: kebab-case: lower-case letters and digits in words joined by single hyphens.
UID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
UID_MAX = 60
#: Folders of docs/ that hold data, not pages (mkdocs.yml's exclude_docs).
DATA_DIR = "_data"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_LEADING_NUMBER = re.compile(r"^\d[\d.]*-")


@dataclass(frozen=True)
class SectionRef:
    """One numbered page of one edition, as its front matter describes it."""

    uid: str
    number: str
    title: str
    #: The page's path inside its docs folder, e.g. "1-basics/1.2-risk-levels.md".
    src_uri: str
    #: Where the uid is written, for messages: "versions/1.0/docs/…md:3".
    where: str
    last_reviewed: datetime.date | None
    next_review: datetime.date | None

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}"


@dataclass(frozen=True)
class PageMeta:
    """What the editions plugin needs of any page: its dates, and its uid if numbered."""

    src_uri: str
    section: SectionRef | None
    last_reviewed: datetime.date | None
    next_review: datetime.date | None


def suggest_uid(src_uri: str) -> str:
    """A uid made from the file name: '2-x/2.6.4-risk-levels.md' → 'risk-levels'."""
    path = Path(src_uri)
    stem = path.parent.name if path.stem == "index" else path.stem
    slug = re.sub(r"[^a-z0-9]+", "-", _LEADING_NUMBER.sub("", stem).lower()).strip("-")
    return slug or "section"


def _split(text: str) -> tuple[list[str], dict[str, Any]]:
    """The front matter's lines and its parsed mapping ({} when there is none)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return [], {}
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            block = lines[1:index]
            try:
                meta = yaml.load("\n".join(block), Loader=_Loader)
            except yaml.YAMLError:
                return [], {}  # MkDocs itself reports front matter it cannot read
            return block, meta if isinstance(meta, dict) else {}
    return [], {}


def _key_line(block: list[str], key: str) -> int:
    """The 1-based file line of `key:` in the front matter (line 1 is the opening ---)."""
    for index, line in enumerate(block):
        match = _KEY.match(line)
        if match and match.group(1) == key:
            return index + 2
    return 1


def _date(meta: dict[str, Any], key: str, where: str) -> datetime.date | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise LocatedError(where, f"{key} must be a date written YYYY-MM-DD, not {value!r}")


def read_page(src_uri: str, text: str, shown: str) -> PageMeta:
    """One page's dates and section; `shown` is its docs folder as messages name it."""
    block, meta = _split(text)
    path = f"{shown}{src_uri}"
    reviewed = _date(meta, "last_reviewed", f"{path}:{_key_line(block, 'last_reviewed')}")
    due = _date(meta, "next_review", f"{path}:{_key_line(block, 'next_review')}")
    number = str(meta.get("section") or "").strip()
    uid = meta.get("uid")
    if not number:
        if uid is not None:
            raise LocatedError(f"{path}:{_key_line(block, 'uid')}", "only numbered pages "
                               "(with section: in their front matter) have a uid; remove it")
        return PageMeta(src_uri, None, reviewed, due)
    if uid is None or str(uid).strip() == "":
        raise LocatedError(
            f"{path}:{_key_line(block, 'section')}",
            f"section {number} has no uid: add the line 'uid: {suggest_uid(src_uri)}' right "
            "after section: (a permanent name for the section that never changes, even "
            "when it is renumbered or retitled)")
    where = f"{path}:{_key_line(block, 'uid')}"
    text_uid = str(uid).strip()
    if not isinstance(uid, str) or not UID.match(text_uid) or len(text_uid) > UID_MAX:
        raise LocatedError(where, f"uid {text_uid!r} is not a valid uid: write lower-case "
                           f"words joined by hyphens, at most {UID_MAX} characters, e.g. "
                           f"'{suggest_uid(src_uri)}'")
    title = str(meta.get("title") or "").strip()
    section = SectionRef(text_uid, number, title, src_uri, where, reviewed, due)
    return PageMeta(src_uri, section, reviewed, due)


def page_files(docs_dir: Path) -> list[str]:
    """Every Markdown page under `docs_dir` (its data folder excluded), sorted."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if path.relative_to(docs_dir).parts[0] != DATA_DIR
    )


def read_edition(docs_dir: Path, shown: str) -> dict[str, PageMeta]:
    """Every page of one edition by src_uri, with its uid checked for duplicates."""
    pages: dict[str, PageMeta] = {}
    owners: dict[str, SectionRef] = {}
    for src_uri in page_files(docs_dir):
        page = read_page(src_uri, (docs_dir / src_uri).read_text("utf-8"), shown)
        section = page.section
        if section is not None:
            first = owners.get(section.uid)
            if first is not None:
                raise LocatedError(section.where, f"uid {section.uid!r} is already the uid of "
                                   f"section {first.number} ({first.where}): every section "
                                   "needs its own")
            owners[section.uid] = section
        pages[src_uri] = page
    return pages
