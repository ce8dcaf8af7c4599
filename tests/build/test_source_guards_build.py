"""The build refuses bad sources, naming `docs/<path>:<line>` in the file the author edits.

Each case is a small broken copy of a fixture site built in a tmp folder. Every one
of these built "successfully" before the guards existed (front matter published as
page text, duplicate ids, `[§1.2.]` linked anyway, an author's `<script>` hashed
into the policy, an unknown option reported at the directive's line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.conftest import SiteMaker, run_build

FRONT = "---\nsection: \"1.3\"\ntitle: T\n---\n\n# 1.3 Late\n\n"  # the body text is on line 8
TOOL_FRONT = "---\ntitle: Twice\n---\n\n# Twice\n\n"  # the body starts on line 7


def fails_with(config: Path, out: Path, message: str) -> None:
    build = run_build(config, out)
    assert build.returncode != 0, build.output
    assert message in build.output, build.output


@pytest.mark.parametrize(("source", "message"), [
    ("---\ntitle: Notes\n\n# Notes\n\nText.\n",
     "docs/notes.md:1: the front matter that starts here is never closed: add a line '---' "
     "after its last setting"),
    ("---\ntitle: Notes\nsummary: one: two\n---\n\n# Notes\n",
     "docs/notes.md:3: the front matter is not valid YAML: mapping values are not allowed here"),
    ("---\ntitle: Notes\nsummary Notes\n---\n\n# Notes\n",
     "docs/notes.md:3: the front matter is not valid YAML: could not find expected ':'"),
    ("---\n- title\n- notes\n---\n\n# Notes\n",
     "docs/notes.md:2: the front matter must be settings written 'name: value', one a line; "
     "this is a list"),
    ("---\n\n---\n\n# Notes\n",
     "docs/notes.md:1: the front matter is empty: remove its two '---' lines or add settings"),
])
def test_malformed_front_matter_fails_the_build(
    fixture_site: SiteMaker, tmp_path: Path, source: str, message: str
) -> None:
    fails_with(fixture_site("sections-site", {"notes.md": source}), tmp_path / "out", message)


def test_the_same_tool_twice_on_a_page_fails_at_the_second(
    fixture_site: SiteMaker, tmp_path: Path
) -> None:
    body = TOOL_FRONT + "/// tool | ogrs3\n///\n\nText.\n\n/// tool | ogrs3\n///\n"
    fails_with(fixture_site(pages={"twice.md": body}), tmp_path / "out",
               "docs/twice.md:12: the ogrs3 tool is already on this page (line 7): a page can "
               "hold each tool once, as the form's ids must be unique")


@pytest.mark.parametrize(("reference", "message"), [
    ("[§1.2.]", "malformed section reference [§1.2.]: write the number alone, like [§2.6.4] "
                "(did you mean [§1.2]?)"),
    ("[§1..2]", "malformed section reference [§1..2]: write the number alone, like [§2.6.4] "
                "(did you mean [§1.2]?)"),
    ("[§ 1.2]", "malformed section reference [§ 1.2]: write the number alone, like [§2.6.4] "
                "(did you mean [§1.2]?)"),
    ("[§]", "empty section reference [§]: write the section's number, like [§2.6.4]"),
    ("[§1.2", "section reference [§1.2 is never closed: write it like [§2.6.4]"),
])
def test_a_malformed_section_reference_fails_at_its_line(
    fixture_site: SiteMaker, tmp_path: Path, reference: str, message: str
) -> None:
    page = FRONT + f"Ordinary text.\nSee {reference} for more.\n"
    fails_with(fixture_site("sections-site", {"1-alpha/1.3-late.md": page}), tmp_path / "out",
               f"docs/1-alpha/1.3-late.md:9: {message}")


def test_an_inline_script_in_a_page_source_fails_at_its_line(
    fixture_site: SiteMaker, tmp_path: Path
) -> None:
    page = "# Fixture home\n\nStart at [§1]. `<script>` in code is fine.\n\n<script>alert(1)</script>\n"
    fails_with(fixture_site("sections-site", {"index.md": page}), tmp_path / "out",
               "docs/index.md:5: a page may not contain a <script> element")


def test_an_inline_script_the_theme_does_not_write_fails_the_build(
    fixture_site: SiteMaker, tmp_path: Path
) -> None:
    """A template override is not a page source; the built page is checked instead."""
    config = fixture_site("sections-site")
    overrides = config.parent / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block scripts %}{{ super() }}'
        '{% if page and page.file and page.file.src_uri == "1-alpha/1.1-beta.md" %}'
        '<script>fetch("/collect?" + document.title)</script>{% endif %}{% endblock %}', "utf-8")
    config.write_text(config.read_text("utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    fails_with(config, tmp_path / "out",
               "the built page 1-alpha/1.1-beta/index.html (from docs/1-alpha/1.1-beta.md) has "
               "an inline script that is not one of the theme's: "
               "'fetch(\"/collect?\" + document.title)'")


@pytest.mark.parametrize(("body", "message"), [
    ("/// tool | ogrs3\ntitle: Mine\nheading_level: 2\nheading_levle: 2\n///\n",
     "docs/broken.md:10: unknown option 'heading_levle' for a tool directive (did you mean "
     "'heading_level'?)"),
    ("/// tool | ogrs3\ntitle: Mine\nheading_level: 7\n///\n",
     "docs/broken.md:9: option 'heading_level': Expected one of: (2, 3, 4) but received: 7"),
    ("/// tool | ogrs3\nheading_level: 2\ntitle: [Mine\n///\n",
     "docs/broken.md:9: option 'title': '[Mine' cannot be read as a value: put text in quotes"),
])
def test_a_bad_directive_option_is_reported_at_its_own_line(
    fixture_site: SiteMaker, tmp_path: Path, body: str, message: str
) -> None:
    fails_with(fixture_site(pages={"broken.md": TOOL_FRONT + body}), tmp_path / "out", message)
