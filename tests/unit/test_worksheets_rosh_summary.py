"""RoSH summary worksheet: each finding rule with a case that triggers it and a near
miss that must not, the grid and headings in the report, and the Markdown.

Rules come from the level definitions (PC 36/2006; Scottish MAPPA National
Guidance 2016 §4.5) and the OASys headings (domain-facts §1)."""

from __future__ import annotations

import pytest

from tests.unit.worksheets import codes, examples, outcome, report_text
from tools.rosh_summary import TOOL
from tools.rosh_summary.model import GROUPS, SETTINGS

SLUG = "rosh-summary"
BASE: dict[str, str] = examples(SLUG)["consistent-summary"]["inputs"]


def variant(drop: tuple[str, ...] = (), **changes: str) -> dict[str, str]:
    inputs = {k: v for k, v in BASE.items() if k not in drop}
    inputs.update(changes)
    return inputs


def test_field_names_are_the_grid_and_the_headings() -> None:
    names = {f.name for f in TOOL.fields()}
    grid = {f"{g}_{s}" for g, _, _ in GROUPS for s, _, _ in SETTINGS}
    assert grid <= names and len(grid) == 10
    assert {f"{g}_who" for g, _, _ in GROUPS} <= names
    assert {"nature", "timing", "when", "increases", "reduces"} <= names
    assert {"suicide", "self_harm", "coping_custody", "coping_hostel", "vulnerability"} <= names
    level = TOOL.field("staff_custody")
    assert [o.key for o in level.options] == ["low", "medium", "high", "very_high",
                                              "not_assessed"]


def test_the_consistent_summary_has_no_findings() -> None:
    assert codes(SLUG, BASE) == []


@pytest.mark.parametrize(("level", "timing"), [
    ("very_high", "imminent"), ("high", "any_time"), ("medium", "if_change"),
    ("low", "not_indicated"),
])
def test_each_level_fits_the_timing_it_is_defined_by(level: str, timing: str) -> None:
    inputs = variant(known_adult_community=level, known_adult_custody="low", timing=timing)
    assert not {"very-high-not-imminent", "imminent-not-very-high",
                "timing-level"} & set(codes(SLUG, inputs))


@pytest.mark.parametrize("timing", ["any_time", "if_change", "not_indicated"])
def test_very_high_without_imminence_is_flagged(timing: str) -> None:
    result = outcome(SLUG, variant(public_custody="very_high", public_who="Prison officers",
                                   timing=timing))
    [flag] = [f for f in result["findings"] if f["kind"] == "inconsistency"]
    assert flag["code"] == "very-high-not-imminent"
    assert "the public in custody (Very high)" in flag["message"]
    assert "more likely than not to happen imminently" in flag["why"]


def test_imminent_timing_below_very_high_is_flagged() -> None:
    assert codes(SLUG, variant(timing="imminent")) == ["imminent-not-very-high"]


def test_a_timing_that_defines_another_level_is_flagged() -> None:
    assert codes(SLUG, variant(timing="if_change")) == ["timing-level"]
    assert codes(SLUG, variant(timing="not_indicated")) == ["timing-level"]


def test_high_with_no_timing_is_a_gap_naming_the_cell() -> None:
    result = outcome(SLUG, variant(drop=("timing",)))
    [finding] = result["findings"]
    assert finding["code"] == "timing-missing"
    assert "a known adult in the community (High)" in finding["message"]


def test_medium_with_no_timing_names_the_highest_level() -> None:
    result = outcome(SLUG, variant(drop=("timing",), known_adult_community="medium"))
    assert [f["message"] for f in result["findings"]] == [
        "The highest level recorded is Medium, but not how soon harm could happen: choose "
        "the timing that fits the evidence"]


def test_a_group_rated_medium_or_above_needs_who() -> None:
    assert codes(SLUG, variant(drop=("known_adult_who",))) == ["who-missing"]
    # near miss: Low needs no one named
    assert codes(SLUG, variant(children_community="low")) == []


def test_who_named_with_no_level_does_not_fit() -> None:
    inputs = variant(staff_community="not_assessed", staff_custody="not_assessed",
                     staff_who="Hostel staff")
    assert codes(SLUG, inputs) == ["who-without-level"]
    # near miss: named and rated Low
    assert codes(SLUG, variant(staff_who="Hostel staff")) == []


@pytest.mark.parametrize(("name", "code"), [
    ("nature", "nature-missing"), ("when", "when-missing"),
    ("increases", "increases-missing"), ("reduces", "reduces-missing"),
])
def test_medium_or_above_needs_each_summary_heading(name: str, code: str) -> None:
    assert codes(SLUG, variant(drop=(name,))) == [code]


def test_all_low_needs_no_summary_headings() -> None:
    inputs = variant(drop=("nature", "when", "increases", "reduces", "known_adult_who"),
                     known_adult_community="low", known_adult_custody="low",
                     timing="not_indicated")
    assert codes(SLUG, inputs) == []


def test_blank_cells_are_one_gap_naming_each() -> None:
    result = outcome(SLUG, variant(drop=("children_community", "prisoners_custody")))
    [finding] = result["findings"]
    assert finding["code"] == "level-missing"
    assert "children in the community and prisoners in custody" in finding["message"]


def test_not_assessed_everywhere_is_no_level() -> None:
    grid = {f"{g}_{s}": "not_assessed" for g, _, _ in GROUPS for s, _, _ in SETTINGS}
    result = outcome(SLUG, {**grid, "suicide": "no", "self_harm": "no", "coping_custody": "no",
                            "coping_hostel": "no", "vulnerability": "no"})
    assert [f["code"] for f in result["findings"]] == ["no-level"]
    assert result["highest_level"] is None


def test_risk_to_self_unanswered_and_undescribed() -> None:
    result = outcome(SLUG, variant(drop=("suicide", "coping_hostel_detail"), vulnerability=""))
    assert [f["code"] for f in result["findings"]] == ["self-unanswered", "self-undescribed"]
    assert "suicide and vulnerability" in result["findings"][0]["message"]
    assert "coping in a hostel setting" in result["findings"][1]["message"]


def test_counts_and_gaps_before_inconsistencies() -> None:
    result = outcome(SLUG, variant(drop=("reduces",), public_community="very_high",
                                   public_who="Shop staff"))
    assert result["counts"] == {"gap": 1, "inconsistency": 1}
    assert [f["kind"] for f in result["findings"]] == ["gap", "inconsistency"]
    assert result["highest_level"] == "very_high"


def test_report_shows_the_grid_headings_and_risk_to_self() -> None:
    result = outcome(SLUG, BASE)
    grid = next(b for b in result["report"] if b.get("caption") == "Risk of serious harm by group")
    assert grid["head"] == ["Group", "Community", "Custody", "Who, and how"]
    assert grid["rows"][2][:3] == ["A known adult", "High", "Medium"]
    text = report_text(result)
    assert "Could happen at any time. On release" in text
    assert "it does not set a level" in text


def test_markdown_has_the_grid_as_a_table() -> None:
    markdown = outcome(SLUG, BASE)["markdown"]
    assert markdown.startswith("# RoSH summary: Example A\n")
    assert "| A known adult | High | Medium | A former partner" in markdown
    assert "## Findings" in markdown
