"""The OGRS3 equation, its parameters, the MoJ rounding and the predictor bands.

Source of the equation: Howard, Francis, Soothill and Humphreys (2009) *OGRS 3:
the revised Offender Group Reconviction Scale*, Ministry of Justice Research
Summary 7/09. The full-precision parameters are those of the public MoJ code
(NOMS Digital Studio `rsr-calculator`, `lib/data/coefficients.json`, MIT
licence), which reproduces 980 regression cases from that project's test data.
Rounding and clamping follow MoJ `hmpps-arns-risk-actuarial-api`
(`utils/NumbersUtils.kt`); bands follow the same code and nDelius.

Pure arithmetic: ages in, probabilities out. Validation lives in tools.ogrs3.tool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Sex = Literal["male", "female"]

#: Intercepts of the one-year and two-year equations (rsr-calculator, full precision).
INTERCEPT_1Y = 1.402562384
INTERCEPT_2Y = 2.121705678
#: Weight of the Copas rate.
COPAS_WEIGHT = 1.251124464
#: Sanction parameters: the current sanction is the first ever, or a repeat.
FIRST_SANCTION = 0.126142106
REPEAT_SANCTION = 0.463062792

#: Age-gender parameters: (lowest age of the band, male, female).
#: Bands under 18 are kept for the record but never used: the calculator only
#: accepts ages 18 and over (the female 10-15 values differ in sign between
#: sources; see domain-facts §4.1, discrepancy 1).
AGE_BANDS: tuple[tuple[int, float, float], ...] = (
    (10, 0.0, -0.785038489),
    (12, 0.083922902, -0.613852078),
    (14, 0.075775765, -0.669521331),
    (16, -0.061594199, -0.959179629),
    (18, -0.625103618, -0.897480934),
    (21, -1.051515067, -1.028488454),
    (25, -1.166679288, -1.052777806),
    (30, -1.325976554, -1.129127959),
    (35, -1.368045933, -1.421874940),
    (40, -1.499690953, -1.524652221),
    (50, -2.025261458, -2.449837160),
)

#: Offence-category parameters in the rsr-calculator's index order (its test
#: cases refer to offences by this index). Indices 14 and 15 are drink driving
#: and other motoring, but sources disagree on which is which, so they carry no
#: label here and the calculator offers neither.
OFFENCE_PARAMETERS: tuple[float, ...] = (
    0.0,  # 0 violence (the reference category)
    -0.634795912,  # 1 robbery
    0.181917975,  # 2 public order
    0.003276327,  # 3 sexual, not against a child
    -0.653434071,  # 4 sexual, against a child
    0.760608858,  # 5 soliciting or prostitution
    -0.123943520,  # 6 burglary, domestic
    0.240604429,  # 7 burglary, other
    0.661244321,  # 8 theft, non-motor
    0.351866973,  # 9 handling stolen goods
    0.159910192,  # 10 fraud and forgery
    0.733378677,  # 11 absconding or bail offences
    0.380059431,  # 12 taking and driving away and related
    0.427225615,  # 13 theft from vehicles
    0.262228428,  # 14 one of drink driving / other motoring (disputed)
    -0.121439408,  # 15 the other of the two (disputed)
    0.204960477,  # 16 criminal damage
    -0.795556373,  # 17 drug import, export or production
    0.077165871,  # 18 drug possession or supply
    -0.060667525,  # 19 other offence
)
DISPUTED_OFFENCE_INDICES = frozenset({14, 15})

#: Bands on the rounded two-year percentage: (lowest percentage, band).
BANDS: tuple[tuple[int, str], ...] = ((0, "low"), (50, "medium"), (75, "high"), (90, "very high"))

MINIMUM_AGE = 18


@dataclass(frozen=True)
class Score:
    """Every intermediate term, so the page can explain how the score was made."""

    age_gender: float
    sanction: float
    copas_rate: float
    copas_term: float
    offence: float
    y: float
    p1: float
    p2: float


def age_gender_parameter(sex: Sex, age: int) -> float:
    """The parameter of the age band `age` falls in (age in completed years, 10+)."""
    if age < AGE_BANDS[0][0]:
        raise ValueError(f"OGRS3 has no age band below {AGE_BANDS[0][0]}")
    _lowest, male, female = max((band for band in AGE_BANDS if band[0] <= age),
                               key=lambda band: band[0])
    return male if sex == "male" else female


def age_band_label(age: int) -> str:
    """'30 to 34', or '50 and over', for the band `age` falls in."""
    starts = [band[0] for band in AGE_BANDS]
    index = max(i for i, start in enumerate(starts) if start <= age)
    if index == len(starts) - 1:
        return f"{starts[index]} and over"
    return f"{starts[index]} to {starts[index + 1] - 1}"


def copas_rate(
    previous_sanctions: int, age_at_conviction: int, age_at_first_sanction: int
) -> float:
    """ln(sanctions including the current one / (10 + years of criminal career))."""
    return math.log((previous_sanctions + 1) / (10 + age_at_conviction - age_at_first_sanction))


def logistic(x: float) -> float:
    return math.exp(x) / (1 + math.exp(x))


def score(
    sex: Sex,
    age_at_follow_up: int,
    age_at_conviction: int,
    age_at_first_sanction: int,
    previous_sanctions: int,
    offence_parameter: float,
) -> Score:
    """The OGRS3 equation (Howard et al. 2009) with full-precision MoJ parameters."""
    rate = copas_rate(previous_sanctions, age_at_conviction, age_at_first_sanction)
    age_gender = age_gender_parameter(sex, age_at_follow_up)
    sanction = REPEAT_SANCTION if previous_sanctions > 0 else FIRST_SANCTION
    y = age_gender + sanction + COPAS_WEIGHT * rate + offence_parameter
    return Score(
        age_gender=age_gender,
        sanction=sanction,
        copas_rate=rate,
        copas_term=COPAS_WEIGHT * rate,
        offence=offence_parameter,
        y=y,
        p1=logistic(INTERCEPT_1Y + y),
        p2=logistic(INTERCEPT_2Y + y),
    )


def as_percent(probability: float) -> int:
    """As MoJ ARNS does it: 5 dp half-up, then whole percent half-up, clamped to 1-99.

    `Decimal(float)` is the float's exact binary value, as Java's
    `BigDecimal(double)` is, so ties round exactly as the MoJ code rounds them.
    """
    five_dp = float(Decimal(probability).quantize(Decimal("0.00001"), ROUND_HALF_UP))
    percent = int((Decimal(five_dp) * 100).quantize(Decimal("1"), ROUND_HALF_UP))
    return min(max(percent, 1), 99)


def band(percent_2y: int) -> str:
    """low 0-49, medium 50-74, high 75-89, very high 90-99 (two-year percentage)."""
    return next(name for lowest, name in reversed(BANDS) if percent_2y >= lowest)
