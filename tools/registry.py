"""Every tool by slug. Slugs are permanent: they appear in URLs, drafts and fixtures."""

from __future__ import annotations

from collections.abc import Callable

from tools import ogrs3, risk_management_plan
from tools.parse import Parsed
from tools.result import Outcome
from tools.schema import Tool

Evaluate = Callable[[Parsed], Outcome]

REGISTRY: dict[str, tuple[Tool, Evaluate]] = {
    module.TOOL.slug: (module.TOOL, module.evaluate)
    for module in (ogrs3, risk_management_plan)
}
