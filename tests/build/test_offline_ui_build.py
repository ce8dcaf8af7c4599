"""What readers see of offline use, in the built site, in both editions: the
offline page (`offline/`: the Go to section box, noindex, out of the nav, search
and sitemap, nothing of a frozen edition's words changed) and the Tools page's
"Make the tools available offline" control with the download size the boot
manifest gives."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from mkdocs_plugins.tool_forms import tools_page
from tests.build.conftest import ROOT, run_build

_CONTROL = re.compile(r'<div class="roh-tools-offline" id="tools-offline" data-roh-tools-offline '
                      r'data-bytes="(\d+)">(.*?)</div>', re.DOTALL)


@pytest.fixture(scope="module")
def frozen_436(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("offline-ui-436") / "site"
    build = run_build(ROOT / "versions" / "4.36" / "mkdocs.yml", site)
    assert build.returncode == 0, build.output
    return site


def _manifest_bytes(site: Path) -> int:
    manifest = json.loads((site / "assets" / "roh" / "boot-manifest.json").read_text("utf-8"))
    return sum(int(item["size"]) for item in manifest["files"])


@pytest.mark.parametrize("edition", ["5.0", "4.36"])
def test_the_tools_page_offers_the_tools_offline_with_the_manifests_size(
    edition: str, guide: Path, frozen_436: Path
) -> None:
    site = guide if edition == "5.0" else frozen_436
    html = (site / "tools" / "index.html").read_text("utf-8")
    control = _CONTROL.search(html)
    assert control, "the Tools page has the offline control"
    size = _manifest_bytes(site)
    assert int(control.group(1)) == size
    assert f"about {tools_page.megabytes(size)} of files" in control.group(2)
    assert 'data-action="cache-tools" hidden>Make the tools available offline</button>' \
        in control.group(2)
    assert 'data-role="tools-offline-status" role="status"' in control.group(2)
    assert '<h2 id="using-the-tools-offline">Using the tools offline</h2>' in html


@pytest.mark.parametrize("edition", ["5.0", "4.36"])
def test_every_edition_has_the_offline_page_out_of_nav_search_and_sitemap(
    edition: str, guide: Path, frozen_436: Path
) -> None:
    site = guide if edition == "5.0" else frozen_436
    html = (site / "offline" / "index.html").read_text("utf-8")
    assert '<h1 id="you-are-offline">You are offline</h1>' in html
    assert "When you are back online, reload to see the page." in html
    assert '<meta name="robots" content="noindex">' in html
    # (md_in_html writes the attributes in its own order and form.)
    form = re.search(r'<form ([^>]*class="roh-goto roh-goto--page"[^>]*)>(.*?)</form>', html,
                     re.DOTALL)
    assert form and "data-goto" in form.group(1) and 'role="search"' in form.group(1)
    assert 'id="roh-offline-goto-input"' in form.group(2)
    groups = re.search(r'<div [^>]*data-groups="([^"]*)"[^>]*data-roh-offline-pages', html)
    assert groups and ["2-basic-risk-assessment/", "2 Basic risk assessment"] in json.loads(
        unescape(groups.group(1)))
    # Not in the nav (of any page), the search index or the sitemap.
    home = (site / "index.html").read_text("utf-8")
    assert 'href="offline/"' not in home
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("offline/")]
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/offline/" not in sitemap and "/tools/" in sitemap
    if edition == "4.36":
        assert not (ROOT / "versions" / "4.36" / "docs" / "offline.md").exists()
