"""Which MAPPA categories apply, each with its ground, and the levels open to it.

Sources: Criminal Justice Act 2003 s.325(2) and s.327 (legislation.gov.uk, as
enacted and as amended to 2018); MAPPA Guidance 2019 ch.7 for the levels;
category 4 from the current MAPPA Guidance as local MAPPA pages describe it
(St Helens Safeguarding Partnership, April 2024): the statutory wording of
s.325(2)(aa) and (c) was not read. Pure: answers in, grounds out.
"""

from __future__ import annotations

from dataclasses import dataclass

QUALIFYING_OFFENCES = frozenset({"murder", "schedule-15"})
#: s.327(3)(b): disposals that qualify only at 12 months or more.
TWELVE_MONTHS_OR_MORE = {
    "imprisonment": "imprisonment for a term of 12 months or more",
    "yoi": "detention in a young offender institution for 12 months or more",
    "dto": "a detention and training order of 12 months or more",
    "s91": "detention for 12 months or more under s.91 of the Powers of Criminal Courts "
           "(Sentencing) Act 2000",
}
#: s.327(3)(b): disposals that qualify whatever their length.
ANY_LENGTH = {
    "hmp": "detention during His Majesty's pleasure",
    "dpp": "detention for public protection (Criminal Justice Act 2003 s.226)",
    "s228": "detention under Criminal Justice Act 2003 s.228",
    "hospital": "a hospital order",
    "guardianship": "a guardianship order",
}
MINIMUM_MONTHS = 12
#: s.327(4): after a finding, only admission to hospital or guardianship qualifies.
AFTER_A_FINDING = {"hospital": "admitted to hospital", "guardianship": "given a guardianship order"}
FINDINGS = {
    "insanity": "found not guilty by reason of insanity",
    "disability-did-act": "found to be under a disability and to have done the act charged",
}
OFFENCES = {"murder": "murder", "schedule-15": "an offence in Schedule 15 to the Criminal "
            "Justice Act 2003"}


@dataclass(frozen=True)
class Ground:
    """One reason a category applies: the category, its provision, and why."""

    category: int
    provision: str
    text: str

    def to_json(self) -> dict[str, object]:
        return {"category": self.category, "provision": self.provision, "text": self.text}


def category_2(finding: str, offence: str, disposal: str, term_months: int | None) -> Ground | None:
    """s.327(3) (convicted) or s.327(4) (a finding), for murder or a Schedule 15 offence."""
    if offence not in QUALIFYING_OFFENCES:
        return None
    if finding == "convicted":
        if disposal in ANY_LENGTH:
            given = ANY_LENGTH[disposal]
        elif (disposal in TWELVE_MONTHS_OR_MORE and term_months is not None
              and term_months >= MINIMUM_MONTHS):
            given = TWELVE_MONTHS_OR_MORE[disposal]
        else:
            return None
        return Ground(2, "Criminal Justice Act 2003 s.327(3)",
                      f"Convicted of {OFFENCES[offence]} and given {given}")
    if disposal in AFTER_A_FINDING:
        return Ground(2, "Criminal Justice Act 2003 s.327(4)",
                      f"{FINDINGS[finding].capitalize()} of {OFFENCES[offence]}, and "
                      f"{AFTER_A_FINDING[disposal]}")
    return None


def grounds(
    notification: bool, finding: str, offence: str, disposal: str,
    term_months: int | None, ra_serious_harm: bool, terrorism_risk: bool,
) -> tuple[Ground, ...]:
    """Every ground that applies, lowest category first."""
    found: list[Ground] = []
    if notification:
        found.append(Ground(1, "Criminal Justice Act 2003 s.327(2)",
                            "Subject to the notification requirements of Part 2 of the "
                            "Sexual Offences Act 2003 (a registered sexual offender)"))
    second = category_2(finding, offence, disposal, term_months)
    if second is not None:
        found.append(second)
    # Category 3 is for people in neither category 1 nor 2 (s.325(2)(b)).
    if ra_serious_harm and not found:
        found.append(Ground(3, "Criminal Justice Act 2003 s.325(2)(b)",
                            "Not in category 1 or 2, and the responsible authority "
                            "considers that, because of offences they have committed "
                            "(wherever committed), they may cause serious harm to the "
                            "public"))
    if terrorism_risk:
        found.append(Ground(4, "MAPPA Guidance (category 4); Criminal Justice Act 2003 "
                            "s.325(2)(aa) and (c), wording not checked",
                            "A terrorist or terrorism-risk offender, as the current MAPPA "
                            "Guidance describes category 4"))
    return tuple(found)


def levels(category: int | None) -> tuple[int, ...]:
    """The MAPPA levels open to a category (MAPPA Guidance: category 3 needs 2 or 3)."""
    if category is None:
        return ()
    return (2, 3) if category == 3 else (1, 2, 3)
