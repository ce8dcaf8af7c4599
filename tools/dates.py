"""Date arithmetic the tools share: completed years and GOV.UK-style dates.

No clock here: every date arrives as an input, so results are reproducible and
the same under CPython and Pyodide.
"""

from __future__ import annotations

from datetime import date

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


def completed_years(born: date, on: date) -> int:
    """Age in whole years on `on`: a birthday not yet reached that year does not count."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def birthday(born: date, years: int) -> date:
    """The date someone born on `born` turns `years` (29 February → 1 March)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


def long_date(day: date) -> str:
    """'23 November 2026', the GOV.UK style for dates."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
