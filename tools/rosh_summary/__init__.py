"""RoSH summary worksheet: the five groups at risk, community and custody, the
OASys summary headings and risk to self (tool.py: schema and evaluate;
checks.py: the findings; report.py: the printable summary; fixtures/: worked
examples)."""

from tools.rosh_summary.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
