"""A second local server on another port that counts every request reaching it:
the place a leak would go, so a test can assert that nothing went there."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Sink:
    url: str  # ends with "/"
    hits: list[str] = field(default_factory=list)


@contextmanager
def sink() -> Iterator[Sink]:
    """Serve an empty JavaScript module to anything, recording each request's path."""
    hits: list[str] = []

    class Counter(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            hits.append(f"{self.command} {self.path}")
            body = b"self.postMessage({type: 'leaked'});\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_HEAD = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Sink(f"http://127.0.0.1:{server.server_address[1]}/", hits)
    finally:
        server.shutdown()
        server.server_close()
