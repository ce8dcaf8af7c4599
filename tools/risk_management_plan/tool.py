"""Risk management plan checklist: the four pillars and contingency, checked against HF36.

The reader records a plan; `evaluate` says, criterion by criterion, what the
plan shows of the HF36 performance criteria and what is missing, and renders
the plan as a printable document and as Markdown. Field names are permanent:
they appear in exported answers.
"""

from __future__ import annotations

from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import Outcome
from tools.core.schema import Field, Option, Repeat, Section, Source, Tool
from tools.reference import hf36
from tools.risk_management_plan.checks import check_plan, counts, findings
from tools.risk_management_plan.model import (
    AT_RISK_GROUPS,
    PILLARS,
    ROSH_LEVELS,
    SETTINGS,
    build_plan,
    rosh_field_name,
)
from tools.risk_management_plan.report import plan_report

_WHO_HINT = (
    "A role or agency rather than a person's name, for example ‘police public protection unit’"
)


def _pillar(name: str, label: str, phrase: str) -> Repeat:
    return Repeat(
        name=name,
        label=label,
        row_label="Action",
        add_label=f"Add another {phrase} action",
        fields=(
            Field("what", "What will be done", "text", noun="what will be done", width="long"),
            Field("who", "Who will do it", "text", hint=_WHO_HINT, required=False,
                  width="medium"),
            Field("by_when", "By when", "text", required=False, width="medium",
                  hint="A date or a timescale, for example 14/3/2011 or ‘weekly until review’"),
            Field("addresses", "Risk factors it addresses", "text", required=False,
                  width="short", hint="Risk factor numbers, separated by commas, like 1, 3"),
            Field("strengthens", "Protective factors it strengthens", "text", required=False,
                  width="short", hint="Protective factor numbers, like 2"),
        ),
    )


def _rosh_field(group: str, label: str, setting: str, where: str) -> Field:
    return Field(
        rosh_field_name(group, setting), f"{label}: {where}", "choice", widget="select",
        required=False, noun=f"the RoSH level for {label.lower()} {where}",
        options=tuple(Option(key, text) for key, text in ROSH_LEVELS),
    )


TOOL = Tool(
    slug="risk-management-plan",
    title="Risk management plan checklist",
    version=2,
    summary=(
        "Record a risk management plan under the four pillars (supervision, monitoring "
        "and control, interventions and treatment, victim safety planning) with a "
        "contingency plan, then check it against the performance criteria of the "
        "national occupational standard HF36."
    ),
    submit_label="Check the plan",
    keeps_drafts=True,
    result_noun="plan",
    sources=(
        Source(hf36.CITATION),
        Source(
            "Ministry of Justice, MAPPA Guidance, chapter 12 ‘Risk management plan’ "
            "(§12.11: plans address supervision, monitoring and control, interventions "
            "and treatment, victim safety and contingency)",
            "https://mappa.justice.gov.uk/connect.ti/MAPPA/view?objectId=10356020",
        ),
        Source("The four pillars of risk management, developed by Hazel Kemshall "
               "(De Montfort University)"),
    ),
    sections=(
        Section("About the plan", (
            Field("plan_reference", "Plan reference", "text", required=False, width="medium",
                  hint="Use initials or a case reference, not a full name"),
            Field("plan_date", "Date of the plan", "date", noun="date of the plan",
                  width="short",
                  hint="The date the plan was made or last revised, for example 14/3/2027"),
            Field("review_date", "Review date", "date", noun="review date", width="short",
                  hint="When the plan will next be reviewed: after the date of the plan"),
            Field("assessment_summary", "Summary of the assessment", "textarea",
                  noun="a summary of the assessment",
                  hint="The offence, the risk of serious harm it points to, and who is at risk"),
            Field("at_risk", "Who is at risk", "choices", required=False,
                  hint="Select every group at risk of serious harm from this person",
                  options=tuple(Option(key, label) for key, label, _ in AT_RISK_GROUPS)),
            Field("agencies", "Agencies contributing to the plan", "textarea", required=False,
                  hint="For example probation, police, children’s services, housing"),
        )),
        Section(
            "Risk of serious harm (RoSH) levels",
            tuple(_rosh_field(key, label, setting, where)
                  for setting, where in SETTINGS for key, label, _ in AT_RISK_GROUPS),
            hint="As OASys records them: a level for each group, once in the community and "
                 "once in custody (section 2.6.4). Leave a group as ‘Not recorded’ if you "
                 "have not assessed it. In custody, assess as though release could be "
                 "imminent.",
        ),
        Section("Risk and protective factors", (
            Repeat("risk_factors", "Risk factors", "Risk factor",
                   add_label="Add another risk factor",
                   hint="What makes serious harm more likely, for example a behaviour, "
                        "a situation or a relationship",
                   fields=(
                       Field("description", "Risk factor", "text", noun="the risk factor",
                             width="long"),
                       Field("priority", "Priority", "choice", required=False,
                             widget="select",
                             options=(Option("high", "High"), Option("medium", "Medium"),
                                      Option("low", "Low"))),
                   )),
            Repeat("protective_factors", "Protective factors", "Protective factor",
                   add_label="Add another protective factor",
                   hint="What makes serious harm less likely, for example stable "
                        "housing or a supportive relationship",
                   fields=(Field("description", "Protective factor", "text",
                                 noun="the protective factor", width="long"),)),
            Repeat("objectives", "Objectives", "Objective", add_label="Add another objective",
                   fields=(Field("description", "Objective", "text", noun="the objective",
                                 width="long"),)),
        )),
        Section(
            "Actions under the four pillars",
            tuple(_pillar(name, label, phrase) for name, label, phrase in PILLARS),
            hint="Refer to risk factors and protective factors by their numbers above.",
        ),
        Section("Contingency plan", (
            Repeat("contingency", "Contingency actions", "Contingency action",
                   add_label="Add another contingency action",
                   hint="What you will do if the risk rises or the plan breaks down",
                   fields=(
                       Field("trigger", "Trigger", "text", required=False, width="long",
                             hint="The event or warning sign that sets this action off, "
                                  "for example ‘misses two appointments’"),
                       Field("action", "Action to take", "text", noun="the action to take",
                             width="long"),
                       Field("who", "Who will act", "text", required=False, hint=_WHO_HINT,
                             width="medium"),
                   )),
        )),
        Section("Agreement and communication", (
            Field("explained_to_individual", "Have you explained to the person how the risk "
                  "and protective factors affect their behaviour?", "yes_no", required=False,
                  noun="whether you have explained the factors to the person"),
            Field("agreed_with_individual", "Have you agreed with the person the areas of "
                  "risk to work on and the objectives?", "yes_no", required=False,
                  noun="whether you have agreed the plan with the person"),
            Field("agreed_with_stakeholders", "Have the agencies and people involved agreed "
                  "the risk factors and objectives?", "yes_no", required=False,
                  noun="whether the agencies involved have agreed the plan"),
            Field("internal_controls", "Internal controls", "textarea", required=False,
                  hint="What the person will do to manage their own risk, for example "
                       "strategies learned on a programme"),
            Field("rationale", "Why these actions are proportionate and defensible",
                  "textarea", required=False,
                  hint="Link the actions to the risk, and say why each restriction is needed"),
            Field("shared_with", "Who the plan has been shared with", "textarea",
                  required=False,
                  hint="Agencies and people, and any limits on what was shared"),
        )),
    ),
)


def evaluate(parsed: Parsed) -> Outcome:
    """Check the plan against HF36 and render it (InvalidInput for bad references)."""
    plan = build_plan(parsed)
    checks = check_plan(plan)
    report = plan_report(plan, checks)
    return Outcome(
        data={
            "statuses": {item.code: item.status for item in checks},
            "counts": counts(checks),
            "findings": [{"code": code, "message": text} for code, text in findings(checks)],
        },
        report=report,
        markdown=render_markdown(report),
    )
