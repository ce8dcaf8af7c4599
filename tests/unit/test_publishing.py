"""The pure parts of publishing: the address check, the root pages, the manifest's
idea of "still resolves", and page-relative URLs to the shared runtime."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from mkdocs_plugins.editions_data import Edition
from mkdocs_plugins.tool_forms.plugin import relative_url
from publishing import address, manifest, root_pages


def edition(number: str, status: str = "superseded") -> Edition:
    return Edition(number, "May 2011", status, "", datetime.date(2027, 1, 5), Path("."), 1)


@pytest.mark.parametrize(("value", "expected"), [
    ("https://guide.example.org", "https://guide.example.org/"),
    ("https://guide.example.org/risk-of-harm", "https://guide.example.org/risk-of-harm/"),
    (" http://intranet.example/guide/ ", "http://intranet.example/guide/"),
])
def test_a_published_address_ends_with_a_slash(value: str, expected: str) -> None:
    assert address.site_root(value) == expected


@pytest.mark.parametrize("value", [None, "", "  ", "http://127.0.0.1:8000/", "http://localhost/",
                                   "http://127.1.2.3/", "http://[::1]/", "http://app.localhost/",
                                   "http://0.0.0.0:8000/"])
def test_no_address_or_a_loopback_one_is_refused_with_the_reason(value: str | None) -> None:
    with pytest.raises(address.AddressError) as refused:
        address.site_root(value)
    assert "QR codes, trainer cards and canonical links carry this address" in str(refused.value)


@pytest.mark.parametrize("value", ["guide.example.org", "ftp://guide.example.org/",
                                   "https://guide.example.org/?a=1", "https:///x"])
def test_an_address_that_is_not_http_is_refused(value: str) -> None:
    with pytest.raises(address.AddressError, match="ROH_SITE_URL"):
        address.site_root(value)


def test_a_local_publish_accepts_the_loopback_address() -> None:
    assert address.site_root(address.LOCAL, local=True) == "http://127.0.0.1:8000/"


def test_versions_json_is_mikes_schema() -> None:
    text = root_pages.versions_json([edition("5.0", "current"), edition("4.36")])
    assert json.loads(text) == [
        {"version": "5.0", "title": "5.0 (May 2011)", "aliases": ["latest"]},
        {"version": "4.36", "title": "4.36 (May 2011)", "aliases": []},
    ]


ROUTE = ('<meta http-equiv="refresh" content="0; url=../../2-a/2.6.4-x/#s2.6.4">\n'
         '<p>Section 2.6.4 is at <a href="../../2-a/2.6.4-x/#s2.6.4">../../2-a/2.6.4-x/#s2.6.4'
         "</a>.</p>")


def test_a_root_route_names_the_same_page_through_latest() -> None:
    page = root_pages.route_page(ROUTE, "2.6.4")
    assert page.count("../../latest/2-a/2.6.4-x/#s2.6.4") == 3
    assert "../../2-a/" not in page


def test_a_page_that_is_not_a_redirect_is_no_route() -> None:
    with pytest.raises(root_pages.RootPageError):
        root_pages.route_page("<p>hello</p>", "1.1")


def test_hashed_names_change_with_the_content() -> None:
    assert root_pages.hashed_name("forward.js", b"a") != root_pages.hashed_name("forward.js", b"b")
    assert root_pages.hashed_name("root.css", b"a").endswith(".css")


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for relative, text in pages.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def _redirect(target: str) -> str:
    return f'<meta http-equiv="refresh" content="0; url={target}">'


def test_resolving_follows_redirects_and_the_root_404_forwarding(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": _redirect("latest/"),
        "latest/index.html": "<h1>home</h1>",
        "latest/2-a/x/index.html": "<h1>x</h1>",
        "4.36/2-a/x/index.html": "<h1>x</h1>",
        "s/2.1/index.html": _redirect("../../latest/2-a/x/#s2.1"),
        "s/2.2/index.html": _redirect("../../latest/2-a/gone/#s2.2"),
        "latest/s/2.1/qr.svg": "<svg/>",
        "loop/index.html": _redirect("../loop/"),
    })
    editions = {"4.36"}
    for url in ("", "latest/", "latest/2-a/x/", "4.36/2-a/x/", "s/2.1/", "2-a/x/",
                "latest/s/2.1/qr.svg", "s/2.1/qr.svg"):
        assert manifest.resolves(site, url, editions), url
    for url in ("s/2.2/", "4.36/2-a/gone/", "latest/gone/", "4.36/", "loop/", "nothing/"):
        assert not manifest.resolves(site, url, editions), url


def test_the_manifest_lists_addresses_not_assets(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": "", "4.36/index.html": "", "4.36/a/index.html": "",
                            "4.36/assets/x.js": "", "_assets/pyodide/p.wasm": "",
                            "4.36/search/search_index.json": "", "versions.json": "[]",
                            "4.36/s/1/qr.svg": ""})
    manifest.write(site)
    assert (site / "urls.txt").read_text().splitlines() == [
        "", "4.36/", "4.36/a/", "4.36/s/1/qr.svg", "versions.json"]


@pytest.mark.parametrize(("target", "base", "expected"), [
    ("assets/pyodide/1/", "2-a/b/", "../../assets/pyodide/1"),
    ("../_assets/pyodide/1", "2-a/b/", "../../../_assets/pyodide/1"),
    ("../_assets/tools/t.zip", "", "../_assets/tools/t.zip"),
    ("../_assets/pyodide/1", "assets/roh/tools-worker.mjs", "../../../_assets/pyodide/1"),
    ("assets/pyodide/1", "assets/roh/tools-worker.mjs", "../pyodide/1"),
    ("../_assets/x", "404.html", "../_assets/x"),
])
def test_relative_urls_reach_outside_the_edition(target: str, base: str, expected: str) -> None:
    assert relative_url(target, base) == expected
