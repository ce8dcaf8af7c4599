"""Small statistics helpers shared by the benchmarks."""

from __future__ import annotations

import statistics


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    index = max(0, round(0.95 * len(ordered)) - 1)
    return ordered[index]


def describe(values: list[float], unit: str = "s") -> str:
    return (
        f"median {median(values):.3f}{unit}, min {min(values):.3f}{unit}, "
        f"max {max(values):.3f}{unit} (n={len(values)})"
    )
