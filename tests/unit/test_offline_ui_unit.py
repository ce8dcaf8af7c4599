"""The offline page's source and the Tools page's offline control, made without a build."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mkdocs_plugins.offline import fallback
from mkdocs_plugins.tool_forms import tools_page

NAV = [
    {"Home": "index.md"},
    {"Tools": "tools.md"},
    {"2 Basic risk assessment": [
        "2-basic-risk-assessment/index.md",
        "2-basic-risk-assessment/2.2-oasys.md",
        {"Deeper": ["2-basic-risk-assessment/2.6.4-risk-levels.md"]},
    ]},
    {"Mixed": ["a/one.md", "b/two.md"]},  # no single folder: not a group
    "loose.md",
]


def _config(**values: Any) -> MkDocsConfig:
    return cast(MkDocsConfig, SimpleNamespace(**values))


def test_groups_are_the_navs_sections_with_one_folder_each() -> None:
    assert fallback.groups(NAV) == [("2-basic-risk-assessment/", "2 Basic risk assessment")]
    assert fallback.groups(None) == []


def test_the_page_has_the_go_to_box_the_groups_and_says_what_to_do() -> None:
    text = fallback.markdown(_config(nav=NAV))
    assert text.startswith("---\n") and "robots: noindex" in text
    assert re.search(r"search:\n\s+exclude: true", text)
    assert "# You are offline" in text
    assert "When you are back online, reload to see the page." in text
    form = re.search(r'<form class="roh-goto roh-goto--page" data-goto [^>]*>.*?</form>', text)
    assert form, "the Go to section box, styled as on the 404 page"
    assert 'id="roh-offline-goto-input"' in form.group(0)  # its own ids, not the header's
    attribute = re.search(r'data-groups="([^"]*)"', text)
    assert attribute
    assert json.loads(unescape(attribute.group(1))) == [
        ["2-basic-risk-assessment/", "2 Basic risk assessment"]]
    assert "<!-- roh:" not in text


def test_a_docs_page_of_the_same_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "offline.md").write_text("# Mine\n")
    with pytest.raises(PluginError, match=r"offline\.md"):
        fallback.page_file(_config(docs_dir=str(tmp_path), nav=NAV))


def test_the_templates_folder_goes_after_the_sites_overrides() -> None:
    theme = SimpleNamespace(dirs=["/overrides", "/material", "/mkdocs"], custom_dir="/overrides")
    config = _config(theme=theme)
    fallback.configure(config)
    fallback.configure(config)  # twice (mkdocs serve rebuilds): added once
    assert theme.dirs == ["/overrides", str(fallback.TEMPLATES), "/material", "/mkdocs"]


def test_the_download_size_is_the_sum_of_the_boot_manifests_files() -> None:
    manifest = json.dumps({"files": [{"path": "a", "size": 13_000_000},
                                     {"path": "b", "size": 507_501}]}).encode()
    size = tools_page.download_size(manifest)
    assert size == 13_507_501
    assert tools_page.megabytes(size) == "13.5\N{NO-BREAK SPACE}MB"
    control = tools_page.offline_control(size)
    assert "about 13.5\N{NO-BREAK SPACE}MB of files" in control
    assert 'data-bytes="13507501"' in control
    assert re.search(r'<button type="button" class="roh-button" data-action="cache-tools" '
                     r"hidden>Make the tools available offline</button>", control)
    assert '<p class="roh-tools-offline__status" data-role="tools-offline-status" role="status">' \
        in control
    # Without JavaScript: only the sentence that is true without it.
    visible = re.sub(r"<[^>]+ hidden>.*?</[a-z]+>", "", control, flags=re.DOTALL)
    assert "the first time you use a tool" in visible and "use the button" not in visible
