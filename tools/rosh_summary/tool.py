"""RoSH summary worksheet: levels for the five groups at risk, in the community and
in custody, the OASys summary headings and risk to self.

The reader records the summary; `evaluate` lays it out as a document and lists
what is missing and which answers do not fit the level definitions. Field
names are permanent: they appear in exported answers.
"""

from __future__ import annotations

from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import Outcome
from tools.core.schema import Field, Option, Section, Source, Tool
from tools.reference.worksheet import counts, findings_json, flag, ordered, text
from tools.rosh_summary.checks import check_summary
from tools.rosh_summary.model import (
    GROUPS,
    LEVELS,
    NOT_ASSESSED,
    SELF_HEADINGS,
    SETTINGS,
    TIMINGS,
    Rating,
    Summary,
)
from tools.rosh_summary.report import summary_report

_LEVEL_OPTIONS = (*(Option(key, label) for key, label in LEVELS),
                  Option(NOT_ASSESSED, "Not assessed"))


def _group_fields(key: str, label: str, phrase: str) -> tuple[Field, ...]:
    levels = tuple(
        Field(f"{key}_{setting}", f"{label}: level {setting_phrase}", "choice",
              required=False, widget="select", options=_LEVEL_OPTIONS,
              noun=f"the level for {phrase} {setting_phrase}")
        for setting, _, setting_phrase in SETTINGS
    )
    who = Field(f"{key}_who", f"{label}: who, and how", "textarea", required=False,
                hint="The specific people or groups at risk, described by role or "
                     "relationship, not by name (for example ‘a former partner’)")
    return (*levels, who)


def _self_fields(name: str, label: str) -> tuple[Field, ...]:
    return (
        Field(name, f"Are there concerns about {label.lower()}?", "yes_no", required=False,
              noun=f"whether there are concerns about {label.lower()}"),
        Field(f"{name}_detail", f"{label}: details", "textarea", required=False),
    )


TOOL = Tool(
    slug="rosh-summary",
    title="Risk of serious harm summary worksheet",
    version=1,
    summary=(
        "Record a risk of serious harm (RoSH) summary the way OASys sets it out: a level "
        "for each of the five groups at risk, in the community and in custody, the nature "
        "of the risk, who is at risk, when it is greatest, what would increase and reduce "
        "it, and risk to the person themselves. The worksheet lists what is missing and "
        "where the answers do not fit the level definitions; it never sets a level."
    ),
    submit_label="Check the summary",
    keeps_drafts=True,
    result_noun="summary",
    sources=(
        Source("Probation Circular 36/2006, Revised chapter 8 of the OASys manual (the four "
               "levels; Low and Medium wording; assess custody as if release could be "
               "imminent)"),
        Source("Scottish Government (2016) MAPPA National Guidance §4.5 (the same scale: "
               "the High and Very high wording)",
               "https://www.gov.scot/publications/multi-agency-public-protection-"
               "arrangements-mappa-national-guidance-2016/pages/4/"),
        Source("HMPPS OASys data models in the Ministry of Justice's public code (the five "
               "groups rated for community and custody; the summary headings; the five "
               "risk-to-self headings)"),
    ),
    sections=(
        Section("About the summary", (
            Field("reference", "Case reference", "text", required=False, width="medium",
                  hint="Use initials or a case reference, not a full name"),
        )),
        *(Section(f"{label}", _group_fields(key, label, phrase),
                  hint="Choose ‘Not assessed’ rather than leaving a level blank.")
          for key, label, phrase in GROUPS),
        Section("The risk", (
            Field("nature", "Nature of the risk", "textarea", required=False,
                  hint="What harm could happen: the behaviour, and its impact on the "
                       "people at risk"),
            Field("timing", "How soon could harm happen?", "choice", required=False,
                  options=tuple(Option(key, label) for key, label, _ in TIMINGS),
                  noun="how soon harm could happen",
                  hint="For the risk at its greatest. In custody, assess as though "
                       "release could be imminent."),
            Field("when", "When is the risk likely to be greatest?", "textarea",
                  required=False,
                  hint="The circumstances and times, for example ‘on release, if he "
                       "returns to the same area’"),
            Field("increases", "What would increase the risk?", "textarea", required=False),
            Field("reduces", "What would reduce the risk?", "textarea", required=False,
                  hint="Protective factors, and the effect of current controls"),
        )),
        Section("Risk to self", tuple(f for name, label in SELF_HEADINGS
                                      for f in _self_fields(name, label)),
                hint="Concerns about the person's own safety, under the five OASys "
                     "headings."),
    ),
)


def build_summary(parsed: Parsed) -> Summary:
    """The parsed form as a Summary (every answer here is optional)."""
    return Summary(
        reference=text(parsed, "reference"),
        ratings=tuple(Rating(key, setting, text(parsed, f"{key}_{setting}"))
                      for key, _, _ in GROUPS for setting, _, _ in SETTINGS),
        who={key: text(parsed, f"{key}_who") for key, _, _ in GROUPS},
        nature=text(parsed, "nature"),
        timing=text(parsed, "timing"),
        when=text(parsed, "when"),
        increases=text(parsed, "increases"),
        reduces=text(parsed, "reduces"),
        to_self={name: flag(parsed, name) for name, _ in SELF_HEADINGS},
        to_self_detail={name: text(parsed, f"{name}_detail") for name, _ in SELF_HEADINGS},
    )


def evaluate(parsed: Parsed) -> Outcome:
    """Lay the summary out and list its gaps and inconsistencies (gaps first)."""
    summary = build_summary(parsed)
    findings = ordered(check_summary(summary))
    report = summary_report(summary, findings)
    return Outcome(
        data={
            "highest_level": summary.highest() or None,
            "counts": counts(findings),
            "findings": findings_json(findings),
        },
        report=report,
        markdown=render_markdown(report),
    )
