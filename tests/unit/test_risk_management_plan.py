"""Risk management plan checklist: schema, validation, every HF36 gap rule, rendering.

Each gap rule has a case that triggers it and a near miss that must not. Plans
are built from the named examples in tools/risk_management_plan/fixtures, which the contract and
browser tests reuse.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tools.core.parse import parse_inputs
from tools.core.result import InvalidInput, Outcome
from tools.reference import hf36
from tools.risk_management_plan import TOOL, evaluate

EXAMPLES_PATH = Path(__file__).parents[2] / "tools" / "risk_management_plan" / "fixtures" / "examples.json"
EXAMPLES: list[dict[str, Any]] = json.loads(EXAMPLES_PATH.read_text("utf-8"))["examples"]
BASE: dict[str, str] = next(e["inputs"] for e in EXAMPLES if e["name"] == "complete-plan")


def variant(changes: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> dict[str, str]:
    """The complete plan with some inputs changed and any starting with `drop` removed."""
    inputs = {k: v for k, v in BASE.items() if not k.startswith(drop)} if drop else dict(BASE)
    inputs.update(changes or {})
    return inputs


def run(inputs: dict[str, str]) -> Outcome:
    parsed, errors = parse_inputs(TOOL, inputs)
    assert errors == []
    return evaluate(parsed)


def errors_of(inputs: dict[str, str]) -> list[dict[str, str]]:
    parsed, errors = parse_inputs(TOOL, inputs)
    if not errors:
        with pytest.raises(InvalidInput) as raised:
            evaluate(parsed)
        errors = raised.value.errors
    return [e.to_json() for e in errors]


def findings(inputs: dict[str, str], code: str) -> list[str]:
    return [f["message"] for f in run(inputs).data["findings"] if f["code"] == code]


def status(inputs: dict[str, str], code: str) -> str:
    result: str = run(inputs).data["statuses"][code]
    return result


def report_text(outcome: Outcome) -> str:
    return json.dumps(outcome.to_json()["report"], ensure_ascii=False)


# ---- the named examples ---------------------------------------------------

@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_named_example(example: dict[str, Any]) -> None:
    expected = example["expected"]
    if not expected["ok"]:
        assert errors_of(example["inputs"]) == expected["errors"]
        return
    outcome = run(example["inputs"])
    assert outcome.data["statuses"] == expected["statuses"]
    assert outcome.data["findings"] == expected["findings"]
    text = report_text(outcome)
    for piece in expected.get("report_text_contains", []):
        assert json.dumps(piece, ensure_ascii=False)[1:-1] in text
    for piece in expected.get("markdown_contains", []):
        assert piece in outcome.markdown
    for char in expected.get("markdown_always_escaped", []):
        # every occurrence is preceded by an odd number of backslashes
        for match in re.finditer(r"(\\*)" + re.escape(char), outcome.markdown):
            assert len(match.group(1)) % 2 == 1, match


def test_complete_plan_has_no_gaps_and_every_checkable_criterion_met() -> None:
    data = run(BASE).data
    assert data["findings"] == []
    assert data["counts"] == {"met": 14, "gap": 0, "manual": 4, "not-given": 1}


# ---- the criteria themselves ---------------------------------------------

def test_every_criterion_p1_to_p19_is_reported_in_order() -> None:
    assert list(run(BASE).data["statuses"]) == [f"P{n}" for n in range(1, 20)]


def test_p16_is_not_given_and_never_given_invented_wording() -> None:
    item = next(c for c in hf36.CRITERIA if c.code == "P16")
    assert item.label == "Not given in the source text"
    assert status(BASE, "P16") == "not-given"


@pytest.mark.parametrize("code", ["P8", "P12", "P17", "P19"])
def test_criteria_a_plan_cannot_show_are_manual_with_advice(code: str) -> None:
    checks = next(b for b in run(BASE).to_json()["report"]
                  if b["type"] == "checks" and any(i["code"] == code for i in b["items"]))
    item = next(i for i in checks["items"] if i["code"] == code)
    assert item["status"] == "manual"
    assert item["details"] and all(len(d) > 40 for d in item["details"])


def test_elements_split_p1_to_p8_and_p9_to_p19() -> None:
    checks = [b for b in run(BASE).to_json()["report"] if b["type"] == "checks"]
    assert [[i["code"] for i in b["items"]] for b in checks] == [
        [f"P{n}" for n in range(1, 9)], [f"P{n}" for n in range(9, 20)]
    ]


# ---- gap rules: each with a case that triggers it and a near miss ---------

def test_unaddressed_risk_factor_is_named_with_its_text() -> None:
    inputs = variant({"supervision.1.addresses": "2, 3", "interventions_treatment.1.addresses": ""})
    assert findings(inputs, "P3") == [
        "Risk factor 1 (“Drinks heavily at weekends”) is not addressed by any action"
    ]


def test_risk_factor_addressed_only_by_a_victim_safety_action_counts() -> None:
    inputs = variant({"supervision.1.addresses": "1, 3", "monitoring_control.1.addresses": "",
                      "interventions_treatment.2.addresses": ""})
    assert status(inputs, "P3") == "met"


def test_long_risk_factor_text_is_cut_in_the_message() -> None:
    long = "x" * 200
    inputs = variant({"risk_factors.4.description": long, "risk_factors.4.priority": "low"})
    (message,) = findings(inputs, "P3")
    assert message.startswith("Risk factor 4 (“" + "x" * 79 + "…”)")


def test_action_without_owner() -> None:
    assert findings(variant({"supervision.1.who": ""}), "P14") == [
        "Action 1 under supervision (“Office appointments, weekly until review, then "
        "fortnightly”) has no owner: say who will do it"
    ]
    assert status(variant({"supervision.1.who": "Offender manager"}), "P14") == "met"


def test_action_without_date() -> None:
    assert findings(variant({"victim_safety.1.by_when": " "}), "P14") == [
        "Action 1 under victim safety planning (“Victim liaison officer tells the former "
        "partner about the licence conditions”) has no date or timescale: say by when"
    ]
    assert status(variant({"victim_safety.1.by_when": "weekly until review"}), "P14") == "met"


def test_no_actions_at_all() -> None:
    pillars = ("supervision.", "monitoring_control.", "interventions_treatment.", "victim_safety.")
    inputs = variant(drop=pillars)
    assert findings(inputs, "P14") == ["No actions are recorded under any of the four pillars"]


def test_no_victim_safety_action_where_groups_are_at_risk() -> None:
    assert findings(variant({"at_risk": "public"}, drop=("victim_safety.",)), "P14") == [
        "The public is recorded as at risk, but there is no victim safety planning action"
    ]
    assert findings(variant({"at_risk": "staff,prisoners,children"}, drop=("victim_safety.",)),
                    "P14") == ["Children, staff and prisoners are recorded as at risk, but "
                               "there is no victim safety planning action"]


def test_no_victim_safety_action_is_no_gap_when_no_group_is_recorded() -> None:
    inputs = variant({"at_risk": ""}, drop=("victim_safety.",))
    assert findings(inputs, "P14") == []
    assert findings(inputs, "P1") == [
        "Who is at risk is not recorded: select each group at risk of serious harm",
        "The RoSH level for children in the community is above low, but children are not "
        "selected as at risk",
        "The RoSH level for a known adult in the community is above low, but a known adult "
        "is not selected as at risk",
    ]


def test_no_contingency_plan() -> None:
    assert findings(variant(drop=("contingency.",)), "P13") == [
        "No contingency plan is recorded: add at least one trigger and the action to take if "
        "it happens"
    ]
    assert status(variant(drop=("contingency.2.",)), "P13") == "met"


def test_contingency_action_without_trigger_or_owner() -> None:
    inputs = variant({"contingency.2.trigger": "", "contingency.2.who": ""})
    assert findings(inputs, "P13") == [
        "Contingency action 2 (“Home visit within 48 hours”) has no trigger: say what event "
        "or warning sign sets it off",
        "Contingency action 2 (“Home visit within 48 hours”) has no owner: say who will act",
    ]


def test_protective_factors_recorded_but_none_strengthened() -> None:
    assert findings(variant({"supervision.1.strengthens": ""}), "P6") == [
        "Protective factors are recorded, but no action strengthens any of them"
    ]
    moved = variant({"supervision.1.strengthens": "", "monitoring_control.1.strengthens": "2"})
    assert status(moved, "P6") == "met"


def test_no_protective_factors_at_all_is_a_different_gap() -> None:
    inputs = variant({"supervision.1.strengthens": ""}, drop=("protective_factors.",))
    assert findings(inputs, "P6") == ["No protective factors are recorded"]


@pytest.mark.parametrize(
    ("changes", "code", "message"),
    [
        ({"explained_to_individual": "no"}, "P2",
         "You recorded that the risk and protective factors have not been explained to the "
         "person yet"),
        ({"explained_to_individual": ""}, "P2",
         "Not recorded whether the risk and protective factors have been explained to the "
         "person"),
        ({"agreed_with_individual": "no"}, "P4",
         "You recorded that the areas of risk and the objectives have not been agreed with "
         "the person yet"),
        ({"agreed_with_individual": ""}, "P4",
         "Not recorded whether the areas of risk and the objectives have been agreed with "
         "the person"),
        ({"internal_controls": ""}, "P5",
         "No internal controls are recorded: say what the person will do to manage their "
         "own risk"),
        ({"rationale": ""}, "P7",
         "No rationale is recorded: say why the actions are proportionate to the risk and "
         "can be defended"),
        ({"agencies": ""}, "P9", "No contributing agencies are recorded"),
        ({"risk_factors.2.priority": ""}, "P10",
         "Risk factor 2 (“Jealous and controlling towards partners”) has no priority"),
        ({"agreed_with_stakeholders": "no"}, "P11",
         "You recorded that the risk factors and objectives have not been agreed with the "
         "agencies and people involved yet"),
        ({"agreed_with_stakeholders": ""}, "P11",
         "Not recorded whether the agencies and people involved have agreed the risk "
         "factors and objectives"),
        ({"shared_with": ""}, "P18", "Not recorded who the plan has been shared with"),
    ],
)
def test_single_answer_gaps(changes: dict[str, str], code: str, message: str) -> None:
    assert findings(variant(changes), code) == [message]
    assert status(BASE, code) == "met"


def test_no_external_controls() -> None:
    inputs = variant({"supervision.1.addresses": "1, 2, 3"}, drop=("monitoring_control.",))
    assert findings(inputs, "P5") == [
        "No external controls are recorded: there is no monitoring and control action. If "
        "none is needed, say why in the rationale"
    ]


def test_no_objectives_is_a_gap_for_agreement_with_person_and_stakeholders() -> None:
    inputs = variant(drop=("objectives.",))
    assert findings(inputs, "P4") == ["No objectives are recorded"]
    assert findings(inputs, "P11") == ["No objectives are recorded"]


def test_no_interventions() -> None:
    inputs = variant(drop=("interventions_treatment.",))
    assert findings(inputs, "P15") == [
        "No interventions and treatment actions are recorded: record any specialist help "
        "needed, or say in the rationale why none is"
    ]


# ---- validation -------------------------------------------------------------

def test_required_answers_have_gov_uk_messages() -> None:
    assert errors_of({}) == [
        {"field": "plan_date", "message": "Enter date of the plan"},
        {"field": "review_date", "message": "Enter review date"},
        {"field": "assessment_summary", "message": "Enter a summary of the assessment"},
    ]


def test_at_least_one_risk_factor() -> None:
    inputs = {"plan_date": "1/3/2027", "review_date": "1/6/2027",
              "assessment_summary": "Summary"}
    assert errors_of(inputs) == [
        {"field": "risk_factors.1.description", "message": "Enter at least one risk factor"}
    ]


def test_a_row_with_anything_in_it_needs_its_main_text() -> None:
    inputs = variant({"supervision.2.who": "Police"})
    assert errors_of(inputs) == [{"field": "supervision.2.what",
                                  "message": "Enter what will be done"}]
    assert errors_of(variant({"contingency.3.who": "Police"})) == [
        {"field": "contingency.3.action", "message": "Enter the action to take"}
    ]


def test_empty_rows_are_ignored_and_rows_keep_their_shown_numbers() -> None:
    inputs = variant({"risk_factors.2.description": "", "risk_factors.2.priority": "",
                      "supervision.1.addresses": "1, 3", "monitoring_control.1.addresses": "1",
                      "interventions_treatment.2.addresses": "",
                      "victim_safety.1.addresses": "", "risk_factors.5.description": "Isolated",
                      "supervision.9.what": "", "supervision.9.who": ""})
    assert findings(inputs, "P3") == ["Risk factor 5 (“Isolated”) is not addressed by any action"]


def test_reference_to_missing_factors() -> None:
    assert errors_of(variant({"monitoring_control.1.addresses": "2, 5, 7"})) == [{
        "field": "monitoring_control.1.addresses",
        "message": "Action 1 under monitoring and control refers to risk factors 5 and 7, "
                   "but there are no risk factors 5 and 7",
    }]
    assert errors_of(variant({"victim_safety.1.strengthens": "3"})) == [{
        "field": "victim_safety.1.strengthens",
        "message": "Action 1 under victim safety planning refers to protective factor 3, "
                   "but there is no protective factor 3",
    }]


@pytest.mark.parametrize("typed", ["1,3", "1 and 3", "3; 1", " 1 & 3 ", "1, 1, 3"])
def test_factor_numbers_in_common_forms(typed: str) -> None:
    inputs = variant({"supervision.1.addresses": typed})
    table = next(b for b in run(inputs).to_json()["report"]
                 if b["type"] == "table" and b["caption"] == "Supervision")
    assert table["rows"][0][3] == "Risk factors 1 and 3; strengthens protective factor 1"


@pytest.mark.parametrize("typed", ["one", "1-3", "RF1", "1.5", "²", "1" * 5000])
def test_factor_numbers_that_are_not_numbers(typed: str) -> None:
    assert errors_of(variant({"supervision.1.addresses": typed})) == [{
        "field": "supervision.1.addresses",
        "message": "Enter the risk factor numbers for action 1 under supervision as numbers "
                   "separated by commas, like 1, 3",
    }]


# ---- the printable document -------------------------------------------------

def test_report_has_plan_tables_per_pillar_and_contingency() -> None:
    blocks = run(BASE).to_json()["report"]
    assert blocks[0] == {"type": "heading", "text": "Risk management plan: Example plan A",
                         "level": 3}
    tables = {b["caption"]: b for b in blocks if b["type"] == "table"}
    for pillar in ("Supervision", "Monitoring and control", "Interventions and treatment",
                   "Victim safety planning"):
        assert tables[pillar]["head"] == ["What", "Who", "By when", "Addresses"]
    assert tables["Contingency plan"]["head"] == ["Trigger", "Action", "Who"]
    assert tables["Interventions and treatment"]["rows"][1] == [
        "Domestic abuse programme", "Probation programmes team", "Start by 30/6/2011",
        "Risk factor 2",
    ]
    assert tables["Risk factors"]["rows"][0] == [
        "1", "Drinks heavily at weekends", "High",
        "Supervision action 1; Interventions and treatment action 1",
    ]
    summary = next(b for b in blocks if b["type"] == "summary")
    assert {"key": "Who is at risk", "value": "Children and a known adult"} in summary["rows"]


def test_missing_cells_and_empty_pillars_are_visible_on_paper() -> None:
    blocks = run(variant({"supervision.1.who": ""}, drop=("victim_safety.",))).to_json()["report"]
    table = next(b for b in blocks if b["type"] == "table" and b["caption"] == "Supervision")
    assert table["rows"][0][1] == "Not recorded"
    assert {"type": "paragraph", "text": "No victim safety planning actions are recorded.",
            "emphasis": ""} in blocks


def test_markdown_export_has_findings_and_plan() -> None:
    markdown = run(variant({"agencies": ""})).markdown
    assert markdown.startswith("# Risk management plan: Example plan A\n")
    assert "- **P9** (gap): Identify the agencies that should contribute to the plan\n" \
           "  - No contributing agencies are recorded\n" in markdown
    assert "| What | Who | By when | Addresses |" in markdown
    assert "| Trigger | Action | Who |" in markdown
    assert "**P16** (not given in the source text)\n" in markdown


def test_criteria_labels_cite_hf36_in_the_report() -> None:
    blocks = run(BASE).to_json()["report"]
    assert any(b["type"] == "paragraph" and "National Occupational Standard HF36" in b["text"]
               for b in blocks)


def test_schema_field_names_are_stable() -> None:
    assert [f.name for f in TOOL.fields()] == [
        "plan_reference", "plan_date", "review_date", "assessment_summary", "at_risk",
        "agencies",
        *(f"rosh_{group}_{setting}" for setting in ("community", "custody")
          for group in ("children", "public", "known_adult", "staff", "prisoners")),
        "explained_to_individual", "agreed_with_individual", "agreed_with_stakeholders",
        "internal_controls", "rationale", "shared_with",
    ]
    assert {r.name: [f.name for f in r.fields] for r in TOOL.repeats()} == {
        "risk_factors": ["description", "priority"],
        "protective_factors": ["description"],
        "objectives": ["description"],
        **{p: ["what", "who", "by_when", "addresses", "strengthens"]
           for p in ("supervision", "monitoring_control", "interventions_treatment",
                     "victim_safety")},
        "contingency": ["trigger", "action", "who"],
    }
    assert TOOL.slug == "risk-management-plan" and TOOL.keeps_drafts and TOOL.version == 2


def test_lead_sentence_counts_criteria() -> None:
    def lead(inputs: dict[str, str]) -> str:
        blocks = run(inputs).to_json()["report"]
        text: str = next(b["text"] for b in blocks if b.get("emphasis") == "lead")
        return text

    assert lead(BASE) == ("The plan shows all 14 criteria that a plan's contents can show. "
                          "4 criteria need checking by hand, and P16 is not given in the "
                          "source text.")
    assert lead(variant({"agencies": "", "rationale": ""})).startswith(
        "The plan shows 12 of the 14 criteria that a plan's contents can show. 2 criteria "
        "have gaps, listed under the findings below the plan.")
    assert "1 criterion has gaps" in lead(variant({"agencies": ""}))


# ---- version 2: RoSH per group and setting, plan and review dates (issue 11 §4) ----

def _table(outcome: Outcome, caption: str) -> dict[str, Any]:
    return next(b for b in outcome.to_json()["report"]
                if b["type"] == "table" and b["caption"] == caption)


def test_rosh_levels_are_recorded_per_group_in_the_community_and_in_custody() -> None:
    inputs = variant({"rosh_known_adult_custody": "medium", "rosh_prisoners_custody": "low"})
    table = _table(run(inputs), "Risk of serious harm (RoSH) levels")
    assert table["head"] == ["Group", "In the community", "In custody"]
    assert table["rows"] == [
        ["Children", "Medium", "Not recorded"],
        ["The public", "Not recorded", "Not recorded"],
        ["A known adult", "High", "Medium"],
        ["Staff", "Not recorded", "Not recorded"],
        ["Prisoners", "Not recorded", "Low"],
    ]


def test_no_rosh_level_at_all_is_a_gap() -> None:
    inputs = variant(drop=("rosh_",))
    assert findings(inputs, "P1") == [
        "No RoSH level is recorded: record a level for each group at risk, in the community "
        "and in custody"
    ]


def test_a_group_at_risk_needs_a_level_in_one_setting_or_the_other() -> None:
    assert findings(variant(drop=("rosh_children_",)), "P1") == [
        "Children are selected as at risk, but no RoSH level is recorded for them"
    ]
    assert status(variant({"rosh_children_community": "", "rosh_children_custody": "high"}),
                  "P1") == "met"


def test_a_level_above_low_for_a_group_not_at_risk_is_an_inconsistency() -> None:
    assert findings(variant({"rosh_staff_custody": "high"}), "P1") == [
        "The RoSH level for staff in custody is above low, but staff are not selected as "
        "at risk"
    ]
    assert status(variant({"rosh_staff_custody": "low"}), "P1") == "met"  # near miss


def test_the_review_date_must_be_after_the_date_of_the_plan() -> None:
    message = [{"field": "review_date",
                "message": "Review date must be after the date of the plan, 1 March 2011"}]
    assert errors_of(variant({"review_date": "1/3/2011"})) == message
    assert errors_of(variant({"review_date": "28/2/2011"})) == message
    assert status(variant({"review_date": "2/3/2011"}), "P1") == "met"


def test_the_plan_shows_its_dates() -> None:
    about = next(b for b in run(BASE).to_json()["report"] if b["type"] == "summary")
    rows = {r["key"]: r["value"] for r in about["rows"]}
    assert rows["Date of the plan"] == "1 March 2011"
    assert rows["Review date"] == "1 June 2011"


def test_the_plan_comes_before_the_findings_and_the_findings_list_gaps_first() -> None:
    outcome = run(variant({"agencies": "", "rationale": ""}))
    report = outcome.to_json()["report"]
    headings = [b["text"] for b in report if b["type"] == "heading"]
    assert headings.index("The plan") < headings.index("Findings against HF36")
    gaps = next(b for b in report if b["type"] == "list")
    assert gaps["items"] == [
        "P7: No rationale is recorded: say why the actions are proportionate to the risk and "
        "can be defended",
        "P9: No contributing agencies are recorded",
    ]
    second_element = [b for b in report if b["type"] == "checks"][1]
    assert [i["code"] for i in second_element["items"]][:1] == ["P9"]
    first_element = next(b for b in report if b["type"] == "checks")
    codes = [i["code"] for i in first_element["items"]]
    assert codes[0] == "P7" and codes[1:] == ["P1", "P2", "P3", "P4", "P5", "P6", "P8"]


def test_version_1_answers_keep_the_overall_level_named_in_the_summary() -> None:
    from tools.risk_management_plan.migrations import from_version_1

    assert from_version_1({"rosh_level": "very_high", "assessment_summary": "Assault."}) == {
        "assessment_summary": "Assault.\n\nOverall RoSH level recorded in an earlier version "
                              "of this checklist: Very high. Record a level for each group "
                              "at risk."
    }
    assert from_version_1({"rosh_level": "low"}) == {
        "assessment_summary": "Overall RoSH level recorded in an earlier version of this "
                              "checklist: Low. Record a level for each group at risk."
    }
    assert from_version_1({"rosh_level": "", "plan_reference": "A"}) == {"plan_reference": "A"}
