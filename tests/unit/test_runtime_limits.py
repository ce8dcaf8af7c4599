"""tools.core.limits: the numbers the page mirrors, the depth scan, and each message naming its limit."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.core import limits
from tools.core.limits import json_depth
from tools.core.runtime import handle


def test_the_numbers_the_page_mirrors() -> None:
    # contract C1: the JavaScript side checks the same numbers before it sends anything
    assert limits.MAX_REQUEST_CHARS == 2_000_000
    assert limits.MAX_DOCUMENT_CHARS == 1_000_000
    assert limits.MAX_JSON_DEPTH == 32
    assert limits.MAX_ANSWER_CHARS == 100_000


@pytest.mark.parametrize(
    ("message", "limit"),
    [
        (limits.REQUEST_TOO_LARGE, "2,000,000 characters"),
        (limits.REQUEST_TOO_DEEP, "32 levels"),
        (limits.FILE_TOO_LARGE, "1 MB"),
        (limits.FILE_TOO_DEEP, "32 levels"),
        (limits.DRAFT_TOO_LARGE, "1 MB"),
        (limits.DRAFT_TOO_DEEP, "32 levels"),
    ],
)
def test_every_message_names_its_limit(message: str, limit: str) -> None:
    assert limit in message


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("", 0),
        ("3", 0),
        ("[]", 1),
        ("{\"a\": [1, {\"b\": []}]}", 4),
        ("\"[[[[\"", 0),
        ("[\"\\\"[[[\"]", 1),  # an escaped quote does not end the string
        ("[\"\\\\\", [[]]]", 3),  # an escaped backslash does
        ("[[[]]] [[]]", 3),
    ],
)
def test_depth(text: str, depth: int) -> None:
    assert json_depth(text) == depth


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=30,
)


def nesting(value: object) -> int:
    if isinstance(value, list):
        return 1 + max((nesting(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((nesting(v) for v in value.values()), default=0)
    return 0


@settings(deadline=None, max_examples=300, derandomize=True)
@given(JSON)
def test_depth_agrees_with_the_parsed_value(value: object) -> None:
    assert json_depth(json.dumps(value)) == nesting(value)
    assert json_depth(json.dumps(value, ensure_ascii=False)) == nesting(value)


def test_a_request_exactly_32_deep_is_read() -> None:
    inputs = "{\"x\": " + "[" * 30 + "]" * 30 + "}"
    text = '{"v": 1, "tool": "ogrs3", "inputs": ' + inputs + "}"
    assert json_depth(text) == 32
    # read, then refused for what it holds, not for its depth
    assert json.loads(handle(text))["errors"][0]["message"] == (
        "\"inputs\" must map field names to strings."
    )


def test_a_request_33_deep_is_refused() -> None:
    text = '{"v": 1, "tool": "ogrs3", "inputs": ' + "[" * 32 + "]" * 32 + "}"
    assert json.loads(handle(text))["errors"][0]["message"] == limits.REQUEST_TOO_DEEP


def test_a_request_larger_than_the_limit_is_refused_unread() -> None:
    text = json.dumps({"v": 1, "tool": "ogrs3", "inputs": {"sex": "a" * 2_000_000}})
    assert json.loads(handle(text))["errors"] == [
        {"field": None, "message": limits.REQUEST_TOO_LARGE}
    ]
