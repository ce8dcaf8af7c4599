"""OGRS3: all 980 MoJ regression cases, the named public examples, bands, rounding
and every validation message, word for word."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tools.core.dates import completed_years
from tools.core.parse import parse_inputs
from tools.core.result import InvalidInput, Outcome
from tools.ogrs3 import model
from tools.ogrs3.tool import OFFENCES, TOOL, evaluate

ROOT = Path(__file__).resolve().parents[2]
#: The team's reference copy, when this checkout sits beside it (not in CI).
SHARED_COPY = ROOT.parent / "shared" / "reference" / "ogrs3-regression-cases.json"
EXAMPLES: list[dict[str, Any]] = json.loads(
    (ROOT / "tools" / "ogrs3" / "fixtures" / "examples.json").read_text("utf-8")
)["examples"]
BASE = next(e["inputs"] for e in EXAMPLES if e["name"] == "moj-arns-act62-scenario-2")


#: 980 cases from NOMS Digital Studio rsr-calculator test/data/ogrs3.json (MIT licence).
CASES: list[dict[str, Any]] = json.loads(
    (ROOT / "tools" / "ogrs3" / "fixtures" / "regression-cases.json").read_text("utf-8")
)["cases"]


def test_the_regression_file_is_complete_and_matches_the_reference_copy() -> None:
    assert len(CASES) == 980
    if SHARED_COPY.is_file():
        assert json.loads(SHARED_COPY.read_text("utf-8"))["cases"] == CASES


@pytest.mark.parametrize("case", CASES, ids=[c["testNumber"] for c in CASES])
def test_regression_case(case: dict[str, Any]) -> None:
    born = date.fromisoformat(case["birthDate"])
    result = model.score(
        sex="male" if case["gender"] == 0 else "female",
        age_at_follow_up=completed_years(born, date.fromisoformat(case["assessmentDate"])),
        age_at_conviction=completed_years(born, date.fromisoformat(case["convictionDate"])),
        age_at_first_sanction=completed_years(born, date.fromisoformat(case["firstSanctionDate"])),
        previous_sanctions=case["previousSanctions"],
        # The raw parameter by index, including the two disputed motoring ones.
        offence_parameter=model.OFFENCE_PARAMETERS[case["currentOffenceType"]],
    )
    assert result.p1 == pytest.approx(case["output_ogrs3_year_1"], abs=1e-9)
    assert result.p2 == pytest.approx(case["output_ogrs3_year_2"], abs=1e-9)


def run(inputs: dict[str, str]) -> Outcome:
    parsed, errors = parse_inputs(TOOL, inputs)
    assert errors == []
    return evaluate(parsed)


def errors_of(inputs: dict[str, str]) -> list[tuple[str, str]]:
    parsed, errors = parse_inputs(TOOL, inputs)
    if not errors:
        with pytest.raises(InvalidInput) as raised:
            evaluate(parsed)
        errors = raised.value.errors
    return [(e.field, e.message) for e in errors]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_named_example(example: dict[str, Any]) -> None:
    data = run(example["inputs"]).data
    for key, expected in example["expected"].items():
        if isinstance(expected, float):
            assert data[key] == pytest.approx(expected, abs=1e-12), key
        else:
            assert data[key] == expected, key


def test_the_outcome_has_every_promised_key() -> None:
    data = run(BASE).data
    assert isinstance(data["p1"], float) and isinstance(data["p2"], float)
    assert data["copas_rate"] == pytest.approx(-2.2512917986064953)
    assert data["ages"] == {"at_follow_up": 30, "at_conviction": 30, "at_first_sanction": 21}
    assert len(data["explanation"]) == 4


def test_the_explanation_says_how_each_factor_moved_the_score() -> None:
    explanation = run(BASE).data["explanation"]
    assert explanation[0].startswith("Age and sex: Male, 30 at the start of follow-up (band 30 to 34).")
    assert "lowers the score" in explanation[0]
    assert explanation[1] == ("First or repeat sanction: 1 previous sanction. A repeat sanction "
                              "adds +0.463; the other case would add +0.126.")
    assert "ln(2 ÷ (10 + 9)) = −2.251" in explanation[2]
    assert explanation[3] == ("Current offence: Fraud and forgery. Compared with violence against "
                              "the person (0), this category raises the score.")


@pytest.mark.parametrize(("percent", "band"), [
    (0, "low"), (1, "low"), (49, "low"), (50, "medium"), (74, "medium"), (75, "high"),
    (89, "high"), (90, "very high"), (99, "very high"),
])
def test_band_boundaries(percent: int, band: str) -> None:
    assert model.band(percent) == band


@pytest.mark.parametrize(("probability", "percent"), [
    (0.125, 13),            # half-up, not banker's rounding
    (0.0049, 1),            # 0% is shown as 1%
    (0.995, 99),            # 100% is shown as 99%
    (0.8984865665141756, 90),  # 5 dp first (0.89849), then 89.849 -> 90
    (0.494994, 49),         # 0.49499 -> 49.499 -> 49
    (0.49501, 50),          # 0.49501 -> 49.501 -> 50
    # Like Java's BigDecimal(double), the MoJ code rounds a float's exact binary
    # value: 0.494996 -> 0.495 at 5 dp, but the float 0.495 is just below 0.495,
    # so x100 is 49.4999... -> 49. Reproduced on purpose.
    (0.494996, 49),
])
def test_rounding_follows_the_moj_implementation(probability: float, percent: int) -> None:
    assert model.as_percent(probability) == percent


def test_disputed_motoring_categories_are_not_offered() -> None:
    offered = TOOL.field("offence").options
    assert len(offered) == 18
    assert not any("motoring" in o.label.casefold() or "drink" in o.label.casefold()
                   for o in offered)
    assert not {index for _, _, index in OFFENCES} & model.DISPUTED_OFFENCE_INDICES
    assert errors_of({**BASE, "offence": "drink_driving"}) == [
        ("offence", "Select the current offence category from the list")]


def test_every_regression_offence_index_maps_to_a_parameter() -> None:
    assert {c["currentOffenceType"] for c in CASES} <= set(range(len(model.OFFENCE_PARAMETERS)))


# ---- validation: every message, word for word ---------------------------------

@pytest.mark.parametrize(("name", "message"), [
    ("sex", "Select sex"),
    ("date_of_birth", "Enter date of birth"),
    ("conviction_date", "Enter date of the current conviction or caution"),
    ("first_sanction_date", "Enter date of first sanction"),
    ("previous_sanctions", "Enter number of previous sanctions"),
    ("offence", "Select the current offence category"),
    ("follow_up_start", "Enter start of follow-up"),
    ("as_at", "Enter date of this calculation"),
])
def test_missing_answer(name: str, message: str) -> None:
    assert errors_of({**BASE, name: ""}) == [(name, message)]


def test_every_missing_answer_is_reported_at_once_in_form_order() -> None:
    assert [field for field, _ in errors_of({})] == [
        "sex", "date_of_birth", "first_sanction_date", "conviction_date",
        "previous_sanctions", "offence", "follow_up_start", "as_at"]


@pytest.mark.parametrize(("raw", "message"), [
    ("31/2/1980", "Date of birth must be a real date"),
    ("29/2/1981", "Date of birth must be a real date"),
    ("1/13/1980", "Date of birth must be a real date"),
    ("1/6/80", "Year in date of birth must include 4 numbers"),
    ("first of June", "Enter date of birth as day, month and year, for example 27/3/1985"),
    ("1980-02-30", "Date of birth must be a real date"),
])
def test_impossible_or_unreadable_date(raw: str, message: str) -> None:
    assert errors_of({**BASE, "date_of_birth": raw}) == [("date_of_birth", message)]


@pytest.mark.parametrize("raw", ["1/6/1980", "01/06/1980", "1-6-1980", "1.6.1980", "1980-06-01",
                                 " 1 6 1980 "])
def test_date_formats_accepted(raw: str) -> None:
    assert run({**BASE, "date_of_birth": raw}).data["percent_2y"] == 20


@pytest.mark.parametrize(("name", "label"), [
    ("date_of_birth", "Date of birth"),
    ("conviction_date", "Date of the current conviction or caution"),
    ("first_sanction_date", "Date of first sanction"),
])
def test_dates_after_the_date_of_this_calculation(name: str, label: str) -> None:
    errors = errors_of({**BASE, name: "24/11/2026", "as_at": "23/11/2026"})
    assert (name, f"{label} must be on or before 23 November 2026, the date of this "
                  "calculation") in errors


def test_follow_up_may_start_after_the_calculation_date_for_a_planned_release() -> None:
    outcome = run({**BASE, "follow_up_start": "1/3/2027", "as_at": "23/11/2026"})
    assert outcome.data["ages"]["at_follow_up"] == 46


def test_first_sanction_after_the_current_conviction() -> None:
    assert errors_of({**BASE, "first_sanction_date": "2/3/2011"}) == [(
        "first_sanction_date",
        "Date of first sanction must be on or before the date of the current conviction "
        "or caution")]


def test_first_sanction_before_the_tenth_birthday() -> None:
    assert errors_of({**BASE, "first_sanction_date": "31/5/1990"}) == [(
        "first_sanction_date",
        "Date of first sanction must be on or after 1 June 1990, the person’s 10th birthday: "
        "no one under 10 can be convicted or cautioned")]
    assert run({**BASE, "first_sanction_date": "1/6/1990"}).data["ages"]["at_first_sanction"] == 10


def test_no_previous_sanctions_means_the_first_sanction_is_the_current_one() -> None:
    assert errors_of({**BASE, "previous_sanctions": "0"}) == [(
        "first_sanction_date",
        "Date of first sanction must be the same as the date of the current conviction or "
        "caution, because there are no previous sanctions")]


def test_follow_up_before_the_conviction() -> None:
    assert errors_of({**BASE, "follow_up_start": "28/2/2011"}) == [(
        "follow_up_start",
        "Start of follow-up must be on or after the date of the current conviction or caution")]


def test_under_18_at_follow_up_is_not_supported_and_says_why() -> None:
    young = {**BASE, "date_of_birth": "2/3/1993", "first_sanction_date": "1/2/2005"}
    assert errors_of(young) == [(
        "follow_up_start",
        "The person must be 18 or over at the start of follow-up: published OGRS3 weights for "
        "under-18s disagree, so this calculator cannot give a reliable result")]
    assert run({**young, "date_of_birth": "1/3/1993"}).data["ages"]["at_follow_up"] == 18


@pytest.mark.parametrize(("raw", "message"), [
    ("-1", "Number of previous sanctions must be 0 or more"),
    ("2.5", "Number of previous sanctions must be a whole number, like 3"),
    ("three", "Number of previous sanctions must be a whole number, like 3"),
    ("201", "Number of previous sanctions must be 200 or fewer"),
])
def test_previous_sanctions_out_of_range(raw: str, message: str) -> None:
    assert errors_of({**BASE, "previous_sanctions": raw}) == [("previous_sanctions", message)]


def test_two_hundred_previous_sanctions_is_accepted() -> None:
    data = run({**BASE, "previous_sanctions": "200"}).data
    assert (data["percent_2y"], data["band"]) == (99, "very high")


def test_cross_field_problems_are_all_reported_together() -> None:
    fields = [field for field, _ in errors_of({
        **BASE, "conviction_date": "1/1/2030", "follow_up_start": "1/1/2000"})]
    assert fields == ["conviction_date", "follow_up_start"]


# ---- issue 11 §2.4: dates that cannot be true, said once ---------------------------

def test_previous_sanctions_with_the_first_sanction_on_the_current_date_is_an_error() -> None:
    # Five earlier sanctions cannot all fall on the date of the current one: this
    # gave 64% before, as if the whole career were one day long.
    same_day = {**BASE, "previous_sanctions": "5", "first_sanction_date": BASE["conviction_date"]}
    assert errors_of(same_day) == [(
        "first_sanction_date",
        "Date of first sanction must be before the date of the current conviction or "
        "caution, because there are 5 previous sanctions. If the current one is their "
        "first, enter 0 previous sanctions",
    )]


def test_one_previous_sanction_on_the_current_date_says_is_not_are() -> None:
    one = {**BASE, "previous_sanctions": "1", "first_sanction_date": BASE["conviction_date"]}
    assert errors_of(one)[0][1].startswith(
        "Date of first sanction must be before the date of the current conviction or "
        "caution, because there is 1 previous sanction.")


def test_the_day_before_the_current_date_is_accepted_with_previous_sanctions() -> None:
    day_before = {**BASE, "previous_sanctions": "5", "first_sanction_date": "28/2/2011"}
    assert run(day_before).data["percent_2y"] > 0


def test_a_future_date_of_birth_gives_one_error_not_also_under_18() -> None:
    future = {**BASE, "date_of_birth": "1/1/2030"}
    assert errors_of(future) == [(
        "date_of_birth",
        "Date of birth must be on or before 23 November 2026, the date of this calculation",
    )]


def test_the_first_sanction_is_asked_before_the_current_conviction() -> None:
    names = [f.name for f in TOOL.fields()]
    assert names.index("first_sanction_date") < names.index("conviction_date")


def test_the_result_says_it_is_not_the_oasys_figure_and_keeps_the_working_collapsed() -> None:
    report = run(BASE).to_json()["report"]
    types = [b["type"] for b in report]
    not_of_record = next(i for i, b in enumerate(report)
                         if b["type"] == "paragraph" and "not the OASys figure of record"
                         in b["text"])
    assert not_of_record < types.index("details")  # beside the result, before the working
    details = next(b for b in report if b["type"] == "details")
    assert details["summary"].startswith("How each factor moved the score")
    inner = [b["type"] for b in details["blocks"]]
    assert inner == ["table", "paragraph"]
    assert "logistic function of" in details["blocks"][1]["text"]
    top_level = " ".join(b.get("text", "") for b in report)
    assert "logistic function" not in top_level
