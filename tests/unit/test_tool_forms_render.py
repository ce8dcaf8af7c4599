"""The rendered forms, pinned by golden files, and the structure assistive tech relies on.

To accept an intended change to the markup: ROH_UPDATE_GOLDEN=1 pytest tests/unit
then review the diff of tests/unit/golden/ like any other change.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_plugins.tool_forms.render import AssetUrls, render_form
from tools.core.registry import REGISTRY

GOLDEN = Path(__file__).parent / "golden"
URLS = AssetUrls(archive="../assets/tools/tools-0123456789ab.zip",
                 pyodide="../assets/pyodide/314.0.7/", worker="../assets/roh/tools-worker.mjs")


@pytest.mark.parametrize("slug", sorted(REGISTRY))
def test_rendered_form_matches_its_golden_file(slug: str) -> None:
    html = render_form(REGISTRY[slug][0], URLS)
    golden = GOLDEN / f"{slug}-form.html"
    if os.environ.get("ROH_UPDATE_GOLDEN") == "1":
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(slug: str) -> list[tuple[str, dict[str, str]]]:
    collector = _Collector()
    collector.feed(render_form(REGISTRY[slug][0], URLS))
    return collector.tags


@pytest.mark.parametrize("slug", sorted(REGISTRY))
def test_ids_are_unique_and_every_control_has_a_label(slug: str) -> None:
    found = tags(slug)
    ids = Counter(attrs["id"] for _, attrs in found if "id" in attrs)
    assert [i for i, n in ids.items() if n > 1] == []
    labelled = {attrs["for"] for tag, attrs in found if tag == "label"}
    controls = [attrs for tag, attrs in found if tag in ("input", "select", "textarea")]
    assert controls and all(attrs["id"] in labelled for attrs in controls)


@pytest.mark.parametrize("slug", sorted(REGISTRY))
def test_described_by_points_at_elements_that_exist(slug: str) -> None:
    found = tags(slug)
    ids = {attrs["id"] for _, attrs in found if "id" in attrs}
    for _, attrs in found:
        for target in attrs.get("aria-describedby", "").split():
            assert target in ids


def test_no_inline_script_or_style_in_a_form() -> None:
    for slug in REGISTRY:
        html = render_form(REGISTRY[slug][0], URLS)
        assert "<script" not in html and "style=" not in html
        assert not re.search(r"\son\w+=", html)  # no inline event handlers


def test_free_text_in_the_schema_is_escaped() -> None:
    from dataclasses import replace

    tool = replace(REGISTRY["ogrs3"][0], summary="<b>bold</b> & more")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in render_form(tool, URLS)
