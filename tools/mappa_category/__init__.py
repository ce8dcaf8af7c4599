"""MAPPA category (rules.py: Criminal Justice Act 2003 ss.325 and 327, and
category 4 from the current MAPPA Guidance; tool.py: the form and the result;
fixtures/: worked examples)."""

from tools.mappa_category.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
