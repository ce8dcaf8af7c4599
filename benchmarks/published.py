"""A real publish of every edition, served on this machine with the deploy headers.

Lighthouse and the bytes-transferred benchmark both measure what a reader gets
from a host: the `public/` layout (/5.0/, /latest/, one shared /_assets/) and
the headers `publishing.serve` sends. With `gzip=True` the server also
compresses text, scripts, JSON and wasm at gzip level 6, as a host configured
for compression does (`publishing.serve` itself never compresses).
"""

from __future__ import annotations

import functools
import gzip
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publishing import headers as site_headers
from publishing import snippets
from publishing.serve import SiteHandler, _Server, base_url, free_port

ROOT = Path(__file__).resolve().parents[1]
#: The edition the pages are measured in (a real folder, not the /latest/ copy).
EDITION = "5.0"
CONTENT_PAGE = f"{EDITION}/2-basic-risk-assessment/2.2-oasys/"
TOOL_PAGE = f"{EDITION}/2-basic-risk-assessment/2.2.1-predictors/"
#: The types the published nginx and Apache snippets compress (the same list).
COMPRESSIBLE = tuple(snippets.compressible(site_headers.TYPES))
GZIP_LEVEL = 6


def publish(port: int, out: Path) -> None:
    """Every edition into `out`, for http://127.0.0.1:<port>/ (instant navigation needs it)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "ROH_SITE_URL": f"http://127.0.0.1:{port}/"}
    subprocess.run([sys.executable, "-m", "publishing", "publish", "--local", "--out", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)


@dataclass
class Sent:
    """One response as the server wrote it: path, type, and bytes on the wire."""

    path: str
    content_type: str
    body_bytes: int
    gzipped: bool


@dataclass
class Log:
    """Every response the server sent, in order (a cross-check on the browser's log)."""

    sent: list[Sent] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, item: Sent) -> None:
        with self.lock:
            self.sent.append(item)

    def clear(self) -> None:
        with self.lock:
            self.sent.clear()


class GzipHandler(SiteHandler):
    """SiteHandler that gzips compressible files when the browser accepts gzip."""

    log: Log

    def do_GET(self) -> None:
        target = Path(self.translate_path(self.path))
        if target.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            target = target / "index.html"
        kind = site_headers.content_type(target.name)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (target.is_file() and accepts and kind.startswith(COMPRESSIBLE)):
            size = target.stat().st_size if target.is_file() else 0
            self.log.add(Sent(self.path, kind, size, False))
            super().do_GET()
            return
        body = gzip.compress(target.read_bytes(), GZIP_LEVEL, mtime=0)
        self.log.add(Sent(self.path, kind, len(body), True))
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(root: Path, port: int, *, gzip_text: bool = False,
          log: Log | None = None) -> Iterator[str]:
    """Serve `root` (the real deploy headers), optionally gzipped; yields the base URL."""
    base: type[SiteHandler] = GzipHandler if gzip_text else SiteHandler
    attrs: dict[str, Any] = {"extra_headers": site_headers.security_headers(root),
                             "log": log or Log()}
    handler = functools.partial(type("Handler", (base,), attrs), directory=str(root))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def published() -> Iterator[tuple[Path, int]]:
    """(publish folder, port it was published for), made fresh in a temporary folder.

    ROH_BENCH_PUBLISHED=<folder>:<port> reuses a publish made for that port
    instead (publishing every edition takes a minute on this machine).
    """
    reuse = os.environ.get("ROH_BENCH_PUBLISHED", "")
    if reuse:
        folder, _, port_text = reuse.rpartition(":")
        yield Path(folder), int(port_text)
        return
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="roh-bench-") as tmp:
        out = Path(tmp) / "public"
        publish(port, out)
        yield out, port
