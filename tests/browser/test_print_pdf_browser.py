"""The whole guide printed to PDF by Chromium, read back with pdftotext: one print.

The cover, a contents entry with where to find it (Chromium has no
target-counter(), so the entry gives its short link, not a page number), the
running footer, no on-screen instructions, and no run of half-empty pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.browser.conftest import Session

#: A page with fewer lines than this is "short". Before print.css, 45 of 203
#: printed pages were; now the short ones are the cover and the last page of the
#: contents, of each core section and of the index.
SHORT_PAGE_LINES = 25
MAX_SHORT_PAGES = 10


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each printed page, laid out as printed."""
    assert shutil.which("pdftotext"), "pdftotext is missing: make test installs poppler-utils"
    path = tmp_path / "guide.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return done.stdout.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_printed_guide_has_a_cover_contents_footers_and_no_screen_instructions(
    session: Session, tmp_path: Path
) -> None:
    page = session.open("print/")
    pages = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True), tmp_path)
    text = flat("\n".join(pages))
    cover = flat(pages[0])
    assert cover.startswith("Risk of Harm Guide Assessing and managing the risk of serious harm")
    assert "Edition 5.0 · December 2026" in cover
    assert "Check the online version before you rely on this copy" in cover
    assert session.base_url in cover
    assert not re.search(r"\d+ of \d+$", cover), "the cover has no footer"
    # A contents entry, on the line with its short link.
    line = next(ln for ln in pages[1].splitlines() if "Risk levels in practice" in ln)
    assert re.search(r"2\.6\.4\s+Risk levels in practice\s+" + re.escape(
        session.base_url + "s/2.6.4/"), line), line
    assert re.search(r"^\s*2\.6\.1\s+Scenario planning", pages[1], re.MULTILINE)
    assert "Use your browser's Print command" not in text and "Print the whole guide" not in text
    assert "Use the letters below" not in text and "Copy link" not in text
    assert "Trainer card" not in text
    # Running footers: the edition everywhere, the core section and its link in its pages.
    opening = next(p for p in pages if "2.6.4 Risk levels in practice Cite as" in flat(p))
    assert ("Risk of Harm Guide · edition 5.0 · 2 Basic risk assessment · "
            f"{session.base_url}s/2/") in flat(opening)
    assert "Cite as section 2.6.4. Short link: " + session.base_url + "s/2.6.4/" in flat(opening)
    assert re.search(r"\d+ of " + str(len(pages)), flat(pages[1]))
    short = [i + 1 for i, p in enumerate(pages)
             if len([ln for ln in p.splitlines() if ln.strip()]) < SHORT_PAGE_LINES]
    assert len(short) <= MAX_SHORT_PAGES, f"half-empty pages: {short}"
