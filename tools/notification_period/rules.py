"""The notification period of Sexual Offences Act 2003 s.82, and the review date.

Every rule cites its provision (legislation.gov.uk, s.82 as it stood on
12 April 2019; House of Lords Explanatory Note to the Sexual Offences Bill,
clause 84; SI 2012/1883 inserting ss.91A-91G). Pure: months and flags in,
a period out. Dates and messages live in tools.notification_period.tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Disposal = Literal[
    "life", "ipp", "imprisonment", "hospital-restriction", "hospital", "caution",
    "conditional-discharge", "other", "suspended", "youth-detention",
]

#: s.82(1): imprisonment of 30 months or more gives an indefinite period...
INDEFINITE_FROM_MONTHS = 30
#: ...more than 6 but less than 30 months gives 10 years; 6 months or less, 7 years.
SHORT_TERM_MONTHS = 6

#: s.91B(2): the review clock, in years from the relevant notification, by age
#: on the relevant date (18 or over: 15 years; under 18: 8 years).
REVIEW_YEARS_ADULT = 15
REVIEW_YEARS_UNDER_18 = 8

#: Disposals the reference does not verify (how youth custody and suspended
#: sentences count as "imprisonment" under s.131 was not read): refused.
UNVERIFIED: dict[str, str] = {
    "suspended": (
        "This calculator cannot work out the period for a suspended sentence: how a "
        "suspended sentence counts as imprisonment under the Sexual Offences Act 2003 "
        "(s.131) has not been checked. Ask the police public protection unit"),
    "youth-detention": (
        "This calculator cannot work out the period for detention of a young offender: "
        "how youth custody counts as imprisonment under the Sexual Offences Act 2003 "
        "(s.131) has not been checked. Ask the police public protection unit"),
}


@dataclass(frozen=True)
class Period:
    """A notification period: indefinite, or years and months."""

    indefinite: bool
    months: int  # 0 when indefinite
    row: str  # the s.82(1) row, in plain English
    provision: str
    halved: bool

    def as_json(self) -> str | dict[str, int]:
        if self.indefinite:
            return "indefinite"
        return {"years": self.months // 12, "months": self.months % 12}


def relevant_term(terms: tuple[int, ...], consecutive: bool) -> int:
    """s.82(3)-(4): consecutive terms count as one term of their total.

    Terms that were not consecutive are not added: the table is applied to each,
    and the longest term gives the longest period.
    """
    return sum(terms) if consecutive else max(terms)


def _fixed(months: int, row: str, provision: str, under_18: bool) -> Period:
    # s.82(2): for a person under 18 on the relevant date the fixed periods of
    # 10, 7, 5 and 2 years are halved (Lords EN clause 84).
    if under_18:
        return Period(False, months // 2, row, provision + " and s.82(2)", True)
    return Period(False, months, row, provision, False)


def period(
    disposal: Disposal, under_18: bool, term_months: int = 0, discharge_months: int = 0
) -> Period:
    """The s.82(1) period for one disposal (unverified disposals raise KeyError first)."""
    if disposal in UNVERIFIED:
        raise KeyError(disposal)
    if disposal == "life":
        return Period(True, 0, "Sentenced to imprisonment for life", "s.82(1)", False)
    if disposal == "ipp":
        return Period(True, 0, "Sentenced to imprisonment for public protection "
                      "(Criminal Justice Act 2003 s.225)", "s.82(1)", False)
    if disposal == "hospital-restriction":
        return Period(True, 0, "Admitted to hospital subject to a restriction order",
                      "s.82(1)", False)
    if disposal == "imprisonment":
        if term_months >= INDEFINITE_FROM_MONTHS:
            return Period(True, 0, "Sentenced to imprisonment for a term of 30 months or "
                          "more", "s.82(1)", False)
        if term_months > SHORT_TERM_MONTHS:
            return _fixed(120, "Sentenced to imprisonment for a term of more than 6 months "
                          "but less than 30 months", "s.82(1)", under_18)
        return _fixed(84, "Sentenced to imprisonment for a term of 6 months or less",
                      "s.82(1)", under_18)
    if disposal == "hospital":
        return _fixed(84, "Admitted to hospital without a restriction order", "s.82(1)",
                      under_18)
    if disposal == "caution":
        return _fixed(24, "Cautioned", "s.82(1)", under_18)
    if disposal == "conditional-discharge":
        # The period of the discharge is not one of the fixed periods s.82(2)
        # halves (Lords EN clause 84), so it is never halved.
        return Period(False, discharge_months, "Conditional discharge: the period of the "
                      "conditional discharge", "s.82(1)", False)
    return _fixed(60, "A person of any other description (for example a community "
                  "sentence or a fine)", "s.82(1)", under_18)


def review_years(under_18: bool) -> int:
    """s.91B(2): years from the relevant notification to the qualifying date."""
    return REVIEW_YEARS_UNDER_18 if under_18 else REVIEW_YEARS_ADULT
