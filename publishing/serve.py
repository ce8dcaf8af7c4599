"""Serve a built site on this machine with the headers a careful host sends.

`python -m publishing.serve DIR --host 127.0.0.1 --port 8000` is what `make serve`
runs, and the browser tests serve the guide through `serve()`, so they see the
same headers a reader gets from a host configured with publishing.headers'
snippets: the Content-Security-Policy as a header (with frame-ancestors),
nosniff, no referrer, denied features, and the right types for module scripts
and wasm. Unknown paths get the site's 404.html with status 404; folders
without an index page are not listed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import socket
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from publishing import headers as site_headers


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with fixed extra headers on every response, errors included."""

    extra_headers: Mapping[str, str] = {}
    server_version = "risk-of-harm-guide"
    sys_version = ""

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        for name, value in site_headers.path_headers(self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return site_headers.content_type(str(path))

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "Not found")
        return None

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / site_headers.NOT_FOUND_PAGE
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", site_headers.content_type(page.name))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a reader's requests are nobody's business, and tests stay readable."""


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser went away
            super().handle_error(request, client_address)


def make_server(root: Path, port: int = 0, host: str = "127.0.0.1") -> http.server.HTTPServer:
    """A server for `root`, not yet running. Raises NoPolicyError if `root` is no built site."""
    handler_class = type("Handler", (SiteHandler,), {
        "extra_headers": site_headers.security_headers(root),
    })
    handler = functools.partial(handler_class, directory=str(root))
    return _Server((host, port), handler)


def base_url(server: http.server.HTTPServer) -> str:
    host, port = server.server_address[:2]
    name = host.decode() if isinstance(host, bytes) else host
    return f"http://{name}:{port}/"


@contextmanager
def serve(root: Path, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `root` in a background thread; yields the base URL (ending with '/')."""
    server = make_server(root, port, host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now (a site is built for its URL before it is served)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m publishing.serve DIR [--host H] [--port P]`; Ctrl-C stops it."""
    parser = argparse.ArgumentParser(
        prog="python -m publishing.serve",
        description="Serve a built site with the deploy headers (see README.md).")
    parser.add_argument("root", type=Path, metavar="DIR", help="the built site")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        parser.error(f"{args.root} is not a folder")
    try:
        server = make_server(args.root.resolve(), args.port, args.host)
    except site_headers.NoPolicyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot listen on {args.host}:{args.port}: {error.strerror}",
              file=sys.stderr)
        return 2
    print(f"Serving {args.root} at {base_url(server)} (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.", flush=True)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
