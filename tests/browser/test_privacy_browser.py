"""Nothing leaves the device: the policy blocks a request to another origin from the
page and from inside the tools' worker, and the same request gets through when
the policy is bypassed (so these tests can fail)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import OGRS3_PAGE, Session, new_session

TRY_FETCH = """(url) => fetch(url, {mode: "no-cors"}).then(() => "sent", () => "blocked")"""


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def other_origin() -> Iterator[str]:
    """Another origin on this machine that counts the requests reaching it."""
    _Counter.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _expect_blocked(session: Session) -> None:
    blocked = [v for v in session.watch.violations if v.get("directive") == "connect-src"
               or "connect-src" in str(v.get("console", ""))]
    assert blocked, session.watch.violations
    # These violations and attempts were the point of the test.
    session.watch.violations.clear()
    session.watch.off_origin.clear()


def test_a_fetch_to_another_origin_from_the_page_is_blocked(
    session: Session, other_origin: str
) -> None:
    page = session.open(OGRS3_PAGE)
    assert page.evaluate(TRY_FETCH, other_origin + "from-page") == "blocked"
    assert _Counter.hits == []
    _expect_blocked(session)


def test_a_fetch_to_another_origin_from_the_tools_worker_is_blocked(
    session: Session, other_origin: str
) -> None:
    page = session.open(OGRS3_PAGE)
    session.wait_ready()
    (worker,) = [w for w in page.workers if w.url.startswith("blob:")]
    assert worker.evaluate(TRY_FETCH, other_origin + "from-worker") == "blocked"
    assert worker.evaluate("typeof pyodide === 'undefined'")  # the worker is ours
    assert _Counter.hits == []
    session.watch.violations.clear()  # Chromium reports worker violations to the console


def test_without_the_policy_the_same_request_would_get_through(
    browser: Browser, base_url: str, other_origin: str
) -> None:
    unprotected = new_session(browser, base_url, bypass_csp=True)
    try:
        page = unprotected.open(OGRS3_PAGE)
        assert page.evaluate(TRY_FETCH, other_origin + "control") == "sent"
        assert _Counter.hits == ["/control"]
        assert unprotected.watch.off_origin, "the recorder must see an off-origin request"
    finally:
        unprotected.context.close()


def test_the_policy_is_in_force_on_the_tool_page(session: Session) -> None:
    page = session.open(OGRS3_PAGE)
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content") or ""
    assert "connect-src 'self'" in policy and "worker-src 'self' blob:" in policy
