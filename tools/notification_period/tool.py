"""Notification period calculator: the form, the checks that answers fit together,
and the result with its dates.

The rules are in tools.notification_period.rules. This module owns what a reader
types (field names are permanent: they appear in exported answers) and the date
convention: a period "beginning with" the relevant date (s.82(1)) includes that
day, so it ends the day before the same date N months later; where that date does
not exist (29 February, 31 April) the later reading is taken (tools.core.dates).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from tools.core.dates import birthday, completed_years, long_date, months_later
from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import (
    Block,
    FieldError,
    InvalidInput,
    Outcome,
)
from tools.core.schema import Field, Option, Section, Source, Tool
from tools.notification_period import report, rules

#: The age of criminal responsibility in England and Wales (Children and Young
#: Persons Act 1933, s.50): no conviction, finding or caution before a 10th birthday.
AGE_OF_CRIMINAL_RESPONSIBILITY = 10
#: s.82(2) halves the fixed periods for a person under 18 on the relevant date.
ADULT_AGE = 18
MAX_TERM_MONTHS = 1200
MAX_TERMS = 20
_TERM = re.compile(r"^\d{1,4}$")
CUSTODIAL = ("imprisonment",)

TOOL = Tool(
    slug="notification-period",
    title="Notification period calculator",
    version=1,
    summary=(
        "Works out how long a person subject to the notification requirements of the "
        "Sexual Offences Act 2003 must notify the police (s.82), the last day of a "
        "fixed period, and for an indefinite period the earliest date they may apply "
        "for a review (ss.91A–91F). It assumes the person is subject to notification: "
        "Schedule 3 decides that, and this calculator does not. Everything is worked "
        "out in your browser."
    ),
    sources=(
        Source("Sexual Offences Act 2003 s.82(1) (the table of notification periods), "
               "s.82(2) (halving for under-18s), s.82(3)–(4) (consecutive and partly "
               "concurrent terms) and s.82(6) (the relevant date), as it stood on "
               "12 April 2019",
               "https://www.legislation.gov.uk/ukpga/2003/42/section/82/2019-04-12"),
        Source("House of Lords, Explanatory Notes to the Sexual Offences Bill, clause 84 "
               "(later s.82): halving of the fixed periods; 3 + 10 months consecutive "
               "counts as 13 months",
               "http://www.publications.parliament.uk/pa/ld200203/ldbills/026/en/03026x-c.htm"),
        Source("Sexual Offences Act 2003 (Remedial) Order 2012 (SI 2012/1883), inserting "
               "ss.91A–91G from 30 July 2012: review of indefinite notification; s.91B(2) "
               "qualifying date (15 years, or 8 for under-18s, from the relevant "
               "notification)",
               "https://www.legislation.gov.uk/ukdsi/2012/9780111521403/note"),
        Source("Sexual Offences Act 2003 Explanatory Notes, paras 150–151: Schedule 3 "
               "decides who is subject to notification; a conditional discharge counts",
               "http://legislation.data.gov.uk/ukpga/2003/42/notes/division/5/2/data.htm"),
    ),
    sections=(
        Section("About the person", (
            Field("date_of_birth", "Date of birth", "date", noun="date of birth",
                  width="short", hint="For example, 27/3/1985"),
            Field("relevant_date", "Relevant date", "date", noun="the relevant date",
                  width="short",
                  hint="The date of the conviction, of the finding (not guilty by reason "
                       "of insanity, or under a disability and did the act), or of the "
                       "caution (s.82(6))"),
        )),
        Section("The sentence or disposal", (
            Field("disposal", "Sentence or disposal", "choice", noun="the sentence or disposal",
                  hint="For the offence that makes them subject to notification",
                  options=(
                      Option("life", "Imprisonment for life"),
                      Option("ipp", "Imprisonment for public protection (IPP)"),
                      Option("imprisonment", "Imprisonment for a fixed term",
                             "Enter the term below"),
                      Option("hospital-restriction",
                             "Hospital order with a restriction order"),
                      Option("hospital", "Hospital order without a restriction order"),
                      Option("caution", "Caution"),
                      Option("conditional-discharge", "Conditional discharge",
                             "Enter its length below"),
                      Option("other", "Any other sentence",
                             "For example a community sentence or a fine"),
                      Option("suspended", "Suspended sentence",
                             "This calculator cannot work this out"),
                      Option("youth-detention", "Detention of a young offender",
                             "For example a detention and training order. This "
                             "calculator cannot work this out"),
                  )),
            Field("terms", "Custodial terms, in months", "text", required=False,
                  noun="the custodial terms", width="medium",
                  hint="Imprisonment only. Whole months as the court gave them; for "
                       "several terms separate them with commas, like 3, 10. If terms "
                       "partly overlapped, enter their total less the overlap as one "
                       "term (s.82(4))"),
            Field("consecutive", "Were the terms consecutive?", "yes_no", required=False,
                  noun="whether the terms were consecutive",
                  hint="Only if you entered more than one term. Consecutive terms are "
                       "added together (s.82(3))"),
            Field("discharge_months", "Length of the conditional discharge, in months",
                  "integer", required=False, minimum=1, maximum=120, width="short",
                  noun="the length of the conditional discharge",
                  hint="Conditional discharge only, for example 24"),
        )),
        Section("Review of an indefinite period", (
            Field("first_notification_date", "Date of first notification", "date",
                  required=False, noun="the date of first notification", width="short",
                  hint="Optional. The date they first notified the police after the "
                       "conviction, or after release from custody. Used only for an "
                       "indefinite period"),
        )),
    ),
)


def _terms(parsed: Parsed) -> tuple[int, ...]:
    """The typed terms, or InvalidInput with a message that says how to fix them."""
    text: str = parsed.get("terms") or ""
    if not text:
        raise InvalidInput([FieldError("terms", "Enter the custodial term in months, "
                                       "for example 18")])
    parts = [p.strip() for p in text.split(",")]
    if len(parts) > MAX_TERMS:
        raise InvalidInput([FieldError("terms", f"Enter {MAX_TERMS} terms or fewer")])
    if not all(p.isascii() and _TERM.match(p) for p in parts):
        raise InvalidInput([FieldError("terms", "Enter each custodial term as a whole "
                                       "number of months, separated by commas, like 3, 10")])
    terms = tuple(int(p) for p in parts)
    if any(t < 1 for t in terms):
        raise InvalidInput([FieldError("terms", "Each custodial term must be 1 month "
                                       "or more")])
    if any(t > MAX_TERM_MONTHS for t in terms):
        raise InvalidInput([FieldError("terms", f"Each custodial term must be "
                                       f"{MAX_TERM_MONTHS} months or fewer")])
    if len(terms) > 1 and parsed.get("consecutive") is None:
        raise InvalidInput([FieldError("consecutive", "Select yes if the terms were "
                                       "consecutive, or no if they were concurrent")])
    return terms


def _check_dates(parsed: Parsed) -> None:
    born: date = parsed.get("date_of_birth")
    relevant: date = parsed.get("relevant_date")
    first: date | None = parsed.get("first_notification_date")
    errors: list[FieldError] = []
    tenth = birthday(born, AGE_OF_CRIMINAL_RESPONSIBILITY)
    if tenth is None or relevant < tenth:
        when = "" if tenth is None else f"{long_date(tenth)}, "
        errors.append(FieldError("relevant_date", "The relevant date must be the same as or "
                                 f"after {when}the person’s 10th birthday: no one under 10 "
                                 "can be convicted or cautioned"))
    if first is not None and first < relevant:
        errors.append(FieldError("first_notification_date", "The date of first notification "
                                 "must be the same as or after the relevant date"))
    if errors:
        raise InvalidInput(errors)


def _end(start: date, months: int, field: str, noun: str) -> date:
    """The first day after a period of `months` beginning with `start`."""
    after = months_later(start, months)
    if after is None:
        raise InvalidInput([FieldError(field, f"The {noun} would fall after the year 9999: "
                                       "check the dates")])
    return after


def _period(parsed: Parsed, under_18: bool) -> tuple[rules.Period, tuple[int, ...]]:
    disposal = cast(rules.Disposal, parsed.get("disposal"))
    if disposal in rules.UNVERIFIED:
        raise InvalidInput([FieldError("disposal", rules.UNVERIFIED[disposal])])
    if disposal == "imprisonment" and under_18:
        raise InvalidInput([FieldError("disposal", "This calculator works out imprisonment "
                                       "only for people 18 or over on the relevant date: "
                                       "custody for under-18s is a youth sentence, and how "
                                       "youth custody counts (s.131) has not been checked")])
    terms: tuple[int, ...] = ()
    term = 0
    if disposal == "imprisonment":
        terms = _terms(parsed)
        term = rules.relevant_term(terms, bool(parsed.get("consecutive")))
    discharge = parsed.get("discharge_months")
    if disposal == "conditional-discharge" and discharge is None:
        raise InvalidInput([FieldError("discharge_months", "Enter the length of the "
                                       "conditional discharge in months, for example 24")])
    return rules.period(disposal, under_18, term, discharge or 0), terms


def _age(born: date, on: date) -> tuple[int, bool]:
    """Completed years on `on`, and whether a 29 February birthday decided it.

    Someone born on 29 February is taken to turn 18 on 28 February in a year
    without one (the reference does not settle it): of the two readings, it gives
    the longer period (no halving under s.82(2)) and the later review date (s.91B(2)).
    """
    age = completed_years(born, on)
    leapling = (born.month, born.day) == (2, 29) and (on.month, on.day) == (2, 28)
    if leapling and age == ADULT_AGE - 1 and on.year - born.year == ADULT_AGE:
        return ADULT_AGE, True
    return age, False


def evaluate(parsed: Parsed) -> Outcome:
    """The s.82 notification period, its last day, and for indefinite periods the review date."""
    _check_dates(parsed)
    born: date = parsed.get("date_of_birth")
    relevant: date = parsed.get("relevant_date")
    age, leapling = _age(born, relevant)
    under_18 = age < ADULT_AGE
    found, terms = _period(parsed, under_18)
    data: dict[str, object] = {
        "period": found.as_json(),
        "halved": found.halved,
        "under_18": under_18,
        "age_on_relevant_date": age,
        "row": found.row,
        "provision": found.provision,
    }
    notes: list[Block] = []
    shown = "Indefinite" if found.indefinite else report.length(found.months)
    rows: list[tuple[str, str]] = [("Notification period", shown)]
    if terms:
        consecutive = bool(parsed.get("consecutive"))
        data["term_months"] = rules.relevant_term(terms, consecutive)
        rows.append(("Custodial term", report.term_line(terms, consecutive)))
    rows.append(("Age on the relevant date", f"{age} ({long_date(relevant)})"))
    if leapling:
        notes.append(report.LEAPLING)
    rows.append(("Row of the s.82(1) table", found.row))
    lead = "Indefinite: the requirements last until a review ends them."
    if found.indefinite:
        first: date | None = parsed.get("first_notification_date")
        years = rules.review_years(under_18)
        if first is not None:
            review = _end(first, years * 12, "first_notification_date", "review date")
            data["review_date"] = review.isoformat()
            rows.append(("Earliest date to apply for a review", long_date(review)))
        notes.extend(report.review_notes(years, under_18, first))
    else:
        after = _end(relevant, found.months, "relevant_date", "end of the period")
        last = after - timedelta(days=1)
        data["end_date"] = last.isoformat()
        rows.append(("Last day of the period", long_date(last)))
        lead = (f"They must keep to the notification requirements up to and including "
                f"{long_date(last)}.")
        notes.extend(report.fixed_notes(found, under_18))
    blocks = report.blocks(rows, lead, notes)
    return Outcome(data=data, report=blocks, markdown=render_markdown(blocks))
