"""The data a RoSH summary is made of, and the level definitions its rules use.

Sources (domain-facts §1): the five groups, each rated for community and for
custody (HMPPS OASys data models, High); the four levels (Probation Circular
36/2006 for Low and the first sentence of Medium; the Scottish MAPPA National
Guidance 2016 §4.5 for High, Very high and the rest of Medium, Medium-High);
the summary headings who, nature, when, increases, reduces (High); the five
risk-to-self headings (hmpps-assess-risks-and-needs RoshRiskToSelfDto, High).
"""

from __future__ import annotations

from dataclasses import dataclass

#: The OASys groups at risk: key, label, phrase used in messages.
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("children", "Children", "children"),
    ("public", "The public", "the public"),
    ("known_adult", "A known adult", "a known adult"),
    ("staff", "Staff", "staff"),
    ("prisoners", "Prisoners", "prisoners"),
)

#: Where the level applies: key, label, phrase used in messages.
SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("community", "Community", "in the community"),
    ("custody", "Custody", "in custody"),
)

#: The four levels in order, with "not assessed" kept apart (it is not a level).
LEVELS: tuple[tuple[str, str], ...] = (
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("very_high", "Very high"),
)
NOT_ASSESSED = "not_assessed"
RANK = {key: n for n, (key, _) in enumerate(LEVELS)}
LEVEL_LABELS = {**dict(LEVELS), NOT_ASSESSED: "Not assessed"}

#: How soon harm could happen, in the words each level is defined by, and the
#: level whose definition uses them.
TIMINGS: tuple[tuple[str, str, str], ...] = (
    ("imminent", "More likely than not to happen imminently", "very_high"),
    ("any_time", "Could happen at any time", "high"),
    ("if_change", "Unlikely unless circumstances change", "medium"),
    ("not_indicated", "Current evidence does not indicate it is likely", "low"),
)
TIMING_LABELS = {key: label for key, label, _ in TIMINGS}
TIMING_LEVEL = {key: level for key, _, level in TIMINGS}

#: The five OASys risk-to-self headings: field name, label.
SELF_HEADINGS: tuple[tuple[str, str], ...] = (
    ("suicide", "Suicide"),
    ("self_harm", "Self-harm"),
    ("coping_custody", "Coping in custody"),
    ("coping_hostel", "Coping in a hostel setting"),
    ("vulnerability", "Vulnerability"),
)

LEVEL_RULE = (
    "Each level is defined by how soon harm could happen: Very high, more likely than "
    "not to happen imminently; High, could happen at any time; Medium, unlikely unless "
    "circumstances change; Low, current evidence does not indicate it (Probation "
    "Circular 36/2006; Scottish MAPPA National Guidance 2016 §4.5)"
)


@dataclass(frozen=True)
class Rating:
    """One cell of the grid: a group in one setting, and its level ('' if blank)."""

    group: str
    setting: str
    level: str

    @property
    def rated(self) -> bool:
        return self.level in RANK


@dataclass(frozen=True)
class Summary:
    reference: str
    ratings: tuple[Rating, ...]
    who: dict[str, str]  # by group key
    nature: str
    timing: str  # a TIMINGS key or ""
    when: str
    increases: str
    reduces: str
    to_self: dict[str, bool | None]  # by heading field name
    to_self_detail: dict[str, str]

    def highest(self) -> str:
        """The highest level recorded in any cell ('' when none is)."""
        levels = [r.level for r in self.ratings if r.rated]
        return max(levels, key=RANK.__getitem__) if levels else ""

    def at_or_above(self, level: str) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.rated and RANK[r.level] >= RANK[level])


def group_phrase(group: str) -> str:
    return next(phrase for key, _, phrase in GROUPS if key == group)


def group_label(group: str) -> str:
    return next(label for key, label, _ in GROUPS if key == group)


def setting_phrase(setting: str) -> str:
    return next(phrase for key, _, phrase in SETTINGS if key == setting)


def cell_phrase(rating: Rating) -> str:
    """'the public in custody (High)'."""
    return (f"{group_phrase(rating.group)} {setting_phrase(rating.setting)} "
            f"({LEVEL_LABELS[rating.level]})")


def join(items: list[str]) -> str:
    """'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
