"""MARAC referral criteria (rules.py: the SafeLives criteria; tool.py: the form
and the result; fixtures/: worked examples)."""

from tools.marac_referral.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
