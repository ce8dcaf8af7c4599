"""Notification periods (SOA 2003 s.82, ss.91A-91F): the worked examples, every row
of the table at its boundaries, halving, aggregation, cautions, leap days and month
ends, the refusals, and every message word for word."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.unit import test_fuzz_runtime
from tools.core.dates import months_later
from tools.core.parse import parse_inputs
from tools.core.result import InvalidInput
from tools.notification_period import rules
from tools.notification_period.tool import TOOL, evaluate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES: list[dict[str, Any]] = json.loads(
    (ROOT / "tools" / "notification_period" / "fixtures" / "examples.json").read_text("utf-8")
)["examples"]
ADULT = {"date_of_birth": "1/1/1980", "relevant_date": "1/3/2010"}
YOUTH = {"date_of_birth": "2/3/1993", "relevant_date": "1/3/2011"}  # 17 on the day


def run(inputs: dict[str, str]) -> dict[str, Any]:
    parsed, errors = parse_inputs(TOOL, inputs)
    assert errors == []
    return evaluate(parsed).data


def errors_of(inputs: dict[str, str]) -> list[tuple[str, str]]:
    parsed, errors = parse_inputs(TOOL, inputs)
    if not errors:
        with pytest.raises(InvalidInput) as raised:
            evaluate(parsed)
        errors = raised.value.errors
    return [(e.field, e.message) for e in errors]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_worked_example(example: dict[str, Any]) -> None:
    data = run(example["inputs"])
    for key, expected in example["expected"].items():
        assert data[key] == expected, key


@pytest.mark.parametrize(("months", "period"), [
    (1, {"years": 7, "months": 0}),
    (6, {"years": 7, "months": 0}),      # s.82(1): 6 months or less
    (7, {"years": 10, "months": 0}),     # more than 6 months...
    (29, {"years": 10, "months": 0}),    # ...but less than 30 months
    (30, "indefinite"),                  # 30 months or more
    (240, "indefinite"),
])
def test_each_row_of_the_imprisonment_table_at_its_boundaries(
    months: int, period: object
) -> None:
    data = run({**ADULT, "disposal": "imprisonment", "terms": str(months)})
    assert data["period"] == period
    assert ("end_date" in data) is (period != "indefinite")


@pytest.mark.parametrize(("disposal", "adult", "youth"), [
    ("life", "indefinite", "indefinite"),
    ("ipp", "indefinite", "indefinite"),
    ("hospital-restriction", "indefinite", "indefinite"),
    ("hospital", {"years": 7, "months": 0}, {"years": 3, "months": 6}),
    ("caution", {"years": 2, "months": 0}, {"years": 1, "months": 0}),
    ("other", {"years": 5, "months": 0}, {"years": 2, "months": 6}),
])
def test_fixed_periods_halve_for_under_18s_and_indefinite_ones_do_not(
    disposal: str, adult: object, youth: object
) -> None:
    grown, young = run({**ADULT, "disposal": disposal}), run({**YOUTH, "disposal": disposal})
    assert (grown["period"], young["period"]) == (adult, youth)
    assert grown["halved"] is False
    assert young["halved"] is (youth != "indefinite")
    assert young["under_18"] is True and grown["under_18"] is False


def test_halving_of_each_fixed_period_in_months() -> None:
    # s.82(2): 10, 7, 5 and 2 years become 5, 3½, 2½ and 1 (Lords EN clause 84).
    assert rules.period("imprisonment", True, term_months=12).months == 60
    assert rules.period("hospital", True).months == 42
    assert rules.period("other", True).months == 30
    assert rules.period("caution", True).months == 12


def test_an_eighteenth_birthday_on_the_relevant_date_means_no_halving() -> None:
    data = run({"date_of_birth": "1/3/1993", "relevant_date": "1/3/2011", "disposal": "caution"})
    assert data["age_on_relevant_date"] == 18
    assert (data["period"], data["halved"]) == ({"years": 2, "months": 0}, False)


def test_under_18_on_the_day_before_the_eighteenth_birthday_is_halved() -> None:
    data = run({"date_of_birth": "2/3/1993", "relevant_date": "1/3/2011", "disposal": "caution"})
    assert (data["period"], data["halved"], data["end_date"]) == (
        {"years": 1, "months": 0}, True, "2012-02-29")


@pytest.mark.parametrize(("relevant", "age", "period"), [
    ("27/2/2014", 17, {"years": 1, "months": 0}),   # under 18: halved
    ("28/2/2014", 18, {"years": 2, "months": 0}),   # no 29 February 2014: taken to be 18
    ("1/3/2014", 18, {"years": 2, "months": 0}),
])
def test_a_29_february_birthday_turns_18_on_28_february_the_longer_reading(
    relevant: str, age: int, period: object
) -> None:
    parsed, _ = parse_inputs(TOOL, {"date_of_birth": "29/2/1996", "relevant_date": relevant,
                                    "disposal": "caution"})
    outcome = evaluate(parsed)
    assert (outcome.data["age_on_relevant_date"], outcome.data["period"]) == (age, period)
    assert ("Born on 29 February" in outcome.markdown) is (relevant == "28/2/2014")


def test_a_29_february_birthday_on_28_february_gets_the_adult_review_clock() -> None:
    data = run({"date_of_birth": "29/2/1996", "relevant_date": "28/2/2014", "disposal": "life",
                "first_notification_date": "3/3/2014"})
    assert data["review_date"] == "2029-03-03"


def test_a_conditional_discharge_lasts_its_own_period_and_is_not_halved() -> None:
    adult = run({**ADULT, "disposal": "conditional-discharge", "discharge_months": "12"})
    young = run({**YOUTH, "disposal": "conditional-discharge", "discharge_months": "12"})
    assert adult["period"] == young["period"] == {"years": 1, "months": 0}
    assert young["halved"] is False


@pytest.mark.parametrize(("terms", "consecutive", "term", "period"), [
    ("3, 10", "yes", 13, {"years": 10, "months": 0}),   # Lords EN: 13 months, 10 years
    ("3,3", "yes", 6, {"years": 7, "months": 0}),        # total exactly 6 months
    ("4, 3", "yes", 7, {"years": 10, "months": 0}),      # total over 6 months
    ("6, 24", "yes", 30, "indefinite"),                  # total exactly 30 months
    ("6, 24", "no", 24, {"years": 10, "months": 0}),     # concurrent: the longest
    ("29, 29", "no", 29, {"years": 10, "months": 0}),
    ("5", "yes", 5, {"years": 7, "months": 0}),          # one term: the flag changes nothing
])
def test_consecutive_terms_are_added_and_concurrent_ones_are_not(
    terms: str, consecutive: str, term: int, period: object
) -> None:
    data = run({**ADULT, "disposal": "imprisonment", "terms": terms, "consecutive": consecutive})
    assert (data["term_months"], data["period"]) == (term, period)


def test_a_caution_runs_two_years_from_the_date_of_the_caution() -> None:
    data = run({"date_of_birth": "1/1/1970", "relevant_date": "15/6/2011", "disposal": "caution"})
    assert (data["period"], data["end_date"]) == ({"years": 2, "months": 0}, "2013-06-14")


@pytest.mark.parametrize(("start", "months", "last"), [
    ("31/1/2011", 1, "2011-02-28"),      # no 31 February: the later reading, last day of Feb
    ("31/1/2012", 1, "2012-02-29"),      # a leap year: 29 February
    ("30/4/2011", 1, "2011-05-29"),      # 30 May exists: the day before
    ("29/2/2012", 12, "2013-02-28"),     # no 29 February 2013
    ("29/2/2012", 48, "2016-02-28"),     # 29 February 2016 exists: the day before
    ("1/3/2011", 12, "2012-02-29"),      # ends on a leap day
    ("31/8/2011", 6, "2012-02-29"),      # 31 August + 6 months: no 31 February 2012
    ("31/12/2011", 12, "2012-12-30"),
])
def test_conditional_discharge_end_dates_at_month_ends_and_leap_days(
    start: str, months: int, last: str
) -> None:
    data = run({"date_of_birth": "1/1/1970", "relevant_date": start,
                "disposal": "conditional-discharge", "discharge_months": str(months)})
    assert data["end_date"] == last


def test_months_later_rolls_a_missing_day_forward_and_stops_at_year_9999() -> None:
    assert months_later(date(2011, 1, 31), 1) == date(2011, 3, 1)
    assert months_later(date(2012, 2, 29), 12) == date(2013, 3, 1)
    assert months_later(date(2011, 12, 31), 2) == date(2012, 3, 1)
    assert months_later(date(2011, 10, 31), 1) == date(2011, 12, 1)
    assert months_later(date(2011, 5, 15), -3) == date(2011, 2, 15)
    assert months_later(date(9999, 12, 31), 1) is None
    assert months_later(date(9999, 11, 30), 1) == date(9999, 12, 30)


@pytest.mark.parametrize(("born", "first", "review"), [
    ("1/1/1980", "13/6/2011", "2026-06-13"),   # adult: 15 years
    ("2/3/1993", "13/6/2011", "2019-06-13"),   # under 18 on the relevant date: 8 years
    ("1/1/1980", "29/2/2012", "2027-03-01"),   # no 29 February 2027: the later reading
])
def test_the_review_date_is_15_or_8_years_from_first_notification(
    born: str, first: str, review: str
) -> None:
    data = run({"date_of_birth": born, "relevant_date": "1/3/2011", "disposal": "life",
                "first_notification_date": first})
    assert (data["period"], data["review_date"]) == ("indefinite", review)
    assert "end_date" not in data


def test_no_review_date_without_a_first_notification_and_none_for_fixed_periods() -> None:
    assert "review_date" not in run({**ADULT, "disposal": "ipp"})
    fixed = run({**ADULT, "disposal": "caution", "first_notification_date": "2/3/2010"})
    assert "review_date" not in fixed and fixed["end_date"] == "2012-02-29"


def test_the_result_states_the_date_convention_and_its_source() -> None:
    parsed, _ = parse_inputs(TOOL, {**ADULT, "disposal": "caution"})
    markdown = evaluate(parsed).markdown
    assert "beginning with the relevant date" in markdown
    assert "later reading" in markdown
    assert "28 February 2012" not in markdown and "29 February 2012" in markdown


@pytest.mark.parametrize("disposal", ["suspended", "youth-detention"])
def test_disposals_the_sources_do_not_verify_are_refused(disposal: str) -> None:
    [(field, message)] = errors_of({**ADULT, "disposal": disposal, "terms": "12"})
    assert field == "disposal"
    assert message.startswith("This calculator cannot work out the period for ")
    assert "(s.131) has not been checked" in message


def test_imprisonment_for_someone_under_18_is_refused_as_youth_custody() -> None:
    assert errors_of({**YOUTH, "disposal": "imprisonment", "terms": "12"}) == [(
        "disposal", "This calculator works out imprisonment only for people 18 or over on "
        "the relevant date: custody for under-18s is a youth sentence, and how youth custody "
        "counts (s.131) has not been checked")]


@pytest.mark.parametrize(("inputs", "expected"), [
    ({}, [("date_of_birth", "Enter date of birth"), ("relevant_date", "Enter the relevant date"),
          ("disposal", "Select the sentence or disposal")]),
    ({**ADULT, "disposal": "imprisonment"},
     [("terms", "Enter the custodial term in months, for example 18")]),
    ({**ADULT, "disposal": "imprisonment", "terms": "3, ten"},
     [("terms", "Enter each custodial term as a whole number of months, separated by "
                "commas, like 3, 10")]),
    ({**ADULT, "disposal": "imprisonment", "terms": "²"},
     [("terms", "Enter each custodial term as a whole number of months, separated by "
                "commas, like 3, 10")]),
    ({**ADULT, "disposal": "imprisonment", "terms": "0"},
     [("terms", "Each custodial term must be 1 month or more")]),
    ({**ADULT, "disposal": "imprisonment", "terms": "1201"},
     [("terms", "Each custodial term must be 1200 months or fewer")]),
    ({**ADULT, "disposal": "imprisonment", "terms": "3, 10"},
     [("consecutive", "Select yes if the terms were consecutive, or no if they were "
                      "concurrent")]),
    ({**ADULT, "disposal": "conditional-discharge"},
     [("discharge_months", "Enter the length of the conditional discharge in months, for "
                           "example 24")]),
    ({**ADULT, "disposal": "conditional-discharge", "discharge_months": "0"},
     [("discharge_months", "The length of the conditional discharge must be 1 or more")]),
    ({"date_of_birth": "31/2/1980", "relevant_date": "1/3/2010", "disposal": "caution"},
     [("date_of_birth", "Date of birth must be a real date")]),
    ({"date_of_birth": "1/3/2005", "relevant_date": "28/2/2015", "disposal": "caution"},
     [("relevant_date", "The relevant date must be the same as or after 1 March 2015, the "
                        "person’s 10th birthday: no one under 10 can be convicted or "
                        "cautioned")]),
    ({**ADULT, "disposal": "life", "first_notification_date": "28/2/2010"},
     [("first_notification_date", "The date of first notification must be the same as or "
                                  "after the relevant date")]),
    ({"date_of_birth": "1/1/9970", "relevant_date": "1/1/9995", "disposal": "other"},
     [("relevant_date", "The end of the period would fall after the year 9999: check the "
                        "dates")]),
])
def test_every_message(inputs: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert errors_of(inputs) == expected


def test_the_outcome_keys_the_issue_names() -> None:
    fixed = run({**ADULT, "disposal": "other"})
    indefinite = run({**ADULT, "disposal": "life", "first_notification_date": "2/3/2010"})
    assert {"period", "halved", "end_date"} <= set(fixed) and "review_date" not in fixed
    assert {"period", "halved", "review_date"} <= set(indefinite)
    assert "end_date" not in indefinite


def test_the_field_names_are_the_permanent_ones() -> None:
    assert [f.name for f in TOOL.fields()] == [
        "date_of_birth", "relevant_date", "disposal", "terms", "consecutive",
        "discharge_months", "first_notification_date"]
    keys = [o.key for o in TOOL.field("disposal").options]
    assert keys[:8] == ["life", "ipp", "imprisonment", "hospital-restriction", "hospital",
                        "caution", "conditional-discharge", "other"]


def test_the_hypothesis_fuzz_covers_this_tool() -> None:
    assert TOOL in test_fuzz_runtime.TOOLS
    assert TOOL.slug in test_fuzz_runtime.ANSWERS
