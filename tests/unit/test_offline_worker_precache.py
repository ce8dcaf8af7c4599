"""What each edition's service worker saves ahead (precache.py) and how sw.js carries it
(worker_script.py): pure functions, no build."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from mkdocs_plugins.offline import precache, worker_script
from publishing import headers, kill_switch

BOOT = ("assets/pyodide/314.0.8/pyodide.asm.wasm", "assets/tools/tools-0123456789ab.zip")
BUILT = [
    "index.html", "404.html", "sw.js", "sitemap.xml", "sitemap.xml.gz",
    "content-security-policy.txt", "offline/index.html", "print/index.html",
    "2-basic/2.2-oasys/index.html", "s/2.2/index.html", "s/2.2/qr.svg",
    "search/search_index.json", "assets/roh/register.mjs", "assets/roh/boot-manifest.json",
    "assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/bundle.a5f9d56c.min.js.map",
    "assets/javascripts/lunr/min/lunr.th.min.js", "assets/stylesheets/main.57a0d79d.min.css",
    *BOOT, "assets/pyodide/314.0.8/pyodide.mjs",
]


def test_pages_assets_and_search_are_saved_and_the_rest_is_not() -> None:
    chosen = precache.select(BUILT, exclude=["print/"], boot=BOOT)
    assert chosen == sorted([
        "index.html", "offline/index.html", "2-basic/2.2-oasys/index.html", "s/2.2/index.html",
        "s/2.2/qr.svg", "search/search_index.json", "assets/roh/register.mjs",
        "assets/roh/boot-manifest.json", "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/stylesheets/main.57a0d79d.min.css",
    ])


def test_a_boot_file_outside_the_usual_folders_is_still_left_to_the_tools_cache() -> None:
    assert precache.select(["assets/roh/x.zip", "a.html"], boot=["assets/roh/x.zip"]) == ["a.html"]
    assert precache.select(["print/index.html"]) == ["print/index.html"]  # only when told


def test_pages_are_listed_by_the_address_links_use() -> None:
    assert precache.url_of("index.html") == ""
    assert precache.url_of("2-basic/2.2-oasys/index.html") == "2-basic/2.2-oasys/"
    assert precache.url_of("assets/roh/register.mjs") == "assets/roh/register.mjs"


def test_each_entry_carries_the_sha256_fetch_checks() -> None:
    files = {"offline/index.html": b"<h1>You are offline</h1>", "index.html": b"home"}
    listed = precache.entries(files)
    assert [entry.url for entry in listed] == ["", "offline/"]
    digest = base64.b64encode(hashlib.sha256(b"home").digest()).decode()
    assert listed[0].integrity == f"sha256-{digest}" and listed[0].size == 4


def test_a_list_without_the_offline_page_is_refused() -> None:
    with pytest.raises(ValueError, match="offline/"):
        precache.entries({"index.html": b"home"})


def test_any_changed_file_changes_the_revision() -> None:
    one = precache.entries({"offline/index.html": b"a", "index.html": b"b"})
    two = precache.entries({"offline/index.html": b"a", "index.html": b"c"})
    assert precache.revision(one) == precache.revision(one)
    assert precache.revision(one) != precache.revision(two)
    assert len(precache.revision(one)) == 12


MANIFEST = json.dumps({"files": [
    {"path": "../../../_assets/pyodide/314.0.8/pyodide.asm.wasm", "role": "pyodide",
     "size": 10, "sha256": "00", "integrity": "sha256-AAA="},
    {"path": "../../../_assets/tools/tools-0123456789ab.zip", "role": "tools",
     "size": 5, "sha256": "11", "integrity": "sha256-BBB="},
]}).encode()


def test_boot_files_are_found_from_the_edition_root_wherever_they_are() -> None:
    boot = worker_script.boot_of(MANIFEST, "assets/roh/boot-manifest.json")
    assert boot.hash == hashlib.sha256(MANIFEST).hexdigest()[:16]
    assert boot.files == (
        ("../_assets/pyodide/314.0.8/pyodide.asm.wasm", "sha256-AAA=", 10),
        ("../_assets/tools/tools-0123456789ab.zip", "sha256-BBB=", 5),
    )


def test_the_worker_carries_the_list_and_reads_back_the_same() -> None:
    listed = precache.entries({"offline/index.html": b"a", "index.html": b"b",
                               "2-basic/index.html": b"c"})
    boot = worker_script.boot_of(MANIFEST, "assets/roh/boot-manifest.json")
    template = worker_script.TEMPLATE.read_text("utf-8")
    pages = [("", "Home"), ("2-basic/", "2 Basic"), ("print/", "Print")]
    data = worker_script.document(listed, pages, boot, template)
    assert data["pages"] == [["./", "Home"], ["2-basic/", "2 Basic"]]  # print/ is not saved
    assert data["files"][0] == ["./", listed[0].integrity]
    script = worker_script.render(template, data)
    assert worker_script.PLACEHOLDER.encode() not in script
    assert worker_script.parse(script.decode()) == data
    other = worker_script.document(listed, pages, worker_script.boot_of(
        MANIFEST + b" ", "assets/roh/boot-manifest.json"), template)
    assert other["revision"] != data["revision"]  # a new boot manifest is a new publish


def test_a_template_without_exactly_one_placeholder_is_refused() -> None:
    with pytest.raises(ValueError, match="exactly once"):
        worker_script.render("const PRECACHE = {};", {})


def test_the_worker_script_is_asked_for_again_on_every_visit() -> None:
    assert headers.path_headers("/5.0/sw.js") == {"Cache-Control": "no-cache"}
    assert headers.path_headers("/5.0/assets/roh/register.mjs") == {}


def test_the_kill_switch_replaces_every_edition_s_worker(tmp_path: Path) -> None:
    for edition in ("5.0", "latest", "4.36"):
        (tmp_path / edition).mkdir()
        (tmp_path / edition / "sw.js").write_text("old")
    (tmp_path / "_assets").mkdir()
    written = kill_switch.write(tmp_path)
    assert [p.parent.name for p in written] == ["4.36", "5.0", "latest"]
    assert all(p.read_text() == kill_switch.SCRIPT for p in written)
    with pytest.raises(kill_switch.KillSwitchError, match=r"no sw\.js"):
        kill_switch.write(tmp_path / "_assets")
