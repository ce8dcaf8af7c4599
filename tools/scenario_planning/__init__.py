"""Scenario planning worksheet: structured prompts in the guide's own words
(tool.py: schema, rules and evaluate; fixtures/: worked examples)."""

from tools.scenario_planning.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
