"""Good Lives worksheet: the primary goods, how each is sought now, obstacles and
plan (tool.py: schema, rules and evaluate; fixtures/: worked examples)."""

from tools.good_lives.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
