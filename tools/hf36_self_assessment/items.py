"""Every HF36 item as one list, with the items that have nothing to rate marked.

P16 and K14 have no wording in the source text: they are listed (so the
numbering is visibly complete) but have no rating field. K17 survives only in
part; its label says so, and it can still be rated.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.reference import hf36


@dataclass(frozen=True)
class Item:
    code: str  # "P1" or "K1"
    kind: str  # "performance" or "knowledge"
    group: str  # the element or knowledge area caption
    label: str
    rateable: bool

    @property
    def field(self) -> str:
        """Prefix of this item's field names ("p1", "k29")."""
        return self.code.lower()


def _items() -> tuple[Item, ...]:
    out = [Item(c.code, "performance", hf36.ELEMENTS[c.element], c.label,
                c.code not in hf36.NOT_GIVEN) for c in hf36.CRITERIA]
    out += [Item(k.code, "knowledge", f"Knowledge: {hf36.KNOWLEDGE_AREAS[k.area].lower()}",
                 k.label, k.code not in hf36.KNOWLEDGE_NOT_GIVEN) for k in hf36.KNOWLEDGE]
    return tuple(out)


ITEMS: tuple[Item, ...] = _items()
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(i.group for i in ITEMS))

RATINGS: tuple[tuple[str, str, str], ...] = (
    ("confident", "Confident", "You could show evidence of this in your work now"),
    ("developing", "Developing", "You do this in part, or with support"),
    ("not_yet", "Not yet", "You have not yet done or learned this"),
)
RATING_LABELS = {key: label for key, label, _ in RATINGS}
