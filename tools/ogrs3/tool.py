"""OGRS3 calculator: the form, the checks that dates fit together, and the result.

The equation and its parameters are in tools.ogrs3.model (Howard et al. 2009,
MoJ Research Summary 7/09, with the MoJ code's full-precision parameters).
This module owns what a reader types: field names are permanent (they appear
in exported answers and fixtures), and every message says how to fix it.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from tools.core.dates import birthday, completed_years, long_date
from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import (
    Details,
    FieldError,
    Heading,
    InvalidInput,
    Outcome,
    Paragraph,
    SummaryList,
    Table,
)
from tools.core.schema import Field, Option, Section, Source, Tool
from tools.ogrs3 import model

#: Offered offence categories: key (permanent), label, index into
#: OFFENCE_PARAMETERS. Drink driving and other motoring (14, 15) are left out
#: until their disputed parameters are resolved against Research Summary 7/09.
OFFENCES: tuple[tuple[str, str, int], ...] = (
    ("violence", "Violence against the person", 0),
    ("robbery", "Robbery", 1),
    ("public_order", "Public order", 2),
    ("sexual_not_child", "Sexual offence (not against a child)", 3),
    ("sexual_child", "Sexual offence against a child", 4),
    ("soliciting_prostitution", "Soliciting or prostitution", 5),
    ("burglary_domestic", "Burglary (domestic)", 6),
    ("burglary_other", "Burglary (other)", 7),
    ("theft_non_motor", "Theft (non-motor)", 8),
    ("handling", "Handling stolen goods", 9),
    ("fraud_forgery", "Fraud and forgery", 10),
    ("absconding_bail", "Absconding or bail offences", 11),
    ("taking_driving_away", "Taking and driving away and related offences", 12),
    ("theft_from_vehicles", "Theft from vehicles", 13),
    ("criminal_damage", "Criminal damage", 16),
    ("drug_import_export_production", "Drug import, export or production", 17),
    ("drug_possession_supply", "Drug possession or supply", 18),
    ("other", "Other offence", 19),
)
_OFFENCE_BY_KEY = {key: (label, index) for key, label, index in OFFENCES}
#: Said beside every result: the score a decision rests on is the one recorded in OASys.
NOT_OF_RECORD = (
    "This is not the OASys figure of record. Use it to check or explain a score; the "
    "OGRS3 score that decisions rest on is the one recorded in the person's OASys "
    "assessment, worked out from the criminal record held there."
)
_BAND_LABELS = {"low": "Low", "medium": "Medium", "high": "High", "very high": "Very high"}
MAX_PREVIOUS_SANCTIONS = 200
#: The age of criminal responsibility in England and Wales (Children and Young
#: Persons Act 1933, s.50): no sanction can come before a 10th birthday.
AGE_OF_CRIMINAL_RESPONSIBILITY = 10

TOOL = Tool(
    slug="ogrs3",
    title="OGRS3 calculator",
    version=1,
    summary=(
        "Estimates the probability of proven reoffending within one and two years "
        "from static factors, using the published OGRS3 equation. Everything is "
        "worked out in your browser: nothing you enter is sent anywhere."
    ),
    submit_label="Calculate",
    sources=(
        Source("Howard, P., Francis, B., Soothill, K. and Humphreys, L. (2009) OGRS 3: "
               "the revised Offender Group Reconviction Scale. Ministry of Justice "
               "Research Summary 7/09"),
        Source("Ministry of Justice, NOMS Digital Studio rsr-calculator (MIT licence): "
               "OGRS3 parameters and 980 regression cases",
               "https://github.com/NOMS-DIGITAL-STUDIO/rsr-calculator"),
        Source("Ministry of Justice, hmpps-arns-risk-actuarial-api: rounding of "
               "percentages and predictor bands",
               "https://github.com/ministryofjustice/hmpps-arns-risk-actuarial-api"),
    ),
    sections=(
        Section("About the person", (
            Field("sex", "Sex", "choice", noun="sex",
                  hint="OGRS3 has separate age weights for men and women",
                  options=(Option("male", "Male"), Option("female", "Female"))),
            Field("date_of_birth", "Date of birth", "date", noun="date of birth",
                  hint="For example, 27/3/1985", width="short", autocomplete="off"),
        )),
        Section("Criminal history", (
            Field("first_sanction_date", "Date of first sanction", "date",
                  noun="date of first sanction", width="short",
                  hint="The date of their first ever conviction or caution. If the current "
                       "one is their first, enter its date again"),
            Field("conviction_date", "Date of the current conviction or caution", "date",
                  noun="date of the current conviction or caution", width="short",
                  hint="The date of the conviction or caution that this assessment is about"),
            Field("previous_sanctions", "Number of previous sanctions", "integer",
                  noun="number of previous sanctions", width="short",
                  minimum=0, maximum=MAX_PREVIOUS_SANCTIONS,
                  hint="Court appearances that ended in a conviction, and cautions, before "
                       "the current one. Enter 0 if the current one is their first"),
            Field("offence", "Current offence category", "choice", widget="select",
                  noun="the current offence category",
                  hint="Drink driving and other motoring offences are not offered: published "
                       "sources disagree on their weights",
                  options=tuple(Option(key, label) for key, label, _ in OFFENCES)),
        )),
        Section("Follow-up", (
            Field("follow_up_start", "Start of follow-up", "date",
                  noun="start of follow-up", width="short",
                  hint="The sentence date for a community sentence, or the release date "
                       "from custody"),
            Field("as_at", "Date of this calculation", "date", noun="date of this calculation",
                  width="short", default_today=True,
                  hint="Today, unless you are checking an earlier assessment"),
        )),
    ),
)


def _not_after(errors: list[FieldError], name: str, noun: str, day: date, as_at: date) -> None:
    if day > as_at:
        errors.append(FieldError(
            name, f"{noun} must be on or before {long_date(as_at)}, the date of this calculation"
        ))


def _check_dates(parsed: Parsed) -> None:
    """Raise InvalidInput, naming each field, when the dates cannot all be true."""
    born: date = parsed.get("date_of_birth")
    convicted: date = parsed.get("conviction_date")
    first: date = parsed.get("first_sanction_date")
    follow_up: date = parsed.get("follow_up_start")
    as_at: date = parsed.get("as_at")
    previous: int = parsed.get("previous_sanctions")
    errors: list[FieldError] = []
    born_in_future = born > as_at
    _not_after(errors, "date_of_birth", "Date of birth", born, as_at)
    _not_after(errors, "conviction_date", "Date of the current conviction or caution",
               convicted, as_at)
    _not_after(errors, "first_sanction_date", "Date of first sanction", first, as_at)
    if first > convicted:
        errors.append(FieldError("first_sanction_date", "Date of first sanction must be on or "
                                 "before the date of the current conviction or caution"))
    elif previous == 0 and first != convicted:
        errors.append(FieldError("first_sanction_date", "Date of first sanction must be the "
                                 "same as the date of the current conviction or caution, "
                                 "because there are no previous sanctions"))
    elif previous > 0 and first == convicted:
        # A previous sanction came before the current one, so the first ever
        # sanction is earlier than the current one (issue 11 §2.4: 5 previous
        # sanctions on the current date gave 64% instead of an error).
        plural = "s" if previous != 1 else ""
        errors.append(FieldError("first_sanction_date", "Date of first sanction must be "
                                 "before the date of the current conviction or caution, "
                                 f"because there {'are' if previous != 1 else 'is'} "
                                 f"{previous} previous sanction{plural}. If the current one "
                                 "is their first, enter 0 previous sanctions"))
    tenth = birthday(born, AGE_OF_CRIMINAL_RESPONSIBILITY)
    if not born_in_future and (tenth is None or first < tenth):
        when = "" if tenth is None else f"{long_date(tenth)}, "
        errors.append(FieldError("first_sanction_date", "Date of first sanction must be on or "
                                 f"after {when}the person’s 10th birthday: no one under 10 "
                                 "can be convicted or cautioned"))
    if follow_up < convicted:
        errors.append(FieldError("follow_up_start", "Start of follow-up must be on or after "
                                 "the date of the current conviction or caution"))
    elif not born_in_future and completed_years(born, follow_up) < model.MINIMUM_AGE:
        # A date of birth after the calculation date already has its error: an age
        # worked out from it would only add a second, misleading one.
        errors.append(FieldError("follow_up_start", "The person must be 18 or over at the "
                                 "start of follow-up: published OGRS3 weights for under-18s "
                                 "disagree, so this calculator cannot give a reliable result"))
    if errors:
        raise InvalidInput(errors)


def _signed(value: float) -> str:
    return f"{value:+.3f}".replace("-", "−")


def _direction(weight: float) -> str:
    if weight > 0:
        return "raises the score"
    if weight < 0:
        return "lowers the score"
    return "leaves the score unchanged"


def _explanation(
    parsed: Parsed, ages: dict[str, int], result: model.Score, offence_label: str
) -> list[tuple[str, str, str, str]]:
    """(factor, the reader's answer, weight, what it does) for each term of the equation."""
    sex = cast(model.Sex, parsed.get("sex"))
    previous: int = parsed.get("previous_sanctions")
    person = "a man" if sex == "male" else "a woman"
    career = ages["at_conviction"] - ages["at_first_sanction"]
    sanctions = previous + 1
    return [
        (
            "Age and sex",
            f"{'Male' if sex == 'male' else 'Female'}, {ages['at_follow_up']} at the start "
            f"of follow-up (band {model.age_band_label(ages['at_follow_up'])})",
            _signed(result.age_gender),
            f"The weight for {person} in this age band {_direction(result.age_gender)}; "
            "older age bands carry lower weights, because reconviction falls with age",
        ),
        (
            "First or repeat sanction",
            "The current sanction is their first" if previous == 0
            else f"{previous} previous sanction{'s' if previous != 1 else ''}",
            _signed(result.sanction),
            f"{'A first' if previous == 0 else 'A repeat'} sanction adds "
            f"{_signed(result.sanction)}; the other case would add "
            f"{_signed(model.REPEAT_SANCTION if previous == 0 else model.FIRST_SANCTION)}",
        ),
        (
            "Copas rate (pace of offending)",
            f"{sanctions} sanction{'s' if sanctions != 1 else ''} in {career} "
            f"year{'s' if career != 1 else ''} (ages {ages['at_first_sanction']} to "
            f"{ages['at_conviction']})",
            _signed(result.copas_term),
            f"Copas rate = ln({sanctions} ÷ (10 + {career})) = {_signed(result.copas_rate)}, "
            f"times {model.COPAS_WEIGHT:.3f}. More sanctions in a shorter career raise "
            "the score",
        ),
        (
            "Current offence",
            offence_label,
            _signed(result.offence),
            f"Compared with violence against the person (0), this category "
            f"{_direction(result.offence)}",
        ),
    ]


def evaluate(parsed: Parsed) -> Outcome:
    """OGRS3 one- and two-year probabilities, rounded percentages, band and explanation."""
    _check_dates(parsed)
    born: date = parsed.get("date_of_birth")
    ages = {
        "at_follow_up": completed_years(born, parsed.get("follow_up_start")),
        "at_conviction": completed_years(born, parsed.get("conviction_date")),
        "at_first_sanction": completed_years(born, parsed.get("first_sanction_date")),
    }
    offence_label, offence_index = _OFFENCE_BY_KEY[parsed.get("offence")]
    result = model.score(
        sex=cast(model.Sex, parsed.get("sex")),
        age_at_follow_up=ages["at_follow_up"],
        age_at_conviction=ages["at_conviction"],
        age_at_first_sanction=ages["at_first_sanction"],
        previous_sanctions=parsed.get("previous_sanctions"),
        offence_parameter=model.OFFENCE_PARAMETERS[offence_index],
    )
    percent_1y, percent_2y = model.as_percent(result.p1), model.as_percent(result.p2)
    band = model.band(percent_2y)
    factors = _explanation(parsed, ages, result, offence_label)
    explanation = [f"{name}: {answer}. {effect}." for name, answer, _, effect in factors]
    report = (
        Heading("OGRS3 result", 3),
        SummaryList((
            ("Within one year", f"{percent_1y}%"),
            ("Within two years", f"{percent_2y}%"),
            ("Band (two-year figure)", _BAND_LABELS[band]),
        )),
        Paragraph(
            f"Of 100 people with the same age, sex and criminal history, OGRS3 estimates "
            f"that about {percent_2y} would be proven to reoffend within two years, and "
            f"about {percent_1y} within one year. It describes a group, not this person, "
            "and it says nothing about the seriousness of any harm.",
            "lead",
        ),
        Paragraph(NOT_OF_RECORD, "warning"),
        Details("How each factor moved the score (the working)", (
            Table(
                "The terms of the OGRS3 equation for these answers",
                ("Factor", "Your answer", "Weight", "What it does"),
                tuple(factors),
            ),
            Paragraph(
                f"The weights add up to {_signed(result.y)}. The one-year probability is "
                f"the logistic function of {model.INTERCEPT_1Y:.3f} plus that sum, and the "
                f"two-year probability of {model.INTERCEPT_2Y:.3f} plus that sum. "
                "Percentages are rounded as the Ministry of Justice's implementation "
                "rounds them."
            ),
        )),
    )
    return Outcome(
        data={
            "p1": result.p1,
            "p2": result.p2,
            "percent_1y": percent_1y,
            "percent_2y": percent_2y,
            "band": band,
            "copas_rate": result.copas_rate,
            "ages": ages,
            "explanation": explanation,
        },
        report=report,
        markdown=render_markdown(report),
    )
