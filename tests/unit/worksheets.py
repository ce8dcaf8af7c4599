"""Helpers for the worksheet unit tests: run a worksheet through handle(), read its
worked examples (tools/<package>/fixtures/examples.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tools.core.runtime import handle

ROOT = Path(__file__).resolve().parents[2]
WORKSHEETS = ("rosh-summary", "good-lives", "offence-analysis", "scenario-planning",
              "hf36-self-assessment")


def examples(slug: str) -> dict[str, dict[str, Any]]:
    path = ROOT / "tools" / slug.replace("-", "_") / "fixtures" / "examples.json"
    return {e["name"]: e for e in json.loads(path.read_text("utf-8"))["examples"]}


def call(slug: str, inputs: dict[str, str], op: str = "evaluate", **extra: Any) -> dict[str, Any]:
    response: dict[str, Any] = json.loads(handle(json.dumps(
        {"v": 1, "tool": slug, "op": op, "inputs": inputs, **extra})))
    return response


def outcome(slug: str, inputs: dict[str, str]) -> dict[str, Any]:
    response = call(slug, inputs)
    assert response["ok"] is True, response
    result: dict[str, Any] = response["outcome"]
    return result


def codes(slug: str, inputs: dict[str, str]) -> list[str]:
    return [f["code"] for f in outcome(slug, inputs)["findings"]]


def report_text(result: dict[str, Any]) -> str:
    """Every piece of text in the report blocks, one string."""
    return json.dumps(result["report"], ensure_ascii=False)
