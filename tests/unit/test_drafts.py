"""Drafts: export → import loses nothing; every bad file gets a message the reader can act on."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.core import drafts
from tools.core.drafts import DraftError, accepts, export_document, import_document
from tools.core.schema import Field, Repeat, Section, Tool
from tools.risk_management_plan import TOOL

SAVED_AT = "2026-11-22T10:00:00Z"


#: Arbitrary text, including lone surrogates a browser string may hold, and script payloads.
TEXT = st.one_of(
    st.text(),
    st.sampled_from(["<script>alert(1)</script>", "\"}]\n", "\\u0000", "\ud800", "😀"]),
    st.builds(lambda a, b: a + "<script>alert(1)</script>" + b, st.text(), st.text()),
)


def value_for(field: Field) -> st.SearchStrategy[str]:
    """Any value the page can show in `field`: free text, or one of its own options."""
    keys = [o.key for o in field.options]
    if field.kind == "choice":
        return st.sampled_from(["", *keys])
    if field.kind == "choices":
        return st.lists(st.sampled_from(keys), unique=True).map(",".join)
    if field.kind == "yes_no":
        return st.sampled_from(["", "yes", "no"])
    return TEXT


def answers_for(tool: Tool) -> st.SearchStrategy[dict[str, str]]:
    """Answers the page could have sent: every name it shows, any row number it allows."""
    named = [(f.name, f) for f in tool.fields()]
    named += [(f"{r.name}.{row}.{f.name}", f) for r in tool.repeats() for f in r.fields
              for row in range(1, r.max_rows + 1)]
    pairs = st.sampled_from(named).flatmap(
        lambda pair: st.tuples(st.just(pair[0]), value_for(pair[1])))
    return st.lists(pairs, max_size=30).map(dict)


def document(**changes: Any) -> str:
    doc: dict[str, Any] = {
        "format": "risk-of-harm-guide/answers",
        "format_version": 1,
        "tool": "risk-management-plan",
        "tool_version": 2,
        "saved_at": SAVED_AT,
        "answers": {"rosh_public_community": "high"},
    }
    doc.update(changes)
    return json.dumps(doc)


def import_error(text: str, tool: Tool = TOOL) -> str:
    with pytest.raises(DraftError) as raised:
        import_document(tool, text)
    return str(raised.value)


# ---- round trip ---------------------------------------------------------------

@settings(deadline=None, max_examples=300)
@given(answers_for(TOOL))
def test_export_then_import_loses_nothing(answers: dict[str, str]) -> None:
    text = export_document(TOOL, answers, SAVED_AT)
    assert import_document(TOOL, text) == answers
    # the document survives being written to a UTF-8 file and read back
    assert import_document(TOOL, text.encode("utf-8").decode("utf-8")) == answers


def test_document_format() -> None:
    text = export_document(TOOL, {"rosh_public_community": "high", "risk_factors.1.description": "é<"},
                           SAVED_AT)
    assert json.loads(text) == {
        "format": "risk-of-harm-guide/answers",
        "format_version": 1,
        "tool": "risk-management-plan",
        "tool_version": 2,
        "saved_at": SAVED_AT,
        "answers": {"rosh_public_community": "high", "risk_factors.1.description": "é<"},
    }
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False)


def test_export_refuses_answers_the_page_cannot_show() -> None:
    with pytest.raises(DraftError, match=re.escape("does not ask for risk_factors.21.priority")):
        export_document(TOOL, {"risk_factors.21.priority": "high"}, SAVED_AT)


@pytest.mark.parametrize(
    ("name", "accepted"),
    [
        ("rosh_public_community", True),
        ("supervision.20.who", True),
        ("supervision.21.who", False),
        ("supervision.0.who", False),
        ("supervision.01.who", False),
        ("supervision.².who", False),
        ("supervision.1.colour", False),
        ("supervision", False),
        ("Rosh_level", False),
    ],
)
def test_accepted_names(name: str, accepted: bool) -> None:
    assert accepts(TOOL, name) is accepted


# ---- import messages ------------------------------------------------------------

def test_empty_file() -> None:
    assert import_error("  \n") == "The selected file is empty"


@pytest.mark.parametrize("text", ["not json", "{\"format\": ", "<html></html>"])
def test_not_json(text: str) -> None:
    assert import_error(text) == (
        "The selected file is not a saved set of answers: it could not be read as JSON. "
        "Select a file exported from this page"
    )


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        "\"text\"",
        json.dumps({"answers": {}}),
        document(format="something-else"),
        document(format_version="1"),
        document(format_version=True),
        document(format_version=0),
        document(tool_version=None),
        document(tool=3),
    ],
)
def test_json_but_not_our_format(text: str) -> None:
    assert import_error(text) == (
        "The selected file is JSON, but not a set of answers exported from this guide. "
        "Select a file exported from this page"
    )


def test_byte_order_mark_is_tolerated() -> None:
    assert import_document(TOOL, "\ufeff" + document()) == {"rosh_public_community": "high"}


def test_answers_for_another_tool() -> None:
    other = Tool("fake-tool", "Fake calculator", 1, "", ())
    assert import_error(document(), tool=other) == (
        "The selected file holds answers for Risk management plan checklist, not Fake calculator"
    )
    assert import_error(document(tool="no-such-tool")) == (
        "The selected file holds answers for another tool (‘no-such-tool’), not Risk "
        "management plan checklist"
    )


def test_newer_format_version() -> None:
    assert import_error(document(format_version=2)) == (
        "The selected file was saved by a newer version of the guide. Import it into the "
        "latest version of the guide"
    )


def test_newer_tool_version() -> None:
    assert import_error(document(tool_version=3)) == (
        "The selected file was saved by a newer version of the guide (Risk management plan "
        "checklist version 3; this page has version 2). Import it into the latest version "
        "of the guide"
    )


@pytest.mark.parametrize("answers", [[], "x", {"rosh_public_community": 3}, {"rosh_public_community": None}, None])
def test_answers_not_a_map_of_text(answers: object) -> None:
    assert import_error(document(answers=answers)) == (
        "The selected file is damaged: every answer in it must be text"
    )


def test_unknown_answer_names_are_refused_not_dropped() -> None:
    text = document(answers={"rosh_public_community": "high", "favourite_colour": "blue",
                             "supervision.99.what": "x"})
    assert import_error(text) == (
        "The selected file has answers this page does not ask for: favourite_colour, "
        "supervision.99.what. Nothing was imported, so nothing has been lost. Check that you "
        "are on the page the file was saved from"
    )


def test_many_unknown_names_are_summarised() -> None:
    answers = {f"extra_{n}": "" for n in range(8)}
    assert "extra_0, extra_1, extra_2, extra_3, extra_4 and 3 more." in import_error(
        document(answers=answers))


# ---- migrations -------------------------------------------------------------------

#: Version 2 of a small tool renamed "name" to "full_name" and added a row group.
FAKE_V2 = Tool(
    slug="risk-management-plan",
    title="Fake plan",
    version=2,
    summary="",
    sections=(Section("Only", (
        Field("full_name", "Name", "text"),
        Repeat("steps", "Steps", "Step", (Field("what", "What", "text"),)),
    )),),
)


def rename_name(answers: dict[str, str]) -> dict[str, str]:
    out = dict(answers)
    if "name" in out:
        out["full_name"] = out.pop("name")
    return out


def test_older_version_is_migrated() -> None:
    old = document(tool_version=1, answers={"name": "A", "steps.1.what": "B"})
    assert import_document(FAKE_V2, old, migrations={1: rename_name}) == {
        "full_name": "A", "steps.1.what": "B"
    }


def test_current_version_is_not_migrated() -> None:
    current = document(tool_version=2, answers={"full_name": "A"})
    assert import_document(FAKE_V2, current, migrations={1: rename_name}) == {"full_name": "A"}


def test_older_version_without_a_migration_is_refused() -> None:
    with pytest.raises(DraftError) as raised:
        import_document(FAKE_V2, document(tool_version=1, answers={"name": "A"}),
                        migrations={})
    assert str(raised.value) == (
        "The selected file was saved by an older version of Fake plan (version 1) that this "
        "page cannot convert"
    )


def test_migrated_answers_are_still_checked() -> None:
    old = document(tool_version=1, answers={"name": "A", "colour": "red"})
    with pytest.raises(DraftError, match="does not ask for: colour"):
        import_document(FAKE_V2, old, migrations={1: rename_name})


def test_every_registered_tool_has_a_migration_entry() -> None:
    assert set(drafts.MIGRATIONS) >= {"risk-management-plan"}
    for steps in drafts.MIGRATIONS.values():
        assert all(isinstance(v, int) and v >= 1 for v in steps)
