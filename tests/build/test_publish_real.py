"""The real guide, published as `make publish` does: its layout, and link rot.

tests/fixtures/published-urls-4.36.txt is the manifest (urls.txt) of the real
publish when edition 4.36 was the only one. Every address in it was printed,
cited or bookmarked by someone, so each must still resolve in a new publish
(through a redirect page or the root 404 page's forwarding to latest/ at most).
Regenerate it only by adding a new file for a new edition; never edit one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from mkdocs_plugins.editions_data import load_editions
from publishing import manifest
from tests.published import ROOT, Published, published

MANIFESTS = sorted((ROOT / "tests" / "fixtures").glob("published-urls-*.txt"))


@pytest.fixture(scope="module")
def site() -> Published:
    return published("real")


def test_the_guide_publishes_every_edition_it_has_sources_for(site: Published) -> None:
    editions = [e for e in load_editions(ROOT) if e.published]
    versions = json.loads((site.folder / "versions.json").read_text("utf-8"))
    assert [v["version"] for v in versions] == [e.edition for e in editions]
    assert versions[0]["aliases"] == ["latest"]
    for edition in editions:
        assert (site.folder / edition.edition / "index.html").is_file()
    assert len(list(site.folder.rglob("pyodide.asm.wasm"))) == 1


def test_there_is_a_manifest_of_an_earlier_publish() -> None:
    assert [m.name for m in MANIFESTS][:1] == ["published-urls-4.36.txt"]
    lines = MANIFESTS[0].read_text("utf-8").splitlines()
    assert len(lines) > 300 and lines == sorted(lines)
    assert "4.36/2-basic-risk-assessment/2.6.4-risk-levels-in-practice/" in lines
    assert "s/2.6.4/" in lines and "latest/" in lines


@pytest.mark.parametrize("listed", MANIFESTS, ids=lambda p: p.name)
def test_no_address_an_earlier_publish_made_has_rotted(site: Published, listed: Path) -> None:
    editions = {e.edition for e in load_editions(ROOT) if e.published}
    lost = [url for url in listed.read_text("utf-8").splitlines()
            if not manifest.resolves(site.folder, url, editions)]
    assert lost == [], f"{len(lost)} addresses no longer resolve, e.g. {lost[:10]}"


def test_only_a_publish_turns_on_the_version_selector(
    site: Published, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Material's selector fetches ../versions.json: a single-edition build has none (a
    404 and a console error), so it stays off there and a publish turns it on."""
    monkeypatch.delenv("ROH_VERSION_PROVIDER", raising=False)
    single = load_config(str(ROOT / "mkdocs.yml"))
    assert single.extra["version"] == {"provider": None}
    page = (site.folder / "4.36" / "index.html").read_text("utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  page, re.S).group(1))  # type: ignore[union-attr]
    assert config["version"] == {"provider": "mike"}
