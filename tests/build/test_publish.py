"""`python -m publishing publish` on the two-edition fixture repository (2.0 current,
1.0 frozen): the layout mike would make, one Pyodide, root pages, determinism, and
the refusals that keep a wrong address off printed QR codes."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from publishing import manifest
from tests.published import ROOT, Published, publish_again, published


@pytest.fixture(scope="module")
def site() -> Published:
    return published("fixture")


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_versions_json_is_mikes_schema_newest_first(site: Published) -> None:
    versions = json.loads((site.folder / "versions.json").read_text("utf-8"))
    assert versions == [
        {"version": "2.0", "title": "2.0 (January 2027)", "aliases": ["latest"]},
        {"version": "1.0", "title": "1.0 (May 2011)", "aliases": []},
    ]
    # 0.9 is listed in editions.yml but has no sources here: not published.
    assert not (site.folder / "0.9").exists()


def test_each_published_edition_has_its_folder_and_latest_is_a_real_copy(site: Published) -> None:
    for folder in ("1.0", "2.0", "latest"):
        assert (site.folder / folder / "index.html").is_file()
    latest, current = site.folder / "latest", site.folder / "2.0"
    assert not latest.is_symlink()
    assert not any(p.is_symlink() for p in site.folder.rglob("*"))
    assert files(latest) == files(current)
    _, mismatch, errors = filecmp.cmpfiles(current, latest, files(current), shallow=False)
    assert (mismatch, errors) == ([], [])


def test_pyodide_and_the_tools_archive_are_stored_once(site: Published) -> None:
    wasm = sorted(p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*.wasm"))
    assert len(wasm) == 1 and re.fullmatch(r"_assets/pyodide/[\d.]+/pyodide\.asm\.wasm", wasm[0])
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "python_stdlib.zip", "pyodide-lock.json"):
        assert len(list(site.folder.rglob(name))) == 1, name
    assert len(list(site.folder.rglob("tools-*.zip"))) == 1


def test_every_tool_page_of_every_edition_names_the_shared_runtime(site: Published) -> None:
    """The tool on 1.0's page finds Pyodide, the archive and its worker's Pyodide at /_assets/."""
    pages = [p for p in site.folder.rglob("*.html") if 'data-module="roh-tool"' in p.read_text()]
    assert {p.relative_to(site.folder).parts[0] for p in pages} == {"1.0"}
    for page in pages:
        html = page.read_text("utf-8")
        folder = page.parent
        for attribute in ("data-pyodide", "data-archive"):
            value = re.search(rf'{attribute}="([^"]+)"', html)
            assert value, attribute
            target = (folder / value.group(1)).resolve()
            assert target.exists(), (attribute, value.group(1))
            assert target.relative_to(site.folder.resolve()).parts[0] == "_assets"
        worker = re.search(r'data-worker="([^"?]+)\?pyodide=([^"]+)"', html)
        assert worker, "the worker's URL names Pyodide's folder"
        worker_file = (folder / worker.group(1)).resolve()
        assert worker_file.is_file()
        assert (worker_file.parent / worker.group(2) / "pyodide.asm.wasm").is_file()


def test_two_publishes_of_the_same_sources_are_byte_identical(
    site: Published, tmp_path: Path
) -> None:
    again = publish_again("fixture", tmp_path / "public")
    assert files(again) == files(site.folder)
    _, mismatch, errors = filecmp.cmpfiles(site.folder, again, files(again), shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_root_sends_readers_to_latest_by_meta_refresh_under_the_policy(site: Published) -> None:
    html = (site.folder / "index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=latest/">' in html
    assert '<a href="latest/">' in html
    assert "<script" not in html
    policy = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    latest = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                        (site.folder / "latest" / "index.html").read_text("utf-8"))
    assert policy == latest and len(policy) == 1


def test_the_root_404_page_works_from_any_depth_and_without_javascript(site: Published) -> None:
    html = (site.folder / "404.html").read_text("utf-8")
    assert len(re.findall(r"Content-Security-Policy", html)) == 1
    inline = [body for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
              if "src=" not in attributes]
    assert inline == [], "the policy allows no inline script"
    site_path = urlsplit(site.url).path
    for url in re.findall(r'(?:href|src)="([^"]+)"', html):
        if url.startswith("data:"):
            continue
        assert url.startswith(site_path), f"{url} is relative: the page is served at any depth"
        path = urlsplit(url).path[len(site_path):]
        assert path == "" or manifest.resolves(site.folder, path, {"1.0", "2.0"}), url
    script = re.search(r'<script src="([^"]+)"', html)
    assert script and re.fullmatch(r"/_assets/root/forward-[0-9a-f]{12}\.js", script.group(1))
    assert 'data-reserved="1.0 2.0 404.html _assets latest"' in html
    # The contents: every section of the current edition, linked without JavaScript.
    sections = json.loads((site.folder / "latest/assets/roh/section-map.json").read_text())
    for section in sections["sections"]:
        assert f'href="/latest/{section["url"]}" data-section="{section["number"]}"' in html
    assert 'href="/latest/?q="' in html  # search
    assert re.search(r'<form class="roh-root__goto" data-goto hidden', html)


def test_root_short_routes_lead_into_latest(site: Published) -> None:
    routes = sorted(p.parent.name for p in (site.folder / "s").glob("*/index.html"))
    assert routes == sorted(p.parent.name for p in (site.folder / "latest/s").glob("*/index.html"))
    assert "1.2" in routes and "2.3" in routes
    for number in routes:
        html = (site.folder / "s" / number / "index.html").read_text("utf-8")
        target = re.search(r'content="0; url=([^"]+)"', html)
        assert target and target.group(1).startswith("../../latest/"), number
        page = target.group(1).split("#")[0]
        assert (site.folder / "s" / number / page / "index.html").resolve().is_file()


def test_the_sitemap_lists_the_current_edition_only(site: Published) -> None:
    sitemap = (site.folder / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(url.startswith(f"{site.url}2.0/") for url in locations)
    robots = (site.folder / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {site.url}sitemap.xml" in robots


def test_the_manifest_lists_every_address_sorted(site: Published) -> None:
    urls = (site.folder / "urls.txt").read_text("utf-8").splitlines()
    assert urls == sorted(urls) == manifest.addresses(site.folder)
    for url in ("", "404.html", "versions.json", "1.0/", "2.0/1-basics/1.2-risk-levels/",
                "latest/", "s/1.2/", "1.0/s/1.3/"):
        assert url in urls, url
    assert not [u for u in urls if u.startswith("_assets/") or "/assets/" in u]


def _publish_command(out: Path, **env: str | None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "ROH_SITE_URL"}
    environment.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run([sys.executable, "-m", "publishing", "publish", "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, env=environment, timeout=120)


@pytest.mark.parametrize("value", [None, "", "http://127.0.0.1:8000/", "http://localhost/",
                                   "http://[::1]:8000/", "ftp://guide.example.org/"])
def test_publish_refuses_a_missing_or_local_address_and_says_why(
    value: str | None, tmp_path: Path
) -> None:
    done = _publish_command(tmp_path / "public", ROH_SITE_URL=value)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "ROH_SITE_URL" in done.stderr
    if value is None or value == "" or "example.org" not in value:
        assert "QR codes, trainer cards and canonical links carry this address" in done.stderr
    assert not (tmp_path / "public").exists(), "nothing is built"


def test_publish_will_not_empty_a_folder_that_is_not_a_publish(tmp_path: Path) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "notes.txt").write_text("mine")
    done = _publish_command(tmp_path / "public", ROH_SITE_URL="https://guide.example.org/")
    assert done.returncode == 1
    assert "is not empty and is not an earlier publish" in done.stderr
    assert (tmp_path / "public" / "notes.txt").read_text() == "mine"
