"""Glossary abbreviations in a page's HTML → keyboard- and touch-operable toggletips.

The first use of each abbreviation on a page that is not already spelled out
("risk of serious harm (RoSH)") becomes `<abbr title>` (which
print expands) followed by a small button. The button is hidden until the
script runs; it opens a live region that reads as a definition ("RoSH: risk
of serious harm — the risk that…") with a link to the Glossary entry.
Headings, links, code, forms, buttons, tables, citations and everything after
a page's References heading are left alone: a control inside a control, a
heading, a table cell or a book title helps no one. The button and the tip
carry `data-search-exclude`, so search snippets never read "OASys?".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from html import escape

from mkdocs_plugins.glossary import Term

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)\s*>", re.DOTALL)
SKIP_TAGS = frozenset({
    "a", "abbr", "button", "code", "pre", "kbd", "samp", "script", "style", "svg", "title",
    "h1", "h2", "h3", "h4", "h5", "h6", "label", "legend", "select", "option", "textarea",
    "summary", "caption", "th", "dt", "nav", "form", "noscript", "table", "cite", "q",
})
SKIP_CLASSES = ("roh-tool", "admonition-title", "roh-citation", "roh-index")
#: A page's References list starts here: no toggletips from this heading on.
_REFERENCES = re.compile(r'<h2[^>]*\bid="references"', re.IGNORECASE)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every abbreviation, longest first, ending at a word's end.

    The start of the word is checked by _starts_word, not by a lookbehind here:
    a pattern that begins with its literals lets the regex engine skip ahead to
    their first letters, ten times faster over the whole guide.
    """
    names = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?:{names})(?![\w\-])")


_WORD_BEFORE = re.compile(r"[\w\-/.]")


def _starts_word(text: str, start: int) -> bool:
    """Not part of a longer word, path or file name ("XRoSH", "/OASys", "v.GLM")."""
    return start == 0 or not _WORD_BEFORE.match(text, start - 1)


def _explained(text: str, start: int) -> bool:
    """In brackets after its expansion: "risk of serious harm (RoSH)" is spelled out."""
    return text[:start].rstrip().endswith("(")


def _sentence_start(text: str) -> str:
    """"Risk of serious harm" → "risk of serious harm" inside a sentence; names keep capitals.

    Only a first word written as an ordinary word ("The", "A", "Risk") is
    lowered, and only when no later word is capitalised (so "Multi-Agency
    Public Protection Arrangements" and "Her Majesty's …" stay as they are).
    """
    words = text.split()
    if not words or not re.fullmatch(r"[A-Z][a-z\-]*", words[0]):
        return text
    if any(word[:1].isupper() for word in words[1:]):
        return text
    return text[:1].lower() + text[1:]


def _first_word_lowered(text: str) -> str:
    """The definition after a dash: "The risk that…" → "the risk that…", "OASys is…" kept."""
    first = text.split(" ", 1)[0]
    if re.fullmatch(r"[A-Z][a-z]+", first):
        return text[:1].lower() + text[1:]
    return text


def definition_text(term: Term) -> str:
    """What the tip says after the term: "risk of serious harm — the risk that…"."""
    if not term.expansion:
        return term.definition
    return f"{_sentence_start(term.expansion)} — {_first_word_lowered(term.definition)}"


def toggletip(term: Term, glossary_href: str, number: int) -> str:
    tip_id = f"tip-{term.anchor}-{number}"
    return (
        f'<span class="roh-abbr"><abbr title="{escape(term.expansion)}">{escape(term.term)}'
        f'</abbr><button type="button" class="roh-abbr__button" hidden aria-expanded="false" '
        f'aria-controls="{tip_id}" aria-label="What {escape(term.term)} means" '
        'data-search-exclude><span aria-hidden="true">?</span></button>'
        f'<span class="roh-abbr__tip" id="{tip_id}" role="status" data-search-exclude '
        f'data-text="{escape(definition_text(term))}" data-href="{escape(glossary_href)}" '
        f'data-term="{escape(term.term)}"></span></span>'
    )


def add_toggletips(html: str, terms: Iterable[Term], glossary_href: str) -> str:
    """Wrap the first use of each abbreviation (terms with an expansion) outside SKIP_TAGS."""
    pending = {t.term: t for t in terms if t.expansion}
    pattern = _pattern(tuple(pending))
    # Where the last possible use starts (a match in the whole page, tags
    # included, is a superset of the uses in its text): from there on, and once
    # every term is used, the rest of the page is copied as it is.
    last = max((m.start() for m in pattern.finditer(html)), default=-1) if pending else -1
    out: list[str] = []
    stack: list[bool] = []  # per open element: is it (or an ancestor) skipped?
    count = 0
    at = 0  # where this token starts in `html`
    for token in _TOKEN.split(html):
        if not token:
            continue
        if at > last or not pending:
            out.append(html[at:])
            break
        at += len(token)
        if _REFERENCES.match(token):
            pending = {}
        tag = _TAG.fullmatch(token) if token.startswith("<") else None
        if token.startswith("<"):
            out.append(token)
            if tag and not token.startswith("<!--"):
                closing, name, attrs, selfclose = tag.groups()
                name = name.lower()
                if name in VOID or selfclose:
                    continue
                if closing:
                    if stack:
                        stack.pop()
                else:
                    skip = (bool(stack and stack[-1]) or name in SKIP_TAGS
                            or any(c in attrs for c in SKIP_CLASSES))
                    stack.append(skip)
            continue
        if (stack and stack[-1]) or not pending:
            out.append(token)
            continue
        position = 0
        for match in pattern.finditer(token):
            term = pending.get(match.group(0))
            if (term is None or not _starts_word(token, match.start())
                    or _explained(token, match.start())):
                continue
            count += 1
            out.append(token[position:match.start()])
            out.append(toggletip(term, glossary_href, count))
            position = match.end()
            del pending[term.term]
        out.append(token[position:])
    return "".join(out)
