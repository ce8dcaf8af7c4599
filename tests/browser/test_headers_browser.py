"""The deploy headers in Chromium: no other site can frame the guide, and every file carries them.

The site is served by publishing.serve (tests/browser/server.py), as `make
serve` serves it. The framing page lives on a second local origin served by a
plain http.server, standing in for any other website.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Frame, Response

from tests.browser.conftest import OGRS3_PAGE, PLAN_PAGE, READY_TIMEOUT_MS, Session


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def other_site(folder: Path) -> Iterator[str]:
    """Another origin (127.0.0.1, another port) with no special headers at all."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def child(frames: list[Frame], prefix: str) -> Frame:
    found = [frame for frame in frames if frame.name == prefix]
    assert len(found) == 1, [frame.url for frame in frames]
    return found[0]


def test_another_site_cannot_frame_the_plan_page(browser: Browser, base_url: str,
                                                tmp_path: Path) -> None:
    (tmp_path / "own.html").write_text(
        "<!doctype html><title>Own</title><h1>Framed on its own site</h1>", encoding="utf-8")
    (tmp_path / "frames.html").write_text(
        "<!doctype html><title>Another site</title>"
        f'<iframe name="guide" src="{base_url}{PLAN_PAGE}" title="guide"></iframe>'
        '<iframe name="own" src="own.html" title="own"></iframe>', encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        answered: list[Response] = []
        page.on("response", lambda response: answered.append(response)
                if response.url == base_url + PLAN_PAGE else None)
        with other_site(tmp_path) as other:
            assert urlsplit(other).netloc != urlsplit(base_url).netloc
            page.goto(other + "frames.html", wait_until="load")
            own = child(page.frames, "own")
            guide = child(page.frames, "guide")
            # The control frame shows that framing itself works on that site.
            assert own.locator("h1").inner_text() == "Framed on its own site"
            # The guide answered (200, with the header) and the browser refused to show it.
            assert [response.status for response in answered] == [200]
            assert "frame-ancestors 'none'" in answered[0].headers["content-security-policy"]
            # Chromium shows its own error page in the frame instead of the guide.
            assert guide.url == "chrome-error://chromewebdata/"
            assert guide.locator(".md-content, .roh-tool, form").count() == 0
        assert any("frame-ancestors 'none'" in text for text in console), console
    finally:
        context.close()


def test_the_plan_page_loads_top_level_and_its_tool_starts(session: Session) -> None:
    page = session.open(PLAN_PAGE)
    session.wait_ready()
    assert page.locator("h1").count() == 1
    assert page.locator(".roh-tool[data-state=ready]").count() == 1


def test_every_file_of_a_tool_page_carries_the_deploy_headers(session: Session) -> None:
    responses: list[Response] = []
    warnings: list[str] = []
    session.context.on("response", lambda response: responses.append(response))
    session.page.on("console", lambda message: warnings.append(message.text)
                    if "Permissions-Policy" in message.text else None)
    session.open(OGRS3_PAGE)
    session.page.wait_for_selector(".roh-tool[data-state=ready]", timeout=READY_TIMEOUT_MS)
    own = [response for response in responses if response.url.startswith(session.base_url)]
    kinds = {urlsplit(response.url).path.rsplit(".", 1)[-1] for response in own}
    assert {"mjs", "js", "wasm", "zip", "json", "css"} <= kinds, kinds
    for response in own:
        fields = response.all_headers()
        assert fields.get("content-security-policy", "").endswith("frame-ancestors 'none'"), \
            response.url
        assert fields.get("x-content-type-options") == "nosniff", response.url
        assert fields.get("referrer-policy") == "no-referrer", response.url
        assert "camera=()" in fields.get("permissions-policy", ""), response.url
    # Playwright reports some of a worker's module requests without their entity
    # headers; every response that names its type must name the right one.
    typed = {(urlsplit(r.url).path.rsplit(".", 1)[-1], fields["content-type"])
             for r in own if r.status == 200 and "content-type" in (fields := r.all_headers())}
    assert {kind for kind, _ in typed} >= {"mjs", "wasm"}
    assert {value for kind, value in typed if kind == "mjs"} == {"text/javascript; charset=utf-8"}
    assert {value for kind, value in typed if kind == "wasm"} == {"application/wasm"}
    # Chromium warns about every feature name it does not know.
    assert warnings == []
