"""The risk management plan checked against HF36 (tool.py: schema and evaluate;
model.py: the plan as parsed; checks.py: the HF36 checks; report.py: the
printable plan; migrations.py: answers saved by older versions; fixtures/:
worked examples)."""

from tools.risk_management_plan.migrations import MIGRATIONS, UPGRADE_NOTES
from tools.risk_management_plan.tool import TOOL, evaluate

__all__ = ["MIGRATIONS", "TOOL", "UPGRADE_NOTES", "evaluate"]
