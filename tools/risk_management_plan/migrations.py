"""Answers saved by older versions of the risk management plan checklist, converted.

Version 1 asked for one overall RoSH level (`rosh_level`). Version 2 asks for
a level per group at risk, in the community and in custody, as OASys records
them (domain-facts §1.3). One overall level cannot be spread over the groups
truthfully (no source confirms that it is the highest of them), so the old
answer is neither guessed into the new fields nor dropped: it is kept, named,
in the summary of the assessment, and the page says so.
"""

from __future__ import annotations

from collections.abc import Callable

#: Labels version 1 showed for its `rosh_level` choices.
_V1_ROSH_LABELS = {"low": "Low", "medium": "Medium", "high": "High", "very_high": "Very high"}


def from_version_1(answers: dict[str, str]) -> dict[str, str]:
    """Version 1 answers as version 2: the overall level moves into the summary, named."""
    out = dict(answers)
    level = out.pop("rosh_level", "").strip()
    if not level:
        return out
    shown = _V1_ROSH_LABELS.get(level, level)
    note = (f"Overall RoSH level recorded in an earlier version of this checklist: {shown}. "
            "Record a level for each group at risk.")
    summary = out.get("assessment_summary", "").rstrip()
    out["assessment_summary"] = f"{summary}\n\n{note}" if summary else note
    return out


MIGRATIONS: dict[int, Callable[[dict[str, str]], dict[str, str]]] = {1: from_version_1}
UPGRADE_NOTES: dict[int, str] = {
    1: "Its overall RoSH level is now at the end of the summary of the assessment: "
       "record a RoSH level for each group at risk, and add the date of the plan and a "
       "review date.",
}
