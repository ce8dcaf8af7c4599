"""HF36 competence self-assessment: rate yourself against each performance criterion
and knowledge item of the standard, with a note of the evidence, and get a summary
to take to supervision.

Items come from tools/reference/hf36.py (paraphrased from the standard). P16
and K14 have no wording in the source text, so they have no rating field; the
form and the summary say so. Field names are permanent: `<code>_rating` and
`<code>_evidence`, codes in lower case ("p1_rating", "k29_evidence").
"""

from __future__ import annotations

from tools.core.parse import Parsed
from tools.core.report_markdown import render_markdown
from tools.core.result import Outcome
from tools.core.schema import Field, Option, Section, Source, Tool
from tools.hf36_self_assessment.items import GROUPS, ITEMS, RATINGS, Item
from tools.hf36_self_assessment.summary import check, report, tally, to_develop
from tools.reference import hf36
from tools.reference.worksheet import counts, findings_json, ordered

_RATING_OPTIONS = tuple(Option(key, label, hint) for key, label, hint in RATINGS)


def _item_fields(item: Item) -> tuple[Field, ...]:
    return (
        Field(f"{item.field}_rating", f"{item.code}: {item.label}", "choice", required=False,
              widget="select", options=_RATING_OPTIONS, noun=f"your rating for {item.code}"),
        Field(f"{item.field}_evidence", f"{item.code}: evidence", "textarea", required=False,
              hint="Work that shows it, or what you need to develop it"),
    )


def _section(group: str) -> Section:
    items = [i for i in ITEMS if i.group == group]
    missing = [i.code for i in items if not i.rateable]
    hint = ("Confident: you could show evidence of this in your work now. Developing: "
            "you do this in part, or with support. Not yet: you have not yet done or "
            "learned this.")
    if missing:
        hint += (f" {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not given "
                 "in the source text, so there is nothing to rate.")
    return Section(group[:1].upper() + group[1:],
                   tuple(f for i in items if i.rateable for f in _item_fields(i)), hint=hint)


TOOL = Tool(
    slug="hf36-self-assessment",
    title="HF36 self-assessment",
    version=1,
    summary=(
        "Rate yourself against each performance criterion (P1 to P19) and knowledge item "
        "(K1 to K29) of the national occupational standard HF36, with a note of your "
        "evidence, and get a summary for supervision: counts per rating and the items to "
        "develop. The items are paraphrased; P16 and K14 are not given in the source text."
    ),
    submit_label="Summarise for supervision",
    keeps_drafts=True,
    result_noun="self-assessment",
    sources=(Source(hf36.CITATION + " (version 1, approved March 2010): performance "
                    "criteria P1 to P19 and knowledge K1 to K29"),),
    sections=(
        Section("About this self-assessment", (
            Field("reference", "Your initials or staff reference", "text", required=False,
                  width="medium"),
            Field("assessed_on", "Date of this self-assessment", "date", required=False,
                  default_today=True, noun="the date of this self-assessment",
                  hint="For example 2/12/2026"),
            Field("notes", "Notes for supervision", "textarea", required=False,
                  hint="What you want to discuss, and what you want to develop first"),
        )),
        *(_section(g) for g in GROUPS),
    ),
)


def evaluate(parsed: Parsed) -> Outcome:
    """Counts per rating, the items to develop and the gaps, as a summary for supervision."""
    findings = ordered(check(parsed))
    blocks = report(parsed, findings)
    return Outcome(
        data={
            "ratings": tally(parsed),
            "to_develop": [i.code for i in to_develop(parsed)],
            "counts": counts(findings),
            "findings": findings_json(findings),
        },
        report=blocks,
        markdown=render_markdown(blocks),
    )
