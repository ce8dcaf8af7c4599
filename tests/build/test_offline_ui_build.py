"""What readers see of offline use, in the built site: the Tools page's "Make the
tools available offline" control in both editions, with the download size the
boot manifest gives."""

from __future__ import annotations

import json
import re
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
