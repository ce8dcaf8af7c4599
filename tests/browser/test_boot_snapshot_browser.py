"""A later tab starts Python from a snapshot made in this browser, and any bad one is survived.

The snapshot (assets/snapshot.mjs) is made after the first normal boot, kept in
Cache Storage as roh-snapshot:<16 hex of the boot manifest's sha256> with its
size and sha256, and used by the next tab. A snapshot that fails its check is
deleted and Python starts normally; the reader's answers are never in one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from playwright.sync_api import BrowserContext, Page

from tests.browser.conftest import OGRS3_PAGE, READY_TIMEOUT_MS, Session
from tests.browser.site_copy import MANIFEST
from tests.browser.test_worker_hardening_browser import CALL_RUNTIME, assert_the_tool_still_works

#: Every roh-snapshot cache's entries: name, URL, size, recorded size and sha256, real sha256.
LIST_SNAPSHOTS = """async () => {
  const hex = async (bytes) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256",
    bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("roh-snapshot:")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const bytes = new Uint8Array(await response.arrayBuffer());
      found.push({name, url: request.url, size: bytes.length, sha256: await hex(bytes),
                  recordedSize: response.headers.get("x-roh-snapshot-size"),
                  recordedSha256: response.headers.get("x-roh-snapshot-sha256")});
    }
  }
  return found;
}"""

#: Inverts 4 KiB in the middle of every stored snapshot, keeping its recorded size and sha256.
CORRUPT_SNAPSHOTS = """async () => {
  for (const name of await caches.keys()) {
    if (!name.startsWith("roh-snapshot:")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const middle = bytes.length >> 1;
      for (let i = middle; i < middle + 4096; i++) bytes[i] ^= 0xff;
      await cache.put(request, new Response(bytes, {headers: response.headers}));
    }
  }
}"""

#: Whether the ASCII text `marker` occurs in any stored snapshot.
SNAPSHOTS_CONTAIN = """async (marker) => {
  const needle = new TextEncoder().encode(marker);
  for (const name of await caches.keys()) {
    if (!name.startsWith("roh-snapshot:")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
      outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
        for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
        return true;
      }
    }
  }
  return false;
}"""


def open_tool(context: BrowserContext, base_url: str) -> Page:
    """A new tab on the OGRS3 page, once its tool is ready and the snapshot step is done."""
    page = context.new_page()
    page.goto(base_url + OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=ready]", timeout=READY_TIMEOUT_MS)
    page.wait_for_selector("html[data-roh-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    return page


def snapshot_state(page: Page) -> str:
    return page.get_attribute("html", "data-roh-snapshot") or ""


def test_a_new_tab_starts_python_from_the_snapshot_the_first_visit_kept(
    session: Session, site: Path
) -> None:
    first = open_tool(session.context, session.base_url)
    assert snapshot_state(first) == "stored"
    [kept] = first.evaluate(LIST_SNAPSHOTS)
    manifest_sha256 = hashlib.sha256((site / MANIFEST).read_bytes()).hexdigest()
    assert kept["name"] == f"roh-snapshot:{manifest_sha256[:16]}"
    assert kept["recordedSize"] == str(kept["size"]) and kept["size"] > 1_000_000
    assert kept["recordedSha256"] == kept["sha256"]
    first.close()
    second = open_tool(session.context, session.base_url)
    assert snapshot_state(second) == "used"
    assert_the_tool_still_works(second)


def test_a_corrupt_snapshot_is_deleted_and_python_starts_normally(session: Session) -> None:
    first = open_tool(session.context, session.base_url)
    assert snapshot_state(first) == "stored"
    first.evaluate(CORRUPT_SNAPSHOTS)
    [corrupt] = first.evaluate(LIST_SNAPSHOTS)
    assert corrupt["sha256"] != corrupt["recordedSha256"]
    first.close()
    warnings: list[str] = []
    session.context.on("console", lambda message: warnings.append(message.text))
    second = open_tool(session.context, session.base_url)
    # A normal boot, which kept a good snapshot in place of the bad one.
    assert snapshot_state(second) == "stored"
    assert any("could not start from its snapshot" in text for text in warnings), warnings
    [fresh] = second.evaluate(LIST_SNAPSHOTS)
    assert fresh["sha256"] == fresh["recordedSha256"]
    assert_the_tool_still_works(second)


def test_no_answer_a_reader_sends_is_ever_in_a_snapshot(session: Session) -> None:
    page = session.page
    page.goto(session.base_url + OGRS3_PAGE)
    page.wait_for_selector("#tool-ogrs3[data-state=ready]", timeout=READY_TIMEOUT_MS)
    marker = "zq-reader-answer-7c1e4b"
    # Sent the moment the tool is ready, before the snapshot step has reported.
    answer = page.evaluate(CALL_RUNTIME, {"v": 1, "tool": "ogrs3", "op": "evaluate",
                                          "inputs": {"sex": marker}})
    assert "resolved" in answer, answer
    page.wait_for_selector("html[data-roh-snapshot]", state="attached", timeout=READY_TIMEOUT_MS)
    assert snapshot_state(page) == "stored"
    assert page.evaluate(SNAPSHOTS_CONTAIN, marker) is False
    assert page.evaluate(SNAPSHOTS_CONTAIN, "tools.core.runtime") is True  # the search works
