"""The guide's one glossary (docs/_data/glossary.yml), shared by the plugins it drives:
the Glossary page (guide_pages), toggletips and index "see" entries (sections)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs_plugins.guide_pages.data import load_entries

GLOSSARY_FILE = "_data/glossary.yml"
REQUIRED = ("term", "definition", "source")


@dataclass(frozen=True)
class Term:
    """A glossary term; `expansion` is set for abbreviations ("RoSH" → "Risk of serious harm")."""

    term: str
    expansion: str
    definition: str

    @property
    def anchor(self) -> str:
        return anchor(self.term)


_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def sort_key(term: str) -> str:
    """Alphabetical order ignoring case and a leading article ("the Good Lives Model" → G)."""
    return _LEADING_ARTICLE.sub("", term.strip()).casefold()


def anchor(term: str) -> str:
    """The id of a term on the Glossary page: 'RM2000' → 'rm2000'."""
    return re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-")


def load_glossary(docs_dir: Path) -> list[Term]:
    entries = load_entries(docs_dir / GLOSSARY_FILE, f"docs/{GLOSSARY_FILE}", REQUIRED)
    return [Term(e.text("term"), e.text("expansion"), " ".join(e.text("definition").split()))
            for e in entries]
