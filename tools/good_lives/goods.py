"""The eleven classes of primary goods (Ward and Maruna, 2007), as data.

Source confidence (domain-facts §7): goods 1 to 9 were read in a primary
summary (High); "happiness" and "creativity" only in secondary sources
(Medium), so the worksheet says so beside them. The four "flaws" of good lives
plans are rated Low and are not used.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Good:
    key: str  # permanent: field names start with it
    label: str
    medium: bool = False  # seen only in secondary sources


GOODS: tuple[Good, ...] = (
    Good("life", "Life, including healthy living and functioning"),
    Good("knowledge", "Knowledge"),
    Good("play", "Excellence in play"),
    Good("work", "Excellence in work, including mastery"),
    Good("agency", "Excellence in agency: autonomy and self-direction"),
    Good("inner_peace", "Inner peace: freedom from emotional turmoil and stress"),
    Good("friendship", "Friendship, including intimate, romantic and family relationships"),
    Good("community", "Community"),
    Good("spirituality", "Spirituality: finding meaning and purpose"),
    Good("happiness", "Happiness", medium=True),
    Good("creativity", "Creativity", medium=True),
)

MEDIUM_NOTE = ("This good comes from secondary sources only; the guide's sources for it "
               "are less certain than for goods 1 to 9")
CITATION = ("Ward, T. and Maruna, S. (2007) Rehabilitation: beyond the risk paradigm "
            "(the eleven classes of primary goods)")
