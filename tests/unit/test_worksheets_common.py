"""What every worksheet promises: its worked examples hold, gaps come first, each
finding states its rule and why, typed text stays text in the Markdown, and
answers survive export → import unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.test_fuzz_runtime import ANSWERS as FUZZ_ANSWERS
from tests.unit.test_fuzz_runtime import check as fuzz_check
from tests.unit.worksheets import WORKSHEETS, call, examples, outcome, report_text
from tools.core.drafts import export_document, import_document
from tools.core.registry import REGISTRY
from tools.core.runtime import handle
from tools.core.schema import Field, Tool

CASES = [(slug, name) for slug in WORKSHEETS for name in examples(slug)]
PAYLOAD = "<script>alert(1)</script> *bold* | [link](x) # heading"


def test_every_worksheet_is_registered_with_drafts_and_sources() -> None:
    for slug in WORKSHEETS:
        tool = REGISTRY[slug][0]
        assert tool.keeps_drafts and tool.sources and tool.version == 1
        assert tool.submit_label != "Calculate"


@pytest.mark.parametrize(("slug", "name"), CASES, ids=[f"{s}:{n}" for s, n in CASES])
def test_worked_example(slug: str, name: str) -> None:
    example = examples(slug)[name]
    assert "Fictional" in example["fictional"] and example["source"]
    result = outcome(slug, example["inputs"])
    expected = example["expected"]
    assert [f["code"] for f in result["findings"]] == expected["codes"]
    for key, value in expected.items():
        if key not in ("codes", "report"):
            assert result[key] == value, key
    text = report_text(result)
    for part in expected["report"]:
        assert part in text
    assert result["markdown"].startswith("# ")


@pytest.mark.parametrize(("slug", "name"), CASES, ids=[f"{s}:{n}" for s, n in CASES])
def test_findings_gaps_first_each_with_rule_and_why(slug: str, name: str) -> None:
    result = outcome(slug, examples(slug)[name]["inputs"])
    kinds = [f["kind"] for f in result["findings"]]
    assert kinds == sorted(kinds, key=["gap", "inconsistency"].index)
    assert all(f["message"] and len(f["why"]) > 20 for f in result["findings"])
    assert result["counts"] == {"gap": kinds.count("gap"),
                                "inconsistency": kinds.count("inconsistency")}
    if result["findings"]:
        table = next(b for b in result["report"] if b.get("caption") == "Findings, gaps first")
        assert [row[1] for row in table["rows"]] == [f["message"] for f in result["findings"]]
    else:
        assert "No gaps or inconsistencies found" in report_text(result)


def _text_fields(tool: Tool) -> list[str]:
    names = [f.name for f in tool.fields() if f.kind in ("text", "textarea")]
    names += [f"{r.name}.1.{f.name}" for r in tool.repeats() for f in r.fields
              if f.kind in ("text", "textarea")]
    return names


@pytest.mark.parametrize("slug", WORKSHEETS)
def test_typed_text_stays_text_in_the_markdown(slug: str) -> None:
    tool = REGISTRY[slug][0]
    inputs = {name: PAYLOAD for name in _text_fields(tool)}
    result = outcome(slug, inputs)
    assert "<script>" not in result["markdown"]
    assert "\\<script\\>alert(1)\\</script\\>" in result["markdown"]
    assert PAYLOAD in report_text(result)  # the page renders it with textContent


@pytest.mark.parametrize("slug", WORKSHEETS)
def test_export_then_import_through_handle_gives_the_same_answers(slug: str) -> None:
    inputs = max(examples(slug).values(), key=lambda e: len(e["inputs"]))["inputs"]
    exported = call(slug, inputs, op="export", saved_at="2026-12-02T10:00:00Z")
    assert exported["ok"], exported
    back = json.loads(json.dumps(call(slug, {}, op="import", document=exported["document"])))
    filled = sum(1 for v in inputs.values() if v.strip())
    assert back == {"v": 1, "ok": True, "inputs": inputs, "imported": filled}


def _value(field: Field) -> st.SearchStrategy[str]:
    keys = [o.key for o in field.options]
    if field.kind == "choice":
        return st.sampled_from(["", *keys])
    if field.kind == "yes_no":
        return st.sampled_from(["", "yes", "no"])
    if field.kind == "date":
        return st.dates().map(lambda d: f"{d.day}/{d.month}/{d.year:04d}") | st.text(max_size=12)
    return st.text(max_size=40) | st.just(PAYLOAD)


def _answers(tool: Tool) -> st.SearchStrategy[dict[str, str]]:
    named: list[tuple[str, Field]] = [(f.name, f) for f in tool.fields()]
    named += [(f"{r.name}.{row}.{f.name}", f) for r in tool.repeats() for f in r.fields
              for row in range(1, r.max_rows + 1)]
    pairs = st.sampled_from(named).flatmap(lambda p: st.tuples(st.just(p[0]), _value(p[1])))
    return st.lists(pairs, max_size=25).map(dict)


ANY_WORKSHEET_ANSWERS = st.one_of([st.tuples(st.just(REGISTRY[s][0]), _answers(REGISTRY[s][0]))
                                   for s in WORKSHEETS])


@settings(deadline=None, max_examples=250, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(ANY_WORKSHEET_ANSWERS)
def test_drafts_round_trip_for_every_worksheet(case: tuple[Tool, dict[str, str]]) -> None:
    tool, answers = case
    text = export_document(tool, answers, "2026-12-02T10:00:00Z")
    assert import_document(tool, text) == answers
    response: dict[str, Any] = json.loads(json.dumps(call(tool.slug, answers)))
    assert set(response) in ({"v", "ok", "outcome"}, {"v", "ok", "errors"})


@settings(deadline=None, max_examples=300, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of([st.tuples(st.just(s), FUZZ_ANSWERS[s]) for s in WORKSHEETS]))
def test_worksheets_with_arbitrary_answers_never_break(case: tuple[str, dict[str, str]]) -> None:
    """The fuzzer's own strategies (test_fuzz_runtime), aimed at the worksheets only."""
    slug, inputs = case
    response = fuzz_check(handle(json.dumps({"v": 1, "tool": slug, "inputs": inputs})))
    if response["ok"]:
        assert response["outcome"]["markdown"].startswith("# ")
