"""tool_forms and csp in a real build: the forms, the assets, and every author error.

Errors must name the file and line the author edits (front matter counted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.build.conftest import SiteMaker, build_clean, run_build
from tools.core.registry import REGISTRY
from tools.ogrs3 import TOOL as OGRS3
from tools.risk_management_plan import TOOL as PLAN

FRONT_MATTER = "---\ntitle: Broken\n---\n\n# Broken\n\n"  # the body starts on line 7


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once for the tests that only read it."""
    return build_clean("tool-site", tmp_path_factory)


def test_the_form_is_rendered_with_field_names_equal_to_the_schema(good: Path) -> None:
    html = (good / "calculator" / "index.html").read_text("utf-8")
    names = set(re.findall(r'\bname="([^"]+)"', html.split('class="roh-tool"')[1]))
    assert names == {f.name for f in OGRS3.fields()}
    assert '<h2 class="roh-tool__title" id="tool-ogrs3-title" tabindex="-1">OGRS3 calculator</h2>' in html
    assert 'aria-live="polite"' in html and 'data-role="error-summary"' in html
    assert "<noscript>" in html
    assert "ROHTOOLFORM" not in html


def test_repeating_groups_and_options(good: Path) -> None:
    html = (good / "section" / "checklist" / "index.html").read_text("utf-8")
    assert '<h3 class="roh-tool__title" id="tool-risk-management-plan-title" tabindex="-1">Plan checklist</h3>' in html
    for group in PLAN.repeats():
        for field in group.fields:
            assert f'name="{group.name}.1.{field.name}"' in html
    assert 'data-action="keep-draft"' in html and 'data-drafts' in html


def test_asset_urls_are_relative_to_each_page(good: Path) -> None:
    html = (good / "section" / "checklist" / "index.html").read_text("utf-8")
    archive = re.search(r'data-archive="([^"]+)"', html)
    assert archive and archive.group(1).startswith("../../assets/tools/tools-")
    assert (good / "section" / "checklist" / archive.group(1)).resolve().is_file()
    pyodide = re.search(r'data-pyodide="([^"]+)"', html)
    assert pyodide and (good / "section" / "checklist" / pyodide.group(1) / "pyodide.mjs").resolve().is_file()


def test_only_the_pyodide_files_a_boot_needs_are_copied(good: Path) -> None:
    (folder,) = (good / "assets" / "pyodide").iterdir()
    assert sorted(p.name for p in folder.iterdir()) == [
        "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs",
        "python_stdlib.zip"]
    assert '"packages": {}' in (folder / "pyodide-lock.json").read_text("utf-8")


def test_one_identical_policy_on_every_page_covering_every_inline_script(good: Path) -> None:
    from mkdocs_plugins.csp.policy import inline_script_hashes

    policies = set()
    hashes: set[str] = set()
    for page in good.rglob("*.html"):
        html = page.read_text("utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(found) == 1, page
        policies.add(found[0])
        hashes |= inline_script_hashes(html)
        assert html.index("Content-Security-Policy") < html.index("<script"), page
    (policy,) = policies
    for required in ("default-src 'self'", "connect-src 'self'", "object-src 'none'",
                     "base-uri 'self'", "worker-src 'self' blob:"):
        assert required in policy
    assert "script-src 'self' 'wasm-unsafe-eval' " in policy
    assert all(f"'{h}'" in policy for h in hashes) and hashes
    assert "unsafe-eval'" not in policy.replace("wasm-unsafe-eval'", "")
    assert "https:" not in policy and "*" not in policy


def test_no_page_names_another_host_for_anything_it_loads(good: Path) -> None:
    for page in good.rglob("*.html"):
        html = page.read_text("utf-8")
        tags = re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html)
        # rel=canonical names the page's public address; browsers do not fetch it.
        loading = [t for t in tags if 'rel="canonical"' not in t]
        assert not [t for t in loading if re.search(r'(?:src|href)="(?:https?:)?//', t)], page


def test_two_builds_produce_the_same_tools_archive(
    fixture_site: SiteMaker, good: Path, tmp_path: Path
) -> None:
    again = run_build(fixture_site(), tmp_path / "again")
    assert again.returncode == 0, again.output
    first = sorted((good / "assets" / "tools").iterdir())
    second = sorted((again.site / "assets" / "tools").iterdir())
    assert [p.name for p in first] == [p.name for p in second]
    assert first[0].read_bytes() == second[0].read_bytes()


@pytest.mark.parametrize(("body", "message"), [
    ("/// tool | ogrs\n///\n",
     "docs/broken.md:7: unknown tool 'ogrs' (did you mean 'ogrs3'?); the tools are "
     + ", ".join(sorted(REGISTRY))),
    ("Text.\n\n/// tool | ogrs3\nheading_levle: 2\n///\n",
     "docs/broken.md:10: unknown option 'heading_levle' for a tool directive (did you mean "
     "'heading_level'?); options are title, heading_level"),
    ("/// tool | ogrs3\nheading_level: 7\n///\n",
     "docs/broken.md:8: option 'heading_level': Expected one of: (2, 3, 4) but received: 7"),
    ("/// tool | ogrs3\n\nMore text.\n",
     "docs/broken.md:7: the '/// tool | ogrs3' directive is never closed: add a line '///' "
     "after it"),
    ("/// tool | ogrs3\nThis is prose.\n///\n",
     "docs/broken.md:8: a tool directive holds only options written 'name: value'; put other "
     "text outside the block"),
    ("/// tools | ogrs3\n///\n",
     "docs/broken.md:7: unknown directive 'tools' (did you mean 'tool'?)"),
    ("/// tool\n///\n",
     "docs/broken.md:7: the tool directive needs a slug: '/// tool | <slug>'"),
    ("- a list item\n\n    /// tool | ogrs3\n    ///\n",
     "docs/broken.md:9: a directive must start at the beginning of a line, not inside a "
     "list or an indented block"),
])
def test_a_broken_directive_fails_the_build_naming_file_and_line(
    fixture_site: SiteMaker, tmp_path: Path, body: str, message: str
) -> None:
    config = fixture_site(pages={"broken.md": FRONT_MATTER + body})
    build = run_build(config, tmp_path / "out")
    assert build.returncode != 0
    assert message in build.output, build.output


def test_directives_inside_code_fences_are_left_alone(good: Path) -> None:
    html = (good / "index.html").read_text("utf-8")
    assert "/// tool | not-a-tool" in html
    assert 'data-module="roh-tool"' not in html
