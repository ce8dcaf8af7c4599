"""Pages without a tool fetch nothing of Pyodide, the tools archive or the boot manifest.

13.5 MB that a reader on a slow link never asked for: the request log of a
fresh profile proves that a content page, the home page and the Tools page
(before its "Make the tools available offline" button is pressed) leave them
alone, with the service worker blocked and allowed; the OGRS3 page opened
next in the same tab does fetch them, so the log is known to see them.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import OGRS3_PAGE, Session, new_session

#: Pages with no tool on them: a content page, the home page, the Tools page.
TOOL_FREE_PAGES = ("1-key-concepts/1.1-risk-and-harm/", "", "tools/")


def is_tool_runtime(url: str, manifest: bool = True) -> bool:
    """Whether `url` is part of what only a tool needs: Pyodide, the tools archive, the manifest.

    The edition's service worker saves the 2 KB boot manifest with the pages
    (so a saved tool can start offline), so with the worker allowed only
    Pyodide and the archive count (`manifest=False`).
    """
    path = url.split("?", 1)[0]
    return ("/pyodide/" in path or "/assets/tools/tools-" in path
            or (manifest and path.endswith("/boot-manifest.json")))


#: After load, register.mjs and idle callbacks may still start work: give them time.
SETTLE_MS = 1500


def runtime_requests(session: Session, path: str, manifest: bool) -> list[str]:
    page = session.open(path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(SETTLE_MS)
    return [url for url in session.watch.requests if is_tool_runtime(url, manifest)]


@pytest.mark.parametrize("service_workers", ["block", "allow"])
def test_pages_without_a_tool_fetch_nothing_of_pyodide(
    browser: Browser, base_url: str, service_workers: str
) -> None:
    session = new_session(browser, base_url, service_workers=service_workers)
    try:
        for path in TOOL_FREE_PAGES:
            found = runtime_requests(session, path, manifest=service_workers == "block")
            assert found == [], f"/{path} fetched a tool's files"
        assert session.page.locator(".roh-tool").count() == 0
        # The same log does see them once a page has a tool.
        session.open(OGRS3_PAGE)
        session.wait_ready("#tool-ogrs3")
        fetched = [url for url in session.watch.requests if is_tool_runtime(url)]
        assert any(url.endswith("/pyodide.asm.wasm") for url in fetched), fetched
        assert any(url.endswith("/boot-manifest.json") for url in fetched), fetched
        assert any("/assets/tools/tools-" in url for url in fetched), fetched
        session.watch.assert_clean()
    finally:
        session.context.close()
