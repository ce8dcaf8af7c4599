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


def birthday(born: date, years: int) -> date | None:
    """The date someone born on `born` turns `years` (29 February → 1 March).

    None when that birthday falls outside the years 1 to 9999, the only years a
    date can hold: a date of birth typed as 1/1/9990 must give a field error,
    not a ValueError.
    """
    year = born.year + years
    if not date.min.year <= year <= date.max.year:
        return None
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        return date(year, 3, 1)


def long_date(day: date) -> str:
    """'23 November 2026', the GOV.UK style for dates."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def months_later(day: date, months: int) -> date | None:
    """The same day `months` calendar months on; a day that month lacks rolls forward.

    31 January + 1 month is 1 March, and 29 February + 12 months is 1 March, the
    later of the two readings (as `birthday` reads 29 February). Periods "beginning
    with" a date end the day before this. None outside the years 1 to 9999.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = index // 12, index % 12 + 1
    if not date.min.year <= year <= date.max.year:
        return None
    try:
        return date(year, month, day.day)
    except ValueError:  # no such day in that month: the 1st of the next one
        if month == 12:
            return None if year == date.max.year else date(year + 1, 1, 1)
        return date(year, month + 1, 1)
