"""What a RoSH summary is missing, and which of its answers do not fit together.

Every rule says what it checks and why, from the OASys definitions in
model.py. Nothing here decides a level: the levels are the assessor's
judgement, and the rules only point out where the record does not support it.
"""

from __future__ import annotations

from tools.reference.worksheet import Finding
from tools.rosh_summary.model import (
    GROUPS,
    LEVEL_LABELS,
    LEVEL_RULE,
    SELF_HEADINGS,
    TIMING_LABELS,
    TIMING_LEVEL,
    Summary,
    cell_phrase,
    group_label,
    group_phrase,
    join,
    setting_phrase,
)

_GRID_WHY = ("OASys records a level for each of the five groups, once for the community and "
             "once for custody; a blank cannot be told apart from a group that was forgotten")
_WHO_WHY = ("From Medium up, the definitions say there are identifiable indicators of risk of "
            "serious harm, so the summary should say who they point to: a specific person, or "
            "a group as specific as the evidence allows")
_MEDIUM_UP_WHY = ("A level of Medium or above says there are identifiable indicators of risk of "
                  "serious harm; the OASys summary asks for the nature of the risk, when it is "
                  "greatest and what would increase and reduce it, so the plan can act on them")
_SELF_WHY = ("OASys records concerns about the person's own safety under five headings: "
             "suicide, self-harm, coping in custody, coping in a hostel setting and "
             "vulnerability")


def _grid(summary: Summary) -> list[Finding]:
    found: list[Finding] = []
    blank = [r for r in summary.ratings if not r.level]
    if blank:
        cells = join([f"{group_phrase(r.group)} {setting_phrase(r.setting)}" for r in blank])
        found.append(Finding("gap", "level-missing",
                             f"No level is recorded for {cells}: choose a level, or "
                             "‘Not assessed’", _GRID_WHY))
    if not any(r.rated for r in summary.ratings):
        found.append(Finding("gap", "no-level",
                             "No group has a level: rate at least one group, in the "
                             "community or in custody",
                             "A RoSH summary without a level does not say how serious the "
                             "risk is to anyone"))
    return found


def _who(summary: Summary) -> list[Finding]:
    found: list[Finding] = []
    for group, _label, phrase in GROUPS:
        cells = [r for r in summary.at_or_above("medium") if r.group == group]
        named = summary.who.get(group, "")
        if cells and not named:
            levels = join([f"{LEVEL_LABELS[r.level]} {setting_phrase(r.setting)}"
                           for r in cells])
            found.append(Finding(
                "gap", "who-missing",
                f"{group_label(group)}, rated {levels}: say who is at risk, and how",
                _WHO_WHY))
        group_cells = [r for r in summary.ratings if r.group == group]
        if named and not any(r.rated for r in group_cells):
            found.append(Finding(
                "inconsistency", "who-without-level",
                f"You named who is at risk among {phrase}, but recorded no level for them: "
                "rate them, or move what you wrote to the group it belongs to",
                "Naming someone as at risk is a judgement that they are; the grid should "
                "show how serious that risk is"))
    return found


def _summary_headings(summary: Summary) -> list[Finding]:
    if not summary.at_or_above("medium"):
        return []
    headings = (
        (summary.nature, "nature-missing", "the nature of the risk (what harm could happen)"),
        (summary.when, "when-missing", "when, and in what circumstances, the risk "
                                        "is likely to be greatest"),
        (summary.increases, "increases-missing", "what would increase the risk"),
        (summary.reduces, "reduces-missing", "what would reduce the risk (protective "
                                             "factors and current controls)"),
    )
    return [Finding("gap", code, f"A group is rated Medium or above, but {what} is not "
                    "recorded", _MEDIUM_UP_WHY)
            for value, code, what in headings if not value]


def _timing(summary: Summary) -> list[Finding]:
    highest = summary.highest()
    if not highest:
        return []
    if not summary.timing:
        severe = summary.at_or_above("high")
        rated = (f"You rated {join([cell_phrase(r) for r in severe])}" if severe
                 else f"The highest level recorded is {LEVEL_LABELS[highest]}")
        return [Finding("gap", "timing-missing",
                        f"{rated}, but not how soon harm could happen: choose the timing "
                        "that fits the evidence", LEVEL_RULE)]
    timing = TIMING_LABELS[summary.timing]
    fits = TIMING_LEVEL[summary.timing]
    if fits == highest:
        return []
    very_high = [r for r in summary.ratings if r.level == "very_high"]
    if very_high:
        return [Finding(
            "inconsistency", "very-high-not-imminent",
            f"You rated {join([cell_phrase(r) for r in very_high])}, but described the "
            f"timing as ‘{timing}’. Very high means harm is more likely than not to happen "
            "imminently: check the level or the timing", LEVEL_RULE)]
    if summary.timing == "imminent":
        return [Finding(
            "inconsistency", "imminent-not-very-high",
            f"You described harm as more likely than not to happen imminently, but the "
            f"highest level recorded is {LEVEL_LABELS[highest]}. That timing is how Very "
            "high is defined: check the level or the timing, and act now if harm is "
            "imminent", LEVEL_RULE)]
    return [Finding(
        "inconsistency", "timing-level",
        f"The highest level recorded is {LEVEL_LABELS[highest]}, but the timing you chose, "
        f"‘{timing}’, is how {LEVEL_LABELS[fits]} is defined: check the level or the timing",
        LEVEL_RULE)]


def _to_self(summary: Summary) -> list[Finding]:
    found: list[Finding] = []
    unanswered = [label for name, label in SELF_HEADINGS if summary.to_self.get(name) is None]
    if unanswered:
        found.append(Finding("gap", "self-unanswered",
                             f"Risk to self: not recorded whether there are concerns about "
                             f"{join([u.lower() for u in unanswered])}", _SELF_WHY))
    undescribed = [label for name, label in SELF_HEADINGS
                   if summary.to_self.get(name) and not summary.to_self_detail.get(name)]
    if undescribed:
        found.append(Finding("gap", "self-undescribed",
                             f"Risk to self: you recorded concerns about "
                             f"{join([u.lower() for u in undescribed])}, but not what they "
                             "are", "A concern that is not described cannot be passed on "
                             "or acted on by whoever reads the summary next"))
    return found


def check_summary(summary: Summary) -> list[Finding]:
    """Every finding, in the order the form asks the questions (ordered() puts gaps first)."""
    return [*_grid(summary), *_who(summary), *_summary_headings(summary), *_timing(summary),
            *_to_self(summary)]

