"""OGRS3: the Offender Group Reconviction Scale, version 3 (tool.py: schema and
evaluate; model.py: the published formula; fixtures/: worked examples)."""

from tools.ogrs3.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
