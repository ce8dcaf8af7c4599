"""The HF36 performance criteria, paraphrased, as data.

Source: Skills for Justice (2010) National Occupational Standard HF36,
"Develop risk management plans that address the risk of serious harm posed by
individuals, in line with agreed strategy" (version 1, approved March 2010).
The labels are short paraphrases in our own words, not the standard's text.
The extracted text of the standard has no wording for P16 or K14, so they carry
no label of ours either: tools show them as "not given in the source text". K17
is cut in the extracted text: only its end survives, so its label says so and
paraphrases only that end.
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


KNOWLEDGE_AREAS: dict[int, str] = {
    1: "Legislative, regulatory and organisational requirements",
    2: "Requirements particular to developing risk management plans",
    3: "Requirements relating to communicating with individuals",
}

PARTLY_GIVEN_PREFIX = "Only partly given in the source text, which ends: "


@dataclass(frozen=True)
class KnowledgeItem:
    """One knowledge and understanding item: its code, area (1 to 3) and our paraphrase."""

    code: str
    area: int
    label: str


KNOWLEDGE: tuple[KnowledgeItem, ...] = (
    KnowledgeItem("K1", 1, "The legal and organisational requirements and guidance on "
                  "risk management plans, including duties towards young people"),
    KnowledgeItem("K2", 1, "Law, policy and procedure on human rights, data protection, "
                  "health and safety and diversity, and what they mean for your work"),
    KnowledgeItem("K3", 1, "Your organisation's role and services in public protection"),
    KnowledgeItem("K4", 1, "The roles of the main public protection agencies, and the "
                  "multi-agency arrangements in your area"),
    KnowledgeItem("K5", 1, "The limits of your authority and responsibility, and what to "
                  "do if they are exceeded"),
    KnowledgeItem("K6", 2, "Why risk management plans matter, what they must address and "
                  "how to develop them"),
    KnowledgeItem("K7", 2, "Risk-led practice, based on specific descriptions of risk in "
                  "terms of behaviour and circumstances"),
    KnowledgeItem("K8", 2, "Approaches to risk assessment, how to use them, their "
                  "strengths and weaknesses, and how they guard against prejudice and bias"),
    KnowledgeItem("K9", 2, "Where to find relevant information about a person, and how to "
                  "get it"),
    KnowledgeItem("K10", 2, "How to check and corroborate the information you need"),
    KnowledgeItem("K11", 2, "How to tell evidence you observed from evidence from reliable "
                  "sources and from hearsay"),
    KnowledgeItem("K12", 2, "How to tell prejudice from opinion backed by evidence"),
    KnowledgeItem("K13", 2, "The key risk factors for serious offending, such as previous "
                  "convictions, the current offence, patterns of harmful behaviour and "
                  "drug or alcohol misuse"),
    KnowledgeItem("K14", 2, NOT_GIVEN_LABEL),
    KnowledgeItem("K15", 2, "Multi-agency arrangements, what they mean and the actions "
                  "that go with them"),
    KnowledgeItem("K16", 2, "National and local resettlement and reintegration strategies, "
                  "and what they mean for intervention plans"),
    KnowledgeItem("K17", 2, PARTLY_GIVEN_PREFIX + "“…individuals, their roles and services, "
                  "and how to access these”"),
    KnowledgeItem("K18", 2, "The main types of intervention available, with their "
                  "strengths and weaknesses"),
    KnowledgeItem("K19", 2, "Your organisation's case registration and management "
                  "procedures, and your part in them"),
    KnowledgeItem("K20", 2, "What shapes a person's behaviour, including physical, social, "
                  "psychological and emotional development"),
    KnowledgeItem("K21", 2, "The impact of crime on victims, survivors and witnesses, and "
                  "their need for protection, respect, recognition, information and "
                  "confidentiality"),
    KnowledgeItem("K22", 2, "Why safeguarding children and vulnerable people at risk of "
                  "serious harm matters, and what to do when you identify that risk"),
    KnowledgeItem("K23", 2, "The information and protocols needed to plan resettlement "
                  "and reintegration, and the advice likely to be needed"),
    KnowledgeItem("K24", 2, "The problems people may meet in resettlement and "
                  "reintegration, and ways of tackling them"),
    KnowledgeItem("K25", 2, "The options for supervising and managing people in the "
                  "community"),
    KnowledgeItem("K26", 3, "Styles and forms of communication, including body language "
                  "and how cultures read it differently"),
    KnowledgeItem("K27", 3, "Barriers to communication, their causes and how to overcome "
                  "them"),
    KnowledgeItem("K28", 3, "Awareness of your own values and beliefs, and how they affect "
                  "your ability to explore discriminatory or damaging attitudes and "
                  "behaviour"),
    KnowledgeItem("K29", 3, "The limits of confidentiality with people being assessed: "
                  "when others must be told, including when you fear for others' safety, "
                  "and who is entitled to the information"),
)

#: Knowledge items the source text gives no wording for, and those it gives only in part.
KNOWLEDGE_NOT_GIVEN: frozenset[str] = frozenset({"K14"})
KNOWLEDGE_PARTLY_GIVEN: frozenset[str] = frozenset({"K17"})


def criterion(code: str) -> Criterion:
    """Look up a criterion by code (KeyError if there is no such code)."""
    for item in CRITERIA:
        if item.code == code:
            return item
    raise KeyError(code)
