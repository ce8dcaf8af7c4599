"""HF36 competence self-assessment: a rating and an evidence note for each
performance criterion and knowledge item, and a summary for supervision
(tool.py: schema and evaluate; summary.py: counts, findings and the report;
fixtures/: worked examples)."""

from tools.hf36_self_assessment.tool import TOOL, evaluate

__all__ = ["TOOL", "evaluate"]
