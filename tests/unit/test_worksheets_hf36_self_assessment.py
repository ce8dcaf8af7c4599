"""HF36 self-assessment: every item P1–P19 and K1–K29 (P16 and K14 have nothing to
rate), counts per rating, the items to develop, the gap rules and the summary."""

from __future__ import annotations

from tests.unit.worksheets import call, codes, examples, outcome, report_text
from tools.hf36_self_assessment import TOOL
from tools.hf36_self_assessment.items import ITEMS
from tools.reference import hf36

SLUG = "hf36-self-assessment"
BASE: dict[str, str] = examples(SLUG)["all-rated"]["inputs"]


def test_every_item_of_the_standard_is_listed_and_p16_k14_have_no_field() -> None:
    assert [i.code for i in ITEMS] == [f"P{n}" for n in range(1, 20)] + [
        f"K{n}" for n in range(1, 30)]
    names = {f.name for f in TOOL.fields()}
    assert "p16_rating" not in names and "k14_rating" not in names
    assert "p15_rating" in names and "k29_evidence" in names and "k17_rating" in names
    assert len([n for n in names if n.endswith("_rating")]) == 46
    assert hf36.criterion("P16").label == hf36.NOT_GIVEN_LABEL
    k14 = next(k for k in hf36.KNOWLEDGE if k.code == "K14")
    assert k14.label == hf36.NOT_GIVEN_LABEL
    k17 = next(k for k in hf36.KNOWLEDGE if k.code == "K17")
    assert k17.label.startswith(hf36.PARTLY_GIVEN_PREFIX)


def test_sections_say_p16_and_k14_are_not_given() -> None:
    hints = [s.hint for s in TOOL.sections]
    assert sum("P16 is not given in the source text" in h for h in hints) == 1
    assert sum("K14 is not given in the source text" in h for h in hints) == 1


def test_counts_per_rating_and_items_to_develop() -> None:
    result = outcome(SLUG, BASE)
    assert result["ratings"]["total"] == {"confident": 43, "developing": 2, "not_yet": 1,
                                          "not_rated": 0}
    assert result["to_develop"] == ["P12", "K8", "K16"]
    table = next(b for b in result["report"] if b.get("caption") == "Items to develop")
    assert [r[1] for r in table["rows"]] == ["Not yet", "Developing", "Developing"]
    assert table["rows"][2][2] == "Read the local resettlement strategy"


def test_unrated_items_are_one_gap() -> None:
    inputs = {k: v for k, v in BASE.items() if k not in ("p3_rating", "k29_rating")}
    result = outcome(SLUG, inputs)
    assert result["findings"][0]["message"] == "Not rated yet: P3, K29"
    assert result["ratings"]["total"]["not_rated"] == 2


def test_confident_needs_an_evidence_note_but_developing_does_not() -> None:
    assert codes(SLUG, {**BASE, "p4_evidence": ""}) == ["confident-no-evidence"]
    assert codes(SLUG, {**BASE, "k8_evidence": ""}) == []


def test_every_item_table_shows_p16_and_k14_as_not_given() -> None:
    result = outcome(SLUG, BASE)
    table = next(b for b in result["report"] if b.get("caption") == "Every item")
    rows = {r[0].split(" ")[0]: r for r in table["rows"]}
    assert len(rows) == 48
    assert rows["P16"] == ["P16 Not given in the source text", "Nothing to rate", ""]
    assert rows["K14"] == ["K14 Not given in the source text", "Nothing to rate", ""]
    assert "2 December 2026" in report_text(result)


def test_a_bad_date_is_a_field_error() -> None:
    response = call(SLUG, {"assessed_on": "31/2/2026"})
    assert response["errors"] == [{"field": "assessed_on",
                                   "message": "The date of this self-assessment must be a "
                                              "real date"}]


def test_markdown_summary_for_supervision() -> None:
    markdown = outcome(SLUG, BASE)["markdown"]
    assert markdown.startswith("# HF36 self-assessment: AB\n")
    assert "| Confident | 17 | 26 | 43 |" in markdown
