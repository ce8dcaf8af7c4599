"""MARAC referral calculator: the form, the checks that dates fit together, and
the four criteria with their reasons.

The rules are in tools.marac_referral.rules. Field names are permanent: they
appear in exported answers. Date convention for a repeat: "within 12 months of
the last referral" is read to include the same date 12 months on (and, for a
referral on 29 February, 1 March), the reading that never misses a repeat.
"""

from __future__ import annotations

from datetime import date

from tools.core.dates import months_later
from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import (
    Block,
    FieldError,
    Heading,
    InvalidInput,
    Outcome,
    Paragraph,
    SummaryList,
    Table,
)
from tools.core.schema import Field, Section, Source, Tool
from tools.marac_referral import rules

CONVENTION = (
    "Date convention for a repeat: the tool counts a new incident on the same date 12 "
    "months after the last referral (1 March for a referral on 29 February) as within "
    "12 months. SafeLives does not say which day ends the 12 months; this is the "
    "reading that never misses a repeat.")

TOOL = Tool(
    slug="marac-referral",
    title="MARAC referral calculator",
    version=1,
    summary=(
        "Checks a domestic abuse case against the four SafeLives criteria for "
        "referral to a multi-agency risk assessment conference (MARAC): visible high "
        "risk, potential escalation, professional judgement and repeat. Any one is "
        "enough. It counts answers; it does not replace the DASH checklist or your "
        "judgement. Everything is worked out in your browser."
    ),
    sources=(
        Source("SafeLives, Marac referral form (2015): the four referral criteria, "
               "14 or more ticks for visible high risk, 3 or more police incidents in "
               "12 months for potential escalation",
               "https://docslib.org/doc/13712024/reason-for-referral-additional-information"),
        Source("SafeLives, Marac Referral Criteria: Definitions: 14 “yes” answers lead to "
               "a referral and judgement must not lower that; professional judgement can "
               "be the sole basis; the escalation threshold is set locally"),
        Source("SafeLives, Definition of a repeat Marac (current version): any instance "
               "of abuse between the same victim and perpetrator(s) within 12 months of "
               "the last referral",
               "https://safelives.org.uk/definition-repeat-marac"),
    ),
    sections=(
        Section("Visible high risk and potential escalation", (
            Field("dash_yes", "Number of “yes” answers on the DASH risk checklist",
                  "integer", minimum=0, maximum=rules.DASH_QUESTIONS, width="short",
                  noun="the number of “yes” answers",
                  hint="The SafeLives DASH risk checklist has 24 questions"),
            Field("police_incidents_12_months", "Incidents reported to the police in the "
                  "past 12 months", "integer", minimum=0, maximum=999, width="short",
                  noun="the number of incidents reported to the police",
                  hint="Domestic abuse incidents involving this victim, for example 2"),
            Field("escalation_threshold", "Your area's escalation threshold", "integer",
                  required=False, minimum=1, maximum=99, width="short",
                  noun="your area's escalation threshold",
                  hint="Leave blank to use 3, the common starting point. Areas set their "
                       "own; some use 5"),
        )),
        Section("Professional judgement", (
            Field("professional_judgement", "Do you judge that the case should be referred, "
                  "whatever the counts?", "yes_no",
                  noun="whether you judge that the case should be referred",
                  hint="For example because of extreme fear, or barriers of language, "
                       "culture or immigration status. Record your reasons"),
        )),
        Section("Repeat referral", (
            Field("last_referral_date", "Date of the last referral to MARAC", "date",
                  required=False, noun="the date of the last referral", width="short",
                  hint="Leave blank if the case has not been referred before"),
            Field("new_incident_date", "Date of the new incident", "date",
                  required=False, noun="the date of the new incident", width="short",
                  hint="Any instance of abuse between the same victim and "
                       "perpetrator(s) since the last referral"),
        )),
    ),
)


def _repeat_dates(parsed: Parsed) -> tuple[date | None, date | None, date | None]:
    last: date | None = parsed.get("last_referral_date")
    new: date | None = parsed.get("new_incident_date")
    if last is None and new is None:
        return None, None, None
    if last is None:
        raise InvalidInput([FieldError("last_referral_date", "Enter the date of the last "
                                       "referral, or leave both dates blank if the case has "
                                       "not been referred before")])
    if new is None:
        raise InvalidInput([FieldError("new_incident_date", "Enter the date of the new "
                                       "incident, or leave both dates blank if the case has "
                                       "not been referred before")])
    if new < last:
        raise InvalidInput([FieldError("new_incident_date", "The date of the new incident "
                                       "must be the same as or after the date of the last "
                                       "referral")])
    until = months_later(last, rules.REPEAT_MONTHS)
    if until is None:
        raise InvalidInput([FieldError("last_referral_date", "The date of the last "
                                       "referral must be before the year 9999")])
    return last, new, until


def evaluate(parsed: Parsed) -> Outcome:
    """Each SafeLives criterion met or not, with its reason, and whether to refer."""
    last, new, until = _repeat_dates(parsed)
    threshold: int = parsed.get("escalation_threshold") or rules.DEFAULT_ESCALATION_THRESHOLD
    criteria = (
        rules.visible_high_risk(parsed.get("dash_yes")),
        rules.potential_escalation(parsed.get("police_incidents_12_months"), threshold),
        rules.professional_judgement(bool(parsed.get("professional_judgement"))),
        rules.repeat(last, new, until),
    )
    indicated = any(c.met for c in criteria)
    met = [c.label[:1].lower() + c.label[1:] for c in criteria if c.met]
    named = " and ".join(filter(None, (", ".join(met[:-1]), met[-1] if met else "")))
    lead = (f"Refer to MARAC: {named} {'is' if len(met) == 1 else 'are'} met."
            if indicated else
            "No referral criterion is met on these answers. Keep the risk under review: "
            "a further incident, or your judgement, may change this.")
    report: list[Block] = [
        Heading("MARAC referral result", 3),
        SummaryList((("Referral indicated", "Yes" if indicated else "No"),)),
        Paragraph(lead, "lead"),
        Table("The four referral criteria", ("Criterion", "Met", "Why"),
              tuple((c.label, "Yes" if c.met else "No", c.reason) for c in criteria)),
    ]
    if until is not None:
        report.append(Paragraph(CONVENTION))
    report.append(Paragraph(
        "Judgement must not be used to lower a referral on visible high risk. Count bands some "
        "areas add (for example 10 to 13 as medium) are local practice, not SafeLives "
        "criteria. Police first responders now often use DARA rather than the DASH "
        "questions; partner agencies and MARAC still use the SafeLives DASH.", "warning"))
    return Outcome(
        data={
            "criteria": {c.key: c.to_json() for c in criteria},
            "referral_indicated": indicated,
            "escalation_threshold": threshold,
        },
        report=tuple(report),
        markdown=render_markdown(tuple(report)),
    )
