"""Hypothesis against handle(): arbitrary requests and arbitrary answers never break it.

Contract C1: for ANY text handle() answers with the documented shape, and no
response carries Python text. Every test here runs seeded (derandomize=True),
so a run is repeatable and a failure reproduces; together they run 20,500
examples (the sum of EXAMPLES). Measured on 1 December 2026: about 110 s of CPU
time (11 minutes of wall time on a 2-core machine at load average 25).

Beyond the shape, they check that the catch-all never fires: "detail" only
appears with the generic message, and here it never appears at all, because
every cause of an exception is meant to be fixed at its root.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tools.core.drafts import FORMAT
from tools.core.registry import REGISTRY
from tools.core.restore import DRAFT_FORMAT
from tools.core.runtime import UNEXPECTED, handle
from tools.core.schema import Field, Tool

#: Examples per test; the total is what the module docstring promises.
EXAMPLES = {
    "json_requests": 4000,
    "text_requests": 3500,
    "request_shaped": 3000,
    "answers": 5000,
    "import": 2500,
    "restore": 2500,
}
TOOLS: list[Tool] = [tool for tool, _ in REGISTRY.values()]


def fuzz(name: str) -> settings:
    return settings(
        max_examples=EXAMPLES[name],
        derandomize=True,
        database=None,
        deadline=None,
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much],
    )


# ---- what a response may look like -------------------------------------------------

SUCCESS_KEYS = [
    {"v", "ok", "outcome"},
    {"v", "ok", "document"},
    {"v", "ok", "inputs", "imported"},
    {"v", "ok", "inputs", "restored", "not_restored", "saved_at", "message"},
]


def check(text: str) -> dict[str, Any]:
    """Assert that `text` is a response of the documented shape, and return it."""
    assert isinstance(text, str)
    assert "Traceback" not in text
    text.encode("utf-8")  # Pyodide hands the page UTF-8: no lone surrogates
    response = json.loads(text)
    assert isinstance(response, dict)
    assert type(response["v"]) is int and response["v"] == 1
    assert type(response["ok"]) is bool
    if "detail" in response:  # only ever with the generic message...
        assert response["errors"] == [{"field": None, "message": UNEXPECTED}]
    assert "detail" not in response, response["detail"]  # ...and here, never
    if response["ok"]:
        # "upgraded" says what converting answers saved by an older tool version changed.
        assert set(response) - {"upgraded"} in SUCCESS_KEYS, sorted(response)
        if "upgraded" in response:
            assert response["upgraded"].startswith("It was saved by version ")
        if "inputs" in response:
            assert all(isinstance(k, str) and isinstance(v, str)
                       for k, v in response["inputs"].items())
        if "restored" in response:
            assert all(set(p) == {"name", "reason"} for p in response["not_restored"])
            assert (response["message"] == "") == (response["not_restored"] == [])
    else:
        assert set(response) == {"v", "ok", "errors"}
        assert response["errors"], "an error response names at least one problem"
        for error in response["errors"]:
            assert set(error) == {"field", "message"}
            assert error["field"] is None or isinstance(error["field"], str)
            assert isinstance(error["message"], str) and error["message"]
    return response


# ---- values ---------------------------------------------------------------------------

#: Any text, lone surrogates included (a browser string can hold them).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=24)
JSON_LEAF = st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT
#: Flat containers: a request's values, cheap to draw (the depth scan has its own tests).
FLAT = JSON_LEAF | st.lists(JSON_LEAF, max_size=3) | st.dictionaries(ANY_TEXT, JSON_LEAF,
                                                                     max_size=3)
JSON = st.recursive(
    JSON_LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=10,
)
DIGITS = st.integers(0, 6000).map(lambda n: "9" * n)
SEPARATORS = st.sampled_from(["/", "-", ".", " ", "/ "])


def formatted(day: date, style: int) -> str:
    return [f"{day.day}/{day.month}/{day.year:04d}", day.isoformat(),
            f"{day.day:02d}-{day.month:02d}-{day.year:04d}"][style]


DATES = st.one_of(
    st.builds(formatted, st.dates(), st.integers(0, 2)),  # real dates, 1/1/1 to 31/12/9999
    st.builds(lambda d, m, y, s: f"{d}{s}{m}{s}{y}", st.integers(0, 99), st.integers(0, 99),
              st.integers(0, 99999) | DIGITS, SEPARATORS),
)
NUMBERS = st.integers(-10**6, 10**6).map(str) | DIGITS | DIGITS.map(lambda d: "-" + d)


def plausible(field: Field) -> st.SearchStrategy[str]:
    """Values like those the page sends for this kind of field, edge cases included."""
    keys = [o.key for o in field.options]
    if field.kind == "date":
        return DATES
    if field.kind == "integer":
        return NUMBERS
    if field.kind == "choice":
        return st.sampled_from(keys)
    if field.kind == "choices":
        return st.lists(st.sampled_from(keys), unique=True).map(",".join)
    if field.kind == "yes_no":
        return st.sampled_from(["yes", "no"])
    return ANY_TEXT | st.sampled_from(["1, 3", "1 and 2", "2", "²", "99999999999"])


def _pairs(tool: Tool, values: Any) -> st.SearchStrategy[tuple[str, str]]:
    """(row input name, value) for any row field of the tool, any row the page shows."""
    return st.one_of([
        st.tuples(st.sampled_from([f"{r.name}.{n}.{f.name}" for n in range(1, r.max_rows + 1)]),
                  values(f))
        for r in tool.repeats() for f in r.fields
    ])


def _odd_names(tool: Tool) -> st.SearchStrategy[str]:
    """Names the page never sends: any text, and rows it never shows."""
    rows = ["0", "01", "21", "²", "٣", "-1", "", "1.1", "9" * 5000]
    odd = [f"{r.name}.{row}.{f.name}" for r in tool.repeats() for f in r.fields[:1]
           for row in rows]
    return ANY_TEXT | st.sampled_from(odd or ["x.1.y"])


def _mixed(field: Field) -> st.SearchStrategy[str]:
    return plausible(field) | ANY_TEXT


def _answers(tool: Tool) -> st.SearchStrategy[dict[str, str]]:
    """Arbitrary strings for every field of the tool: top-level, rows and odd names.

    Built once per tool: a strategy made afresh for each example (flatmap) costs
    hypothesis more than the whole call to handle().
    """
    top = [f.name for f in tool.fields()]
    tops = st.one_of(  # every answer plausible (evaluate runs to the end), or any mixture
        st.fixed_dictionaries({f.name: plausible(f) for f in tool.fields()}),
        st.fixed_dictionaries({f.name: _mixed(f) for f in tool.fields()}),
    )
    rows: st.SearchStrategy[list[tuple[str, str]]] = st.just([])
    if tool.repeats():
        rows = st.lists(_pairs(tool, plausible) | _pairs(tool, _mixed), max_size=8)
    extra = st.lists(st.tuples(_odd_names(tool), ANY_TEXT), max_size=2)
    dropped = st.lists(st.sampled_from(top), max_size=2)
    return st.builds(
        lambda t, r, e, drop: {k: v for k, v in [*t.items(), *r, *e] if k not in drop},
        tops, rows, extra, st.just([]) | dropped,
    )


ANSWERS = {tool.slug: _answers(tool) for tool in TOOLS}
#: (tool, answers for it), for any tool.
TOOL_ANSWERS = st.one_of([st.tuples(st.just(tool), ANSWERS[tool.slug]) for tool in TOOLS])
ANY_ANSWERS = st.one_of(list(ANSWERS.values()))
TOOL = st.sampled_from(TOOLS)


# ---- requests of any kind ------------------------------------------------------------

@fuzz("json_requests")
@given(JSON)
def test_any_json_value_as_a_request(request: Any) -> None:
    check(handle(json.dumps(request)))


@fuzz("text_requests")
@given(ANY_TEXT | st.text(st.sampled_from('{}[]":,\\ 1tv'), max_size=80))
def test_any_text_as_a_request(text: str) -> None:
    check(handle(text))


@fuzz("request_shaped")
@given(
    st.fixed_dictionaries(
        {"v": st.just(1) | JSON_LEAF},
        optional={
            "tool": st.sampled_from(sorted(REGISTRY)) | FLAT,
            "op": st.sampled_from(["evaluate", "export", "import", "restore"]) | FLAT,
            "inputs": FLAT | st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=4),
            "document": FLAT,
            "draft": FLAT,
            "saved_at": FLAT,
        },
    )
)
def test_requests_shaped_like_the_pages(request: dict[str, Any]) -> None:
    check(handle(json.dumps(request)))


# ---- every field of every tool, through every operation ---------------------------

def draft_of(tool: Tool, inputs: dict[str, str]) -> str:
    return json.dumps({"format": DRAFT_FORMAT, "format_version": 1, "tool": tool.slug,
                       "tool_version": tool.version, "saved_at": "", "answers": inputs})


@fuzz("answers")
@given(TOOL_ANSWERS, JSON_LEAF)
def test_every_operation_with_any_answers(case: tuple[Tool, dict[str, str]], when: Any) -> None:
    tool, inputs = case
    base = {"v": 1, "tool": tool.slug}
    check(handle(json.dumps({**base, "inputs": inputs})))
    exported = check(handle(json.dumps(
        {**base, "op": "export", "inputs": inputs, "saved_at": when})))
    if exported["ok"]:  # whatever export writes, import reads back whole
        back = check(handle(json.dumps({**base, "op": "import",
                                        "document": exported["document"]})))
        assert back["inputs"] == inputs
    kept = check(handle(json.dumps({**base, "op": "restore", "draft": draft_of(tool, inputs)})))
    assert set(kept["inputs"].items()) <= set(inputs.items())
    named = {p["name"] for p in kept["not_restored"]}
    assert all(name in kept["inputs"] or name in named or not value.strip()
               for name, value in inputs.items()), "restore drops nothing without naming it"


def document(format_name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Documents near our format: every key present or not, right or wrong."""
    return st.fixed_dictionaries({}, optional={
        "format": st.just(format_name) | JSON_LEAF,
        "format_version": st.sampled_from([0, 1, 2, True, 1.0]) | JSON_LEAF,
        "tool": TOOL.map(lambda t: t.slug) | JSON_LEAF,
        "tool_version": st.sampled_from([0, 1, 2, True, 1.0]) | JSON_LEAF,
        "saved_at": ANY_TEXT | JSON_LEAF,
        "answers": ANY_ANSWERS | JSON,
    })


def stored_text(format_name: str) -> st.SearchStrategy[str]:
    dumped = document(format_name).map(json.dumps)
    return dumped | dumped.map(lambda t: t.replace(", ", ", \"format\": 1, ", 1)) | ANY_TEXT


@fuzz("import")
@given(TOOL, stored_text(FORMAT))
def test_import_of_any_file(tool: Tool, text: str) -> None:
    check(handle(json.dumps({"v": 1, "tool": tool.slug, "op": "import", "document": text})))


LEGACY = st.fixed_dictionaries({"answers": ANY_ANSWERS | JSON},
                               optional={"saved_at": JSON}).map(json.dumps)


@fuzz("restore")
@given(TOOL, stored_text(DRAFT_FORMAT) | LEGACY)
def test_restore_of_any_draft(tool: Tool, text: str) -> None:
    response = check(handle(json.dumps(
        {"v": 1, "tool": tool.slug, "op": "restore", "draft": text})))
    if response["ok"]:
        assert response["restored"] == sum(1 for v in response["inputs"].values() if v.strip())


def test_the_examples_add_up_to_at_least_20000() -> None:
    assert sum(EXAMPLES.values()) >= 20_000


def test_every_registered_tool_is_fuzzed() -> None:
    """The strategies above are built from the registry, so a new tool is fuzzed as soon
    as it exists; this proves it for the worksheets too."""
    assert {tool.slug for tool in TOOLS} == set(REGISTRY) == set(ANSWERS)
    assert {"rosh-summary", "good-lives", "offence-analysis", "scenario-planning",
            "hf36-self-assessment"} <= set(ANSWERS)
