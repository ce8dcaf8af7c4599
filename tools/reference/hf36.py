"""The HF36 performance criteria, paraphrased, as data.

Source: Skills for Justice (2010) National Occupational Standard HF36,
"Develop risk management plans that address the risk of serious harm posed by
individuals, in line with agreed strategy" (version 1, approved March 2010).
The labels are short paraphrases in our own words, not the standard's text.
The extracted text of the standard has no wording for P16, so P16 carries no
label of ours either: the checklist shows it as "not given in the source text".
"""

from __future__ import annotations

from dataclasses import dataclass

CITATION = (
    "Skills for Justice (2010) National Occupational Standard HF36: develop risk "
    "management plans that address the risk of serious harm posed by individuals, "
    "in line with agreed strategy"
)


@dataclass(frozen=True)
class Criterion:
    """One performance criterion: its code, element (1 or 2) and our paraphrase."""

    code: str
    element: int
    label: str


ELEMENTS: dict[int, str] = {
    1: "Element 1: confirm with the person the areas of risk and the factors behind them",
    2: "Element 2: agree a plan that addresses the risk factors identified",
}

NOT_GIVEN_LABEL = "Not given in the source text"

CRITERIA: tuple[Criterion, ...] = (
    Criterion("P1", 1, "Review what is known about the person: assessment results, "
              "the offences and the risk of serious harm"),
    Criterion("P2", 1, "Explain to the person how the risk and protective factors "
              "bear on their behaviour"),
    Criterion("P3", 1, "Pin down what triggers the harmful behaviour and what could "
              "address each trigger"),
    Criterion("P4", 1, "Agree with the person which areas of risk the plan targets, "
              "and its objectives"),
    Criterion("P5", 1, "Identify and record the external and internal controls needed"),
    Criterion("P6", 1, "Identify and agree which protective factors to build up"),
    Criterion("P7", 1, "Give a clear rationale, so the analysis and recommendations "
              "can be defended"),
    Criterion("P8", 1, "Tell the right people without delay about real and specific "
              "concerns of harm"),
    Criterion("P9", 2, "Identify the agencies that should contribute to the plan"),
    Criterion("P10", 2, "Review the risk factors in order of priority for reducing "
              "the risk"),
    Criterion("P11", 2, "Agree the risk factors and the plan's objectives with all "
              "relevant stakeholders"),
    Criterion("P12", 2, "Explore the options for tackling the risk factors"),
    Criterion("P13", 2, "Think realistically about situations that may arise, and "
              "agree the way forward with stakeholders"),
    Criterion("P14", 2, "Agree actions that can be defended, measured and achieved, "
              "that serve the objectives and match the level of risk"),
    Criterion("P15", 2, "Decide where specialist help is needed for interventions, "
              "and act on it"),
    Criterion("P16", 2, NOT_GIVEN_LABEL),
    Criterion("P17", 2, "Keep complete, accurate and current records, as your "
              "organisation requires"),
    Criterion("P18", 2, "Share the plan with everyone who needs it, keeping to the "
              "rules on confidentiality"),
    Criterion("P19", 2, "Keep the plan in line with your organisation's strategy for "
              "managing risk of harm"),
)

#: Criteria the source text gives no wording for.
NOT_GIVEN: frozenset[str] = frozenset({"P16"})


def criterion(code: str) -> Criterion:
    """Look up a criterion by code (KeyError if there is no such code)."""
    for item in CRITERIA:
        if item.code == code:
            return item
    raise KeyError(code)
