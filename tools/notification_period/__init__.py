"""Sexual Offences Act 2003 notification period (rules.py: the s.82 table and the
ss.91A-91F review date; tool.py: the form, its checks and the dates; report.py:
the result in words, with the date convention; fixtures/: worked examples)."""

from tools.notification_period.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
