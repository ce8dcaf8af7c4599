"""The generated nginx and Apache configuration, run for real, sends what publishing.serve sends.

A fixture site is built (it has a tool, so the Pyodide files, wasm, the tools
zip, module scripts and JSON are all there), `python -m publishing.headers
--nginx/--apache` writes the snippets, and Debian's nginx and Apache (installed
by `scripts/install.sh --browser`) serve the site on a free 127.0.0.1 port with
them. Each response must carry exactly the status, Content-Type and security
headers that publishing.serve gives for the same path. Each server runs in the
foreground with its own temporary configuration and is stopped by the test.
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from publishing import headers, kill_switch
from publishing.serve import free_port, serve
from tests.build.conftest import ROOT, build_clean

NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
START_TIMEOUT_S = 20


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built fixture site, in a folder any user can read (Apache drops root to www-data)."""
    built = build_clean("tool-site", tmp_path_factory)
    public = Path(tempfile.mkdtemp(prefix="roh-deploy-"))
    try:
        public.chmod(0o755)
        shutil.copytree(built, public / "site")
        # A service worker at the root, as the offline plugin writes one per edition.
        (public / "site" / "sw.js").write_text(kill_switch.SCRIPT, encoding="utf-8")
        for path in (public / "site").rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield public / "site"
    finally:
        shutil.rmtree(public)


def paths(site: Path) -> list[str]:
    """One URL path per kind of file the site serves, the home page and two unknown paths."""
    chosen: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix and path.suffix not in chosen:
            chosen[path.suffix] = "/" + str(path.relative_to(site))
    for needed in (".html", ".mjs", ".js", ".wasm", ".json", ".zip", ".css"):
        assert needed in chosen, f"the fixture site has no {needed} file"
    return ["/", *chosen.values(), "/sw.js", "/no/such/page/", "/missing.mjs"]


def snippet(site: Path, kind: str) -> str:
    done = subprocess.run([sys.executable, "-m", "publishing.headers", str(site), kind],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def fetch(port: int, path: str) -> tuple[int, dict[str, str]]:
    """Status and the headers that must match, by lower-case name."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        wanted = {name.lower() for name in ("Content-Type", "Cache-Control", *SECURITY)}
        fields = [(k.lower(), v) for k, v in response.getheaders() if k.lower() in wanted]
        names = [name for name, _ in fields]
        assert len(names) == len(set(names)), f"{path}: a header is sent twice: {names}"
        return response.status, dict(fields)
    finally:
        connection.close()


def fetch_gzip(port: int, path: str) -> tuple[str | None, bytes]:
    """(Content-Encoding, the body as decompressed) when the client accepts gzip."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
        encoding = response.getheader("Content-Encoding")
        return encoding, gzip.decompress(body) if encoding == "gzip" else body
    finally:
        connection.close()


def compressed_kinds(site: Path) -> list[str]:
    """One path per text and wasm type, over 4 KB: well above the snippets' 1 KB floor."""
    wanted = (".html", ".css", ".mjs", ".js", ".json", ".wasm")
    chosen: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in wanted and path.suffix not in chosen and path.stat().st_size > 4096:
            chosen[path.suffix] = "/" + str(path.relative_to(site))
    assert sorted(chosen) == sorted(wanted), f"the fixture site lacks {set(wanted) - set(chosen)}"
    return list(chosen.values())


def assert_compressed(site: Path, port: int) -> None:
    """Each big text or wasm file comes gzipped and unpacks to the file's bytes; a zip does not."""
    for path in compressed_kinds(site):
        encoding, body = fetch_gzip(port, path)
        assert encoding == "gzip", f"{path} was sent uncompressed ({encoding})"
        assert body == (site / path.lstrip("/")).read_bytes(), f"{path} unpacks to other bytes"
    archive = next(site.rglob("*.zip"))
    encoding, _ = fetch_gzip(port, "/" + str(archive.relative_to(site)))
    assert encoding is None, f"{archive.name} is a zip already: compressing it again wastes CPU"


SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
            "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy")


def wait_listening(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}: {log.read_text()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"the server did not listen on {port} within {START_TIMEOUT_S} s")


@contextmanager
def running(command: list[str], port: int, log: Path) -> Iterator[None]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_listening(port, process, log)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def expected(site: Path) -> dict[str, tuple[int, dict[str, str]]]:
    with serve(site) as base:
        port = int(base.rstrip("/").rsplit(":", 1)[1])
        return {path: fetch(port, path) for path in paths(site)}


def test_nginx_with_the_generated_snippet_sends_the_same_headers(site: Path,
                                                                  tmp_path: Path) -> None:
    assert NGINX.is_file(), f"{NGINX} is missing: scripts/install.sh --browser installs nginx-light"
    (tmp_path / "guide.conf").write_text(snippet(site, "--nginx"), encoding="utf-8")
    port = free_port()
    temp = {name: tmp_path / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    config = tmp_path / "nginx.conf"
    config.write_text(f"""
daemon off;
master_process off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {tmp_path}/guide.conf;
    }}
}}
""", encoding="utf-8")
    want = expected(site)
    with running([str(NGINX), "-p", str(tmp_path), "-c", str(config)], port,
                 tmp_path / "error.log"):
        got = {path: fetch(port, path) for path in want}
        assert_compressed(site, port)
    assert got == want


def test_apache_with_the_generated_htaccess_sends_the_same_headers(site: Path,
                                                                   tmp_path: Path) -> None:
    assert APACHE.is_file(), f"{APACHE} is missing: scripts/install.sh --browser installs apache2"
    want = expected(site)  # before .htaccess is added to the site
    port = free_port()
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    tmp_path.chmod(0o755)
    config = tmp_path / "apache2.conf"
    modules = "\n".join(
        f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so"
        for name in ("mpm_event", "authz_core", "mime", "headers", "dir", "filter", "deflate"))
    config.write_text(f"""
{modules}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {tmp_path}/apache2.pid
DefaultRuntimeDir {tmp_path}
Mutex file:{tmp_path} default
ErrorLog {tmp_path}/error.log
LogLevel warn
{user}TypesConfig /etc/mime.types
DocumentRoot {site}
DirectoryIndex index.html
AccessFileName .htaccess
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {site}>
    AllowOverride FileInfo
    Require all granted
</Directory>
""", encoding="utf-8")
    htaccess = site / ".htaccess"
    htaccess.write_text(snippet(site, "--apache"), encoding="utf-8")
    htaccess.chmod(0o644)
    try:
        with running([str(APACHE), "-DFOREGROUND", "-f", str(config)], port,
                     tmp_path / "error.log"):
            got = {path: fetch(port, path) for path in want}
            assert_compressed(site, port)
    finally:
        htaccess.unlink()
    assert got == want


def test_the_compared_responses_cover_every_kind_of_file_and_a_404(site: Path) -> None:
    want = expected(site)
    kinds = {fields["content-type"] for _, fields in want.values()}
    assert {"text/html; charset=utf-8", "text/javascript; charset=utf-8", "application/wasm",
            "application/json", "application/zip", "text/css; charset=utf-8"} <= kinds
    assert want["/no/such/page/"][0] == 404 and want["/"][0] == 200
    assert all(fields["content-security-policy"] == headers.site_policy(site)
               for _, fields in want.values())
