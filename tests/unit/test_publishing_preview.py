"""`make preview` keeps the policy: mkdocs' live-reload script arrives as a same-origin
file (allowed by script-src 'self'), never inline (which the policy would block)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_plugins.csp.policy import inline_script_hashes
from publishing.preview import PolicyKeepingServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PolicyKeepingServer]:
    made = PolicyKeepingServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    yield made
    made.server_close()


def test_pages_get_the_reload_script_as_a_file_not_inline(server: PolicyKeepingServer) -> None:
    page = server._inject_js_into_html(b"<html><body><p>x</p></body></html>", 7)
    assert inline_script_hashes(page.decode()) == set()
    assert page.startswith(b"<html><body><p>x</p><script src=\"/livereload-script/7/")
    assert page.endswith(b".js\"></script></body></html>")


def test_the_reload_script_is_served_with_its_epoch(server: PolicyKeepingServer) -> None:
    started: list[tuple[str, list[tuple[str, str]]]] = []
    body = server._serve_request({"PATH_INFO": "/livereload-script/7/123.js"},
                                 lambda status, headers: started.append((status, headers)))
    assert body is not None
    script = b"".join(body).decode()
    assert "livereload(7, 123);" in script and "location.reload()" in script
    assert started[0][0] == "200 OK"
    assert ("Content-Type", "text/javascript; charset=utf-8") in started[0][1]
