"""The notification period as report blocks: the result, the date convention and
the caveats, in our words. Plain text only (the page renders it with textContent)."""

from __future__ import annotations

from datetime import date

from tools.core.dates import long_date
from tools.core.result import Block, Heading, Paragraph, SummaryList
from tools.notification_period.rules import Period

CONVENTION = (
    "Date convention: the period begins with the relevant date (s.82(1): ‘beginning "
    "with the relevant date’), so that day counts and the period ends on the day "
    "before the same date at the end of the period. Where that date does not exist "
    "(a relevant date of 29 February, or the 31st of a month followed by a shorter "
    "one) the reference does not settle which day ends the period: this calculator "
    "takes the later reading, to the last day of the shorter month, because it "
    "never ends a requirement early. Check an end date that falls there with the "
    "police.")

REVIEW_CONVENTION = (
    "Date convention: the review period begins with the day of the notification, so "
    "the day after it ends is the same date at the end of the period; for a "
    "notification on 29 February, in a year without one, this calculator takes the "
    "later reading, 1 March.")


LEAPLING = Paragraph(
    "Born on 29 February: this calculator takes them to be 18 on 28 February in a "
    "year without a 29 February. The reference does not settle this; of the two "
    "readings, this one gives the longer period and the later review date.")


def review_notes(years: int, under_18: bool, first: date | None) -> list[Block]:
    """What ss.91A-91F say about the review of an indefinite period, for these answers."""
    if first is None:
        return [Paragraph(
            f"The indefinite requirements can be reviewed (ss.91A–91F): the earliest "
            f"application date is {years} years from the relevant notification "
            f"(s.91B(2)). Enter the date of first notification to see it.")]
    return [Paragraph(
        f"The indefinite requirements can be reviewed (ss.91A–91F). The earliest "
        f"application date is the day after the end of the {years}-year period "
        f"beginning with the day of the relevant notification (s.91B(2); "
        f"{years} years because they were {'under 18' if under_18 else '18 or over'} "
        f"on the relevant date). This uses the date of first notification you "
        f"entered, {long_date(first)}: the Act's definition of ‘relevant "
        "notification’ has not been checked, so confirm it with the police. After "
        "a decision to keep the requirements, a further 8-year period applies, "
        "with exceptions (s.91B(3)–(6)) that this calculator does not work out."),
        Paragraph(REVIEW_CONVENTION)]


def fixed_notes(found: Period, under_18: bool) -> list[Block]:
    """Why a fixed period was or was not halved, and the date convention."""
    notes: list[Block] = []
    if found.halved:
        notes.append(Paragraph(
            f"Halved because they were under 18 on the relevant date (s.82(2)): the "
            f"period for an adult would be {length(found.months * 2)}."))
    elif under_18:
        notes.append(Paragraph(
            "They were under 18 on the relevant date, but the period of a conditional "
            "discharge is not one of the fixed periods that s.82(2) halves."))
    notes.append(Paragraph(CONVENTION))
    return notes


def blocks(rows: list[tuple[str, str]], lead: str, notes: list[Block]) -> tuple[Block, ...]:
    return (
        Heading("Notification period result", 3),
        SummaryList(tuple(rows)),
        Paragraph(lead, "lead"),
        *notes,
        Paragraph(
            "The periods are those of s.82 as it stood in April 2019; no change to them "
            "since 2012 was found, but the 2026 text was not read, and changes to the "
            "requirements in the Crime and Policing Act 2026 have not been checked. The "
            "police hold the register: confirm dates with them before you rely on them.",
            "warning"),
    )


def length(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def term_line(terms: tuple[int, ...], consecutive: bool) -> str:
    if len(terms) == 1:
        return f"{length(terms[0])} ({terms[0]} months)"
    listed = " + ".join(str(t) for t in terms)
    if consecutive:
        return (f"{listed} months, consecutive: treated as one term of {sum(terms)} "
                "months (s.82(3))")
    return (f"{', '.join(str(t) for t in terms)} months, not consecutive: not added "
            f"together; the longest, {max(terms)} months, gives the longest period")
