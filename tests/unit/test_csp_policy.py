"""Which inline scripts the policy governs, and which of them are the theme's own."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from mkdocs.exceptions import PluginError

from mkdocs_plugins.csp.plugin import CspPlugin, foreign_script, snippet
from mkdocs_plugins.csp.policy import inline_scripts, script_hash, with_placeholder
from mkdocs_plugins.csp.theme_scripts import THEME_SCRIPTS, theme_script

TEMPLATES = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
SCOPE = THEME_SCRIPTS["base.html: storage scope"]


def rendered(body: str, url: str) -> str:
    """A template's script as Jinja writes it: each {{ … }} is an address."""
    return re.sub(r"\{\{.*?\}\}", url, body)


def test_every_inline_script_in_the_installed_theme_is_recognised() -> None:
    """Fails after a theme upgrade that changes a script: review it, then update the list."""
    found = set()
    for template in sorted(TEMPLATES.glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text("utf-8"), re.DOTALL):
            for url in ("../..", ".", "/", "https://guide.example/4.36/"):
                name = theme_script(rendered(body, url))
                assert name is not None and name.startswith(template.name), (template, body)
                found.add(name)
    assert found == set(THEME_SCRIPTS)


@pytest.mark.parametrize("url", ['.."),alert(1),("', "..\\", "a b", "..</script>"])
def test_the_address_hole_cannot_break_out_of_its_string(url: str) -> None:
    assert theme_script(SCOPE.replace("{url}", url)) is None


def test_a_script_that_only_starts_like_the_theme_s_is_not_the_theme_s() -> None:
    assert theme_script(SCOPE.replace("{url}", "..") + ";fetch('/x')") is None


@pytest.mark.parametrize(("tag", "governed"), [
    ("<script>a()</script>", True),
    ('<script type="">a()</script>', True),
    ('<script type="text/ecmascript">a()</script>', True),
    ("<script type=module>a()</script>", True),
    ('<script type="importmap">{}</script>', True),
    ('<script language="javascript">a()</script>', True),
    ('<script data-src="x.js">a()</script>', True),
    ('<script data-note="a > b">a()</script>', True),
    ('<script src="x.js"></script>', False),
    ('<script id="__config" type="application/json">{"a": 1}</script>', False),
    ('<script type="text/template"><b>x</b></script>', False),
])
def test_which_inline_scripts_the_policy_governs(tag: str, governed: bool) -> None:
    assert bool(inline_scripts(f"<p>x</p>{tag}")) is governed


def test_foreign_scripts_are_found_and_theme_scripts_are_not() -> None:
    theme = f'<script>{SCOPE.replace("{url}", "../..")}</script>'
    assert foreign_script(inline_scripts(theme)) is None
    assert foreign_script(inline_scripts(theme + "<script>steal()</script>")) == "steal()"


def test_snippets_are_one_short_line() -> None:
    assert snippet("  a\n\n  b  ") == "a b"
    assert snippet("x" * 100) == "x" * 60 + "…"


def test_the_hash_is_the_browser_s_sha256_of_the_text() -> None:
    assert script_hash("") == "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def _plugin_after_build(site: Path) -> None:
    plugin = CspPlugin()
    plugin.load_config({})
    config = SimpleNamespace(site_dir=str(site))
    plugin.on_pre_build(config=config)  # type: ignore[arg-type]
    plugin.on_post_build(config=config)  # type: ignore[arg-type]


def test_a_generated_file_with_an_inline_script_fails_the_build(tmp_path: Path) -> None:
    """Files other plugins generate (short routes, cards) skip on_post_page."""
    route = tmp_path / "s" / "1" / "index.html"
    route.parent.mkdir(parents=True)
    route.write_text(with_placeholder("<html><head><meta charset=utf-8></head><body>"
                                      "<script>location.href='x'</script></body></html>"), "utf-8")
    with pytest.raises(PluginError, match=r"the generated file s/1/index.html has an inline "
                                          r"script, which the policy does not allow"):
        _plugin_after_build(tmp_path)


def test_the_policy_file_holds_exactly_the_policy_the_pages_get(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(with_placeholder("<html><head><meta charset=utf-8></head></html>"), "utf-8")
    _plugin_after_build(tmp_path)
    text = (tmp_path / "content-security-policy.txt").read_text("utf-8")
    assert f'content="{text}"' in page.read_text("utf-8") and "\n" not in text
