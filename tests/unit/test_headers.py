"""The deploy headers: computed from the pages' policies, sent on every response.

The server runs in this process on a free 127.0.0.1 port, against a small
folder shaped like a built site (two editions with different inline-script
hashes, a module script, wasm, JSON, a zip, SVG, CSS and a 404 page).
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from publishing import headers, snippets
from publishing.serve import free_port, serve

ROOT = Path(__file__).resolve().parents[2]

POLICY_A = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-bbb=' 'sha256-aaa='; "
            "style-src 'self' 'unsafe-inline'; frame-src 'none'; form-action 'self'")
POLICY_B = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-ccc=' 'sha256-aaa='; "
            "style-src 'self' 'unsafe-inline'; frame-src 'none'; form-action 'self'")


def page(policy: str | None, title: str = "A page") -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">' if policy else ""
    return f'<!doctype html><html><head><meta charset="utf-8">{meta}<title>{title}</title></head><body></body></html>'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two editions, as a published folder holds them, and the files a tool page loads."""
    root = tmp_path / "public"
    files = {
        "index.html": page(None, "Redirect"),  # a redirect page may carry no policy
        "404.html": page(POLICY_B, "Page not found"),
        "4.35/index.html": page(POLICY_A),
        "4.36/index.html": page(POLICY_B),
        "4.36/assets/roh/tool-form.mjs": "export const ready = true;\n",
        "4.36/assets/roh/boot.js": "void 0;\n",
        "4.36/assets/roh/section-map.json": '{"edition": "4.36"}',
        "4.36/assets/site.css": "body { margin: 0; }\n",
        "4.36/assets/qr.svg": '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        "4.36/empty/.keep": "",
    }
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "_assets" / "pyodide").mkdir(parents=True)
    (root / "_assets" / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm\1\0\0\0")
    (root / "_assets" / "tools-0123.zip").write_bytes(b"PK\5\6" + bytes(18))
    return root


def get(base: str, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One request without any proxy, headers by lower-case name."""
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


# --- the policy ---------------------------------------------------------------

def test_the_header_policy_allows_every_editions_scripts_and_forbids_framing(site: Path) -> None:
    policy = headers.site_policy(site)
    assert policy == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-aaa=' 'sha256-bbb=' "
        "'sha256-ccc='; style-src 'self' 'unsafe-inline'; frame-src 'none'; form-action 'self'; "
        "frame-ancestors 'none'")


def test_a_single_build_gets_exactly_its_pages_policy_plus_frame_ancestors(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(page(POLICY_A), encoding="utf-8")
    expected = POLICY_A.replace("'sha256-bbb=' 'sha256-aaa='", "'sha256-aaa=' 'sha256-bbb='")
    assert headers.site_policy(tmp_path) == expected + "; frame-ancestors 'none'"


def test_a_pages_own_frame_ancestors_is_replaced_not_repeated(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(page("default-src 'self'; frame-ancestors 'self'"), "utf-8")
    assert headers.site_policy(tmp_path) == "default-src 'self'; frame-ancestors 'none'"


def test_pages_that_disagree_about_none_are_refused() -> None:
    with pytest.raises(ValueError, match="frame-src"):
        headers.merge_policies(["frame-src 'none'", "frame-src 'self'"])


def test_a_folder_without_any_policy_is_no_built_site(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(page(None), encoding="utf-8")
    with pytest.raises(headers.NoPolicyError, match=r"no page under .* carries a Content-Security-Policy"):
        headers.site_policy(tmp_path)


@pytest.mark.parametrize(("name", "expected"), [
    ("index.html", "text/html; charset=utf-8"),
    ("tool-form.mjs", "text/javascript; charset=utf-8"),
    ("bundle.JS", "text/javascript; charset=utf-8"),
    ("pyodide.asm.wasm", "application/wasm"),
    ("pyodide-lock.json", "application/json"),
    ("python_stdlib.zip", "application/zip"),
    ("qr.svg", "image/svg+xml"),
    ("main.css", "text/css; charset=utf-8"),
    ("sitemap.xml.gz", "application/gzip"),
    ("LICENSE", "application/octet-stream"),
])
def test_content_types(name: str, expected: str) -> None:
    assert headers.content_type(name) == expected


def test_the_permissions_policy_denies_each_feature_with_an_empty_allow_list(site: Path) -> None:
    value = headers.security_headers(site)["Permissions-Policy"]
    entries = value.split(", ")
    assert "camera=()" in entries and "microphone=()" in entries and "geolocation=()" in entries
    assert all(entry.endswith("=()") for entry in entries)
    assert len(entries) == len(set(entries))


# --- the server ---------------------------------------------------------------

@pytest.mark.parametrize(("path", "status", "kind"), [
    ("/4.36/", 200, "text/html; charset=utf-8"),
    ("/4.36/assets/roh/tool-form.mjs", 200, "text/javascript; charset=utf-8"),
    ("/4.36/assets/roh/boot.js", 200, "text/javascript; charset=utf-8"),
    ("/4.36/assets/roh/section-map.json", 200, "application/json"),
    ("/4.36/assets/site.css", 200, "text/css; charset=utf-8"),
    ("/4.36/assets/qr.svg", 200, "image/svg+xml"),
    ("/_assets/pyodide/pyodide.asm.wasm", 200, "application/wasm"),
    ("/_assets/tools-0123.zip", 200, "application/zip"),
    ("/no/such/page/", 404, "text/html; charset=utf-8"),
    ("/4.36/empty/", 404, "text/html; charset=utf-8"),  # folders are never listed
])
def test_every_response_carries_the_deploy_headers(site: Path, path: str, status: int,
                                                   kind: str) -> None:
    expected = headers.security_headers(site)
    with serve(site) as base:
        got_status, got, _ = get(base, path)
    assert (got_status, got["content-type"]) == (status, kind)
    for name, value in expected.items():
        assert got.get(name.lower()) == value, name


def test_an_unknown_path_gets_the_sites_404_page(site: Path) -> None:
    with serve(site) as base:
        status, got, body = get(base, "/4.36/no-such-section/")
        head_status, _, head_body = get(base, "/missing.js", method="HEAD")
    assert status == 404 and b"<title>Page not found</title>" in body
    assert int(got["content-length"]) == len(body)
    assert (head_status, head_body) == (404, b"")


def test_a_folder_link_without_its_slash_is_redirected_with_the_headers(site: Path) -> None:
    with serve(site) as base:
        status, got, _ = get(base, "/4.36")
    assert status == 301 and got["location"] == "/4.36/"
    assert got["content-security-policy"].endswith("frame-ancestors 'none'")


def test_serve_refuses_a_folder_that_is_no_built_site(tmp_path: Path) -> None:
    with pytest.raises(headers.NoPolicyError), serve(tmp_path):
        pass


def test_the_command_serves_until_ctrl_c_and_then_stops_cleanly(site: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "publishing.serve", str(site), "--host", "127.0.0.1",
         "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"Serving {site} at http://127.0.0.1:{port}/"), first
        status, got, _ = get(f"http://127.0.0.1:{port}/", "/4.36/")
        assert status == 200 and "frame-ancestors 'none'" in got["content-security-policy"]
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    assert process.returncode == 0, err
    assert "Stopped." in out and err == ""  # quiet: no request log, no traceback


def test_the_command_says_why_it_cannot_serve_a_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "publishing.serve", str(tmp_path), "--port", str(free_port())],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "carries a Content-Security-Policy" in done.stderr and "Traceback" not in done.stderr


# --- the generated host configuration -------------------------------------------

def test_the_header_command_prints_the_servers_headers(site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "publishing.headers", str(site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    expected = "".join(f"{k}: {v}\n" for k, v in headers.security_headers(site).items())
    assert done.stdout == expected


def test_the_nginx_snippet_sends_every_header_always_and_every_type(site: Path) -> None:
    text = snippets.nginx(headers.security_headers(site), headers.TYPES, headers.DEFAULT_TYPE,
                          headers.NOT_FOUND_PAGE)
    for name, value in headers.security_headers(site).items():
        assert f'add_header {name} "{value}" always;' in text
    assert "    application/wasm wasm;" in text and "    text/javascript js mjs;" in text
    assert "charset_types text/css text/javascript text/plain;" in text
    assert "error_page 404 /404.html;" in text


def test_the_apache_snippet_sets_every_header_always_and_every_type(site: Path) -> None:
    text = snippets.apache(headers.security_headers(site), headers.TYPES, headers.DEFAULT_TYPE,
                           headers.NOT_FOUND_PAGE)
    for name, value in headers.security_headers(site).items():
        assert f'Header always set {name} "{value}"' in text
    for suffix, kind in headers.TYPES.items():
        assert f'AddType "{kind}" {suffix}' in text
    assert "ErrorDocument 404 /404.html" in text


def test_a_value_that_cannot_be_quoted_for_a_host_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be quoted"):
        snippets.nginx({"X-Test": 'say "hi"'}, {}, "application/octet-stream", "404.html")
