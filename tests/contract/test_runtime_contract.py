"""tools.core.runtime.handle() against named JSON fixtures, which the browser tests reuse.

Each fixture is a request exactly as the page sends it and the response the
page must get back, byte for byte once parsed. A change to a tool's output
shows up here as a fixture to review, not as a silent change in the browser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tools.core.runtime import handle

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    fixture: dict[str, Any] = json.loads(path.read_text("utf-8"))
    assert fixture["name"] == path.stem, "a fixture's name is its file name"
    return fixture


def request_text(fixture: dict[str, Any]) -> str:
    """The request as the page sends it.

    A fixture too large to store (an oversized file or request) says how to build
    it: "expand": {"marker", "text", "times"} replaces every marker in the request
    text with `text` repeated `times` times. Browser tests reading the fixtures do
    the same.
    """
    request = fixture["request"]
    text: str = request if isinstance(request, str) else json.dumps(request)
    expand = fixture.get("expand")
    if expand:
        text = text.replace(expand["marker"], expand["text"] * expand["times"])
    return text


def test_there_are_fixtures_for_every_tool_and_for_bad_requests() -> None:
    names = [path.stem for path in FIXTURES]
    assert any(n.startswith("ogrs3-") for n in names)
    assert any(n.startswith("rmp-") for n in names)
    assert any(n.startswith("request-") for n in names)
    for slug in ("rosh-summary", "good-lives", "offence-analysis", "scenario-planning",
                 "hf36-self-assessment"):
        mine = [load(p) for p in FIXTURES if p.stem.startswith(f"{slug}-")]
        assert {f["response"]["ok"] for f in mine} == {True, False}, slug


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(path: Path) -> None:
    fixture = load(path)
    assert json.loads(handle(request_text(fixture))) == fixture["response"]


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_every_response_is_versioned_json_with_ok(path: Path) -> None:
    response = json.loads(handle(request_text(load(path))))
    assert response["v"] == 1 and isinstance(response["ok"], bool)
    if not response["ok"]:
        assert all(set(e) == {"field", "message"} and e["message"] for e in response["errors"])


def test_export_then_import_round_trips_through_handle() -> None:
    export = load(Path(__file__).parent / "fixtures" / "rmp-export.json")
    document = json.loads(handle(request_text(export)))["document"]
    back = json.loads(handle(json.dumps(
        {"v": 1, "tool": "risk-management-plan", "op": "import", "document": document})))
    inputs = export["request"]["inputs"]
    assert back == {"v": 1, "ok": True, "inputs": inputs, "imported": len(inputs)}
