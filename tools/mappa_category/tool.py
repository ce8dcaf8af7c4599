"""MAPPA category calculator: the form, the checks that answers fit together, and
the result with its grounds and the management levels open to it.

The rules are in tools.mappa_category.rules. Field names are permanent: they
appear in exported answers.
"""

from __future__ import annotations

from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import (
    Block,
    BulletList,
    FieldError,
    Heading,
    InvalidInput,
    Outcome,
    Paragraph,
    SummaryList,
    Table,
)
from tools.core.schema import Field, Option, Section, Source, Tool
from tools.mappa_category import rules

NEEDS_TERM = tuple(rules.TWELVE_MONTHS_OR_MORE)

#: MAPPA Guidance 2019 ch.7 (levels 1-3), in our words.
LEVELS = (
    (1, "Level 1: ordinary agency management",
     "The agency supervising the person can manage the risks; other agencies may be "
     "involved, but not through multi-agency meetings."),
    (2, "Level 2: multi-agency public protection (MAPP) meeting",
     "Formal multi-agency meetings would add value, and the person is assessed as high "
     "or very high risk of serious harm, or (exceptionally) lower but needing other "
     "agencies' active involvement, or has been managed at level 3."),
    (3, "Level 3: MAPP meeting with senior oversight",
     "As level 2, and senior people must commit significant resources at short notice, "
     "or there are significant media or public-interest issues."),
)

TOOL = Tool(
    slug="mappa-category",
    title="MAPPA category calculator",
    version=1,
    summary=(
        "Works out which category of multi-agency public protection arrangements "
        "(MAPPA) a person falls into under the Criminal Justice Act 2003 ss.325–327 "
        "and the current MAPPA Guidance, with every ground that applies and the "
        "management levels open to that category. The level itself is a decision for "
        "the responsible authority, not a calculation. Everything is worked out in "
        "your browser."
    ),
    sources=(
        Source("Criminal Justice Act 2003 s.327(2) (category 1), s.327(3) and (4) "
               "(category 2), s.325(2)(b) (category 3)",
               "https://www.legislation.gov.uk/ukpga/2003/44/section/327"),
        Source("Criminal Justice Act 2003 Part 13, ss.325–327, as enacted: the "
               "responsible authority and its duty to assess and manage risk",
               "https://www.legislation.gov.uk/ukpga/2003/44/part/13/crossheading/"
               "assessing-etc-risks-posed-by-sexual-or-violent-offenders/enacted"),
        Source("Criminal Justice Act 2003 Schedule 15 (specified violent and sexual "
               "offences)",
               "https://legislation.gov.uk/ukpga/2003/44/schedule/15/part/1/2018-01-25"),
        Source("MAPPA Guidance 2019, chapter 7: the three levels of management, and "
               "managing each case at the lowest level consistent with a defensible plan",
               "https://mappa.justice.gov.uk/MAPPA/view?objectId=12986388"),
        Source("Gwent MAPPA, ‘MAPPA process’: category 3 cases are managed at level 2 or 3",
               "https://www.gwentmappa.org.uk/working-for-you/mappa-process/"),
        Source("HMPPS, MAPPA Guidance as updated since 2021 (versions of March 2023 and, as "
               "reflected locally, April 2024; the version current in late 2026 was not "
               "checked), described in St Helens Safeguarding Partnership, MAPPA chapter "
               "(April 2024): category 4, terrorist or terrorism-risk offenders. The "
               "wording of CJA 2003 s.325(2)(aa) and (c), which category 4 rests on, was "
               "not read"),
    ),
    sections=(
        Section("Category 1: registered sexual offenders", (
            Field("notification", "Are they subject to the notification requirements of the "
                  "Sexual Offences Act 2003?", "yes_no",
                  noun="whether they are subject to notification",
                  hint="Part 2 of the Act: on the sex offenders register"),
        )),
        Section("Category 2: violent offenders and other sexual offenders", (
            Field("finding", "Outcome in court", "choice", noun="the outcome in court",
                  hint="Convicted in England or Wales, or a finding",
                  options=(
                      Option("convicted", "Convicted"),
                      Option("insanity", "Found not guilty by reason of insanity"),
                      Option("disability-did-act",
                             "Found to be under a disability and to have done the act"),
                  )),
            Field("offence", "Offence", "choice", noun="the offence",
                  options=(
                      Option("murder", "Murder"),
                      Option("schedule-15", "An offence in Schedule 15 to the Criminal "
                             "Justice Act 2003",
                             "Specified violent and sexual offences, for example "
                             "manslaughter, threats to kill, or assault occasioning "
                             "actual bodily harm"),
                      Option("other", "Another offence"),
                  )),
            Field("disposal", "Sentence or order", "choice", widget="select",
                  noun="the sentence or order",
                  options=(
                      Option("imprisonment", "Imprisonment"),
                      Option("yoi", "Detention in a young offender institution"),
                      Option("dto", "Detention and training order"),
                      Option("hmp", "Detention during His Majesty's pleasure"),
                      Option("dpp", "Detention for public protection (CJA 2003 s.226)"),
                      Option("s91", "Detention under s.91 of the Powers of Criminal Courts "
                             "(Sentencing) Act 2000"),
                      Option("s228", "Detention under CJA 2003 s.228"),
                      Option("hospital", "Hospital order"),
                      Option("guardianship", "Guardianship order"),
                      Option("community", "Community sentence"),
                      Option("other", "Another sentence or order"),
                  )),
            Field("term_months", "Length of the custodial sentence, in months", "integer",
                  required=False, minimum=1, maximum=1200, width="short",
                  noun="the length of the custodial sentence",
                  hint="For imprisonment, detention in a young offender institution, a "
                       "detention and training order or s.91 detention: whole months, "
                       "for example 12"),
        )),
        Section("Category 3 and category 4", (
            Field("ra_serious_harm", "Does the responsible authority consider that they may "
                  "cause serious harm to the public?", "yes_no",
                  noun="whether the responsible authority considers they may cause "
                       "serious harm",
                  hint="Because of offences they have committed, wherever committed "
                       "(police, prisons and probation decide this together)"),
            Field("terrorism_risk", "Are they a terrorist or terrorism-risk offender?",
                  "yes_no", required=False,
                  noun="whether they are a terrorist or terrorism-risk offender",
                  hint="As the current MAPPA Guidance describes category 4. Leave blank "
                       "for no"),
        )),
    ),
)


def _term(parsed: Parsed) -> int | None:
    disposal: str = parsed.get("disposal")
    term: int | None = parsed.get("term_months")
    if disposal in NEEDS_TERM and term is None:
        raise InvalidInput([FieldError("term_months", "Enter the length of the custodial "
                                       "sentence in months, for example 12")])
    return term if disposal in NEEDS_TERM else None


def _category_line(category: int | None) -> str:
    return "None: not a MAPPA offender on these answers" if category is None \
        else f"Category {category}"


def evaluate(parsed: Parsed) -> Outcome:
    """The MAPPA category (the lowest that applies), every ground, and the open levels."""
    term = _term(parsed)
    found = rules.grounds(
        notification=bool(parsed.get("notification")),
        finding=parsed.get("finding"),
        offence=parsed.get("offence"),
        disposal=parsed.get("disposal"),
        term_months=term,
        ra_serious_harm=bool(parsed.get("ra_serious_harm")),
        terrorism_risk=bool(parsed.get("terrorism_risk")),
    )
    category = min((g.category for g in found), default=None)
    open_levels = rules.levels(category)
    rows: list[tuple[str, str]] = [("MAPPA category", _category_line(category))]
    if open_levels:
        rows.append(("Levels open to this category",
                     ", ".join(str(level) for level in open_levels)))
    report: list[Block] = [Heading("MAPPA category result", 3), SummaryList(tuple(rows))]
    if found:
        report.append(Table("Every ground that applies", ("Category", "Ground", "Provision"),
                            tuple((str(g.category), g.text, g.provision) for g in found)))
        if len(found) > 1:
            report.append(Paragraph(
                f"More than one ground applies. The Guidance gives each person one "
                f"category, so this is category {category}, the lowest number."))
    else:
        report.append(Paragraph(
            "On these answers no category applies, so the person is not a MAPPA "
            "offender. If the responsible authority comes to consider that they may "
            "cause serious harm to the public because of their offences, they become "
            "a category 3 case.", "lead"))
    if category == 3:
        report.append(Paragraph("Category 3 cases are managed at level 2 or 3: they are "
                                "only MAPPA cases because they need active multi-agency "
                                "management.", "lead"))
    if category == 4:
        report.append(Paragraph("Whether the Guidance sets a lowest level for category 4 "
                                "has not been checked: read its chapter on managing "
                                "terrorism and extremism.", "warning"))
    if open_levels:
        report.append(Heading("The levels of management", 4))
        report.append(BulletList(tuple(f"{name}. {text}" for number, name, text in LEVELS
                                       if number in open_levels)))
        report.append(Paragraph("Each case is managed at the lowest level consistent with "
                                "a defensible risk management plan (MAPPA Guidance)."))
    report.append(Paragraph(
        "What changed since 2011: the current Guidance adds category 4 (terrorist and "
        "terrorism-risk offenders; the Police, Crime, Sentencing and Courts Act 2022 "
        "changed MAPPA for them), and people disqualified from working with children are "
        "no longer a category 2 ground (s.327(5) as enacted). Whether s.327 still names "
        "Schedule 15 to the 2003 Act, or now Schedule 18 to the Sentencing Act 2020, has "
        "not been checked.",
        "warning"))
    return Outcome(
        data={
            "category": category,
            "grounds": [g.to_json() for g in found],
            "levels": list(open_levels),
        },
        report=tuple(report),
        markdown=render_markdown(tuple(report)),
    )
