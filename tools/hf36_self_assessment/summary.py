"""The self-assessment summed up for supervision: counts per rating, the items to
develop (Not yet before Developing), gaps, and every item with its note."""

from __future__ import annotations

from datetime import date

from tools.core.dates import long_date
from tools.core.parse import Parsed
from tools.core.result import Block, Heading, Paragraph, SummaryList, Table
from tools.hf36_self_assessment.items import ITEMS, RATING_LABELS, RATINGS, Item
from tools.reference import hf36
from tools.reference.worksheet import Finding, findings_blocks, or_not_recorded, text

NOT_RATED = "not_rated"
_NOTHING_TO_RATE = "Nothing to rate"


def rating(parsed: Parsed, item: Item) -> str:
    return text(parsed, f"{item.field}_rating") or NOT_RATED


def tally(parsed: Parsed) -> dict[str, dict[str, int]]:
    """For each kind of item (and in total), how many have each rating."""
    keys = [*(key for key, _, _ in RATINGS), NOT_RATED]
    rated = [i for i in ITEMS if i.rateable]
    out = {kind: {k: sum(1 for i in rated if i.kind == kind and rating(parsed, i) == k)
                  for k in keys} for kind in ("performance", "knowledge")}
    out["total"] = {k: out["performance"][k] + out["knowledge"][k] for k in keys}
    return out


def to_develop(parsed: Parsed) -> list[Item]:
    """Items rated Not yet, then Developing, each in standard order."""
    rated = [i for i in ITEMS if i.rateable]
    return ([i for i in rated if rating(parsed, i) == "not_yet"]
            + [i for i in rated if rating(parsed, i) == "developing"])


def _codes(items: list[Item]) -> str:
    return ", ".join(i.code for i in items)


def check(parsed: Parsed) -> list[Finding]:
    rated = [i for i in ITEMS if i.rateable]
    found: list[Finding] = []
    unrated = [i for i in rated if rating(parsed, i) == NOT_RATED]
    if unrated:
        found.append(Finding("gap", "not-rated", f"Not rated yet: {_codes(unrated)}",
                             "A summary for supervision should cover the whole standard, "
                             "so nothing is missed by accident"))
    bare = [i for i in rated if rating(parsed, i) == "confident"
            and not text(parsed, f"{i.field}_evidence")]
    if bare:
        found.append(Finding("gap", "confident-no-evidence",
                             f"Rated Confident with no evidence note: {_codes(bare)}",
                             "HF36 is a competence standard: a rating of Confident should "
                             "point to work that shows it, for supervision to discuss"))
    return found


def _shown_rating(parsed: Parsed, item: Item) -> str:
    if not item.rateable:
        return _NOTHING_TO_RATE
    return RATING_LABELS.get(rating(parsed, item), "Not rated")


def report(parsed: Parsed, findings: list[Finding]) -> tuple[Block, ...]:
    reference = text(parsed, "reference")
    counts = tally(parsed)
    rows = tuple((label, str(counts["performance"][key]), str(counts["knowledge"][key]),
                  str(counts["total"][key]))
                 for key, label in [*((k, lab) for k, lab, _ in RATINGS),
                                    (NOT_RATED, "Not rated")])
    develop = to_develop(parsed)
    assessed = parsed.get("assessed_on")
    blocks: list[Block] = [
        Heading("HF36 self-assessment" + (f": {reference}" if reference else ""), 3),
        SummaryList((
            ("Assessed on", long_date(assessed) if isinstance(assessed, date) else "Not recorded"),
            ("Notes for supervision", or_not_recorded(text(parsed, "notes"))),
        )),
        Table("Ratings", ("Rating", "Performance criteria", "Knowledge", "Total"), rows),
    ]
    if develop:
        blocks.append(Table(
            "Items to develop", ("Item", "Rating", "Evidence note"),
            tuple((f"{i.code} {i.label}", RATING_LABELS[rating(parsed, i)],
                   or_not_recorded(text(parsed, f"{i.field}_evidence"))) for i in develop)))
    else:
        blocks.append(Paragraph("No item is rated Developing or Not yet."))
    blocks += findings_blocks(findings, "self-assessment")
    blocks.append(Table(
        "Every item", ("Item", "Rating", "Evidence note"),
        tuple((f"{i.code} {i.label}", _shown_rating(parsed, i),
               or_not_recorded(text(parsed, f"{i.field}_evidence")) if i.rateable else "")
              for i in ITEMS)))
    blocks.append(Paragraph(
        f"Items paraphrased from {hf36.CITATION}. P16 and K14 are not given in the source "
        "text, and K17 only in part."))
    return tuple(blocks)
