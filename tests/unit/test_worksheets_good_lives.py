"""Good Lives worksheet: the eleven goods (two marked as from secondary sources),
each finding rule with a trigger and a near miss, the report and the Markdown."""

from __future__ import annotations

from tests.unit.worksheets import codes, examples, outcome, report_text
from tools.good_lives import TOOL
from tools.good_lives.goods import GOODS, MEDIUM_NOTE

SLUG = "good-lives"
BASE: dict[str, str] = examples(SLUG)["planned-goods"]["inputs"]


def variant(drop: tuple[str, ...] = (), **changes: str) -> dict[str, str]:
    inputs = {k: v for k, v in BASE.items() if k not in drop}
    inputs.update(changes)
    return inputs


def test_eleven_goods_and_only_happiness_and_creativity_marked_medium() -> None:
    assert len(GOODS) == 11
    assert [g.key for g in GOODS if g.medium] == ["happiness", "creativity"]
    sections = {s.title: s for s in TOOL.sections}
    assert sections["10. Happiness"].hint == MEDIUM_NOTE
    assert sections["1. Life, including healthy living and functioning"].hint == ""
    for g in GOODS:
        for part in ("now", "offending", "obstacles", "plan"):
            TOOL.field(f"{g.key}_{part}")


def test_the_summary_points_to_section_2_4_6() -> None:
    assert "section 2.4.6" in TOOL.summary
    assert "section 2.4.6" in report_text(outcome(SLUG, BASE))


def test_linked_to_offending_needs_a_plan() -> None:
    assert codes(SLUG, variant(drop=("friendship_plan",))) == ["linked-no-plan"]
    # near miss: not linked, no obstacles, no plan
    assert codes(SLUG, variant(knowledge_now="Reads a lot", knowledge_offending="no")) == []


def test_linked_to_offending_needs_how_it_is_sought() -> None:
    assert codes(SLUG, variant(drop=("inner_peace_now",))) == ["linked-not-described"]


def test_obstacles_without_a_plan() -> None:
    assert codes(SLUG, variant(drop=("work_plan",))) == ["obstacle-no-plan"]


def test_not_recorded_whether_offending_is_part_of_it() -> None:
    result = outcome(SLUG, variant(drop=("work_offending",), community_now="Volunteers"))
    [finding] = result["findings"]
    assert finding["code"] == "link-unanswered"
    assert finding["message"].endswith("Excellence in work, including mastery; Community")


def test_the_persons_view_is_asked_for() -> None:
    assert codes(SLUG, variant(drop=("what_matters",))) == ["person-view-missing"]


def test_explored_and_linked_in_standard_order() -> None:
    result = outcome(SLUG, BASE)
    assert result["explored"] == ["work", "inner_peace", "friendship"]
    assert result["linked_to_offending"] == ["inner_peace", "friendship"]
    assert result["counts"] == {"gap": 0, "inconsistency": 0}


def test_report_lists_explored_goods_then_the_rest() -> None:
    result = outcome(SLUG, BASE)
    table = next(b for b in result["report"] if b.get("caption") == "Primary goods explored")
    assert [r[0] for r in table["rows"]] == [
        "Excellence in work, including mastery",
        "Inner peace: freedom from emotional turmoil and stress",
        "Friendship, including intimate, romantic and family relationships"]
    assert table["rows"][2][2] == "Yes"
    rest = next(b for b in result["report"] if b["type"] == "list")
    assert len(rest["items"]) == 8


def test_markdown() -> None:
    markdown = outcome(SLUG, BASE)["markdown"]
    assert markdown.startswith("# Good Lives worksheet: Example A\n")
    assert "| Excellence in work, including mastery | Casual cash work | No |" in markdown
