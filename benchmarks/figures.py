"""One measured figure and its target, so `make bench` can print every one the same way.

Each benchmark module's run() returns a list of Figure; benchmarks/__main__.py
prints them as they come and once more as a table at the end. A figure whose
target is a ratio is always measured against a baseline from the same run.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le, ">=": operator.ge, "==": operator.eq,
}


@dataclass(frozen=True)
class Figure:
    """`value` in `unit` ("x" for a ratio, "ms", "s", "bytes", "score"), against `target`.

    `target` is None for a figure recorded without a target (then `detail`
    says what it is for); `compare` is how the value must relate to it.
    """

    name: str
    value: float
    unit: str
    target: float | None = None
    compare: str = "<="
    detail: str = ""

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        if math.isnan(self.value):
            return False
        return _COMPARE[self.compare](self.value, self.target)

    def value_text(self) -> str:
        if self.unit == "x":
            return f"{self.value:.3f}x"
        if self.unit == "bytes":
            return f"{self.value:,.0f} bytes"
        if self.unit == "score":
            return f"{self.value:.0f}"
        return f"{self.value:.1f} {self.unit}"

    def target_text(self) -> str:
        if self.target is None:
            return "no target"
        shown = Figure(self.name, self.target, self.unit).value_text()
        return f"target {self.compare} {shown}"

    def line(self) -> str:
        verdict = {True: "met", False: "MISSED", None: ""}[self.met]
        extra = f" - {self.detail}" if self.detail else ""
        return f"{self.name}: {self.value_text()} ({self.target_text()}) {verdict}{extra}".rstrip()


def table(figures: list[Figure]) -> str:
    """Every figure on one line each, names aligned."""
    width = max((len(f.name) for f in figures), default=0)
    rows = []
    for f in figures:
        verdict = {True: "met", False: "MISSED", None: "-"}[f.met]
        rows.append(f"{f.name.ljust(width)}  {f.value_text():>18}  "
                    f"{f.target_text():<22}  {verdict}")
    return "\n".join(rows)
