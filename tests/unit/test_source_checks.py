"""Front matter and <script> checks on page sources: what fails, where, and what passes."""

from __future__ import annotations

import pytest

from mkdocs_plugins.source import LocatedError
from mkdocs_plugins.source_checks import check_front_matter, check_no_scripts


@pytest.mark.parametrize("source", [
    "# No front matter\n",
    "",
    "---\ntitle: Fine\nsection: \"1.2\"\n---\n\n# 1.2 Fine\n",
    "---\ntitle: Fine\n...\n# Closed with dots, as YAML allows\n",
    "----\n\nA page that starts with a long rule has no front matter.\n",
    "---\n{}\n---\n# An empty mapping is still a mapping\n",
])
def test_good_sources_pass(source: str) -> None:
    check_front_matter("page.md", source)


@pytest.mark.parametrize(("source", "where", "message"), [
    ("---\ntitle: Notes\n\n# Notes\n", "docs/page.md:1",
     "the front matter that starts here is never closed: add a line '---' after its last "
     "setting"),
    ("---\ntitle: Notes\nsummary: one: two\n---\n", "docs/page.md:3",
     "the front matter is not valid YAML: mapping values are not allowed here; write one "
     "'name: value' a line"),
    # A key missing its ':' is reported at that key, not at the line after it.
    ("---\ntitle: Notes\nsummary Notes\nmore: x\n---\n", "docs/page.md:3",
     "the front matter is not valid YAML: could not find expected ':'"),
    ("---\ntitle: Notes\n- item\n---\n", "docs/page.md:3",
     "the front matter is not valid YAML: expected <block end>, but found '-'"),
    ("---\n- a\n- b\n---\n", "docs/page.md:2",
     "the front matter must be settings written 'name: value', one a line; this is a list"),
    ("---\nJust a sentence.\n---\n", "docs/page.md:2", "this is a line of text"),
    ("---\n# only a comment\n---\n", "docs/page.md:2", "this is only comments"),
    ("---\n\n---\n", "docs/page.md:1",
     "the front matter is empty: remove its two '---' lines or add settings"),
    ("---\ntitle: Notes\n---", "docs/page.md:3",
     "end the front matter's closing '---' line with a line break"),
])
def test_broken_front_matter_is_located(source: str, where: str, message: str) -> None:
    with pytest.raises(LocatedError) as raised:
        check_front_matter("page.md", source)
    assert raised.value.where == where
    assert message in raised.value.message


@pytest.mark.parametrize(("body", "line"), [
    ("Text.\n\n<script>alert(1)</script>\n", 3),
    ("Text with <SCRIPT SRC=x.js></SCRIPT> in it.\n", 1),
    ("`code` then <script>x()</script>\n", 1),
    ('<div markdown>\n<script type="module">import "x";</script>\n</div>\n', 2),
])
def test_a_script_tag_outside_code_is_refused_at_its_line(body: str, line: int) -> None:
    with pytest.raises(LocatedError) as raised:
        check_no_scripts("a/page.md", body, first_line=5)
    assert raised.value.where == f"docs/a/page.md:{line + 4}"
    assert raised.value.message.startswith("a page may not contain a <script> element")


@pytest.mark.parametrize("body", [
    "Write `<script>` in backticks.\n",
    "```html\n<script>shown as code</script>\n```\n",
    "~~~~\n```\n<script>still code</script>\n```\n~~~~\n",
    "A <scripture> reading and a <noscript> note.\n",
])
def test_scripts_shown_as_code_and_lookalikes_pass(body: str) -> None:
    check_no_scripts("page.md", body, first_line=1)
