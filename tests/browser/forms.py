"""Fill and read tool forms in the browser the way a reader would, driven by the schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from tools.core.registry import REGISTRY
from tools.core.schema import Field, input_id

TOOLS = Path(__file__).resolve().parents[2] / "tools"
CONTRACT = Path(__file__).resolve().parents[1] / "contract" / "fixtures"


def examples(slug: str) -> list[dict[str, Any]]:
    """The worked examples a tool keeps in tools/<package>/fixtures/examples.json."""
    path = TOOLS / slug.replace("-", "_") / "fixtures" / "examples.json"
    examples_list: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["examples"]
    return examples_list


def contract(name: str) -> dict[str, Any]:
    fixture: dict[str, Any] = json.loads((CONTRACT / f"{name}.json").read_text("utf-8"))
    return fixture


def _field(slug: str, name: str) -> Field:
    tool = REGISTRY[slug][0]
    parts = name.split(".")
    if len(parts) == 3:
        group = next(r for r in tool.repeats() if r.name == parts[0])
        return next(f for f in group.fields if f.name == parts[2])
    return tool.field(name)


def _ensure_row(page: Page, slug: str, name: str) -> None:
    match = re.fullmatch(r"([^.]+)\.(\d+)\.[^.]+", name)
    if not match:
        return
    group = page.locator(f'#tool-{slug} [data-repeat="{match.group(1)}"]')
    while group.locator(":scope > .roh-repeat__row").count() < int(match.group(2)):
        group.locator(':scope > [data-action="add-row"]').click()


def fill(page: Page, slug: str, inputs: dict[str, str]) -> None:
    """Type each answer into its control (rows are added as a reader would)."""
    for name, value in inputs.items():
        _ensure_row(page, slug, name)
        field = _field(slug, name)
        element = f"#{input_id(slug, name)}"
        if field.kind in ("choice", "yes_no") and field.widget != "select":
            page.locator(f'#tool-{slug} input[name="{name}"][value="{value}"]').check()
        elif field.kind == "choices":
            for key in value.split(","):
                page.locator(f'#tool-{slug} input[name="{name}"][value="{key}"]').check()
        elif field.widget == "select":
            page.select_option(element, value)
        else:
            page.fill(element, value)


#: Reads the form the way tools/form-state.mjs collects it (without importing it).
READ_FORM = """(root) => {
  const answers = {};
  for (const c of root.querySelector("form").elements) {
    if (!c.name) continue;
    if (c.type === "checkbox") { if (c.checked) answers[c.name] = answers[c.name] ? answers[c.name] + "," + c.value : c.value; }
    else if (c.type === "radio") { if (c.checked) answers[c.name] = c.value; }
    else if (c.value !== "") answers[c.name] = c.value;
  }
  return answers;
}"""


def read(page: Page, slug: str) -> dict[str, str]:
    answers: dict[str, str] = page.locator(f"#tool-{slug}").evaluate(READ_FORM)
    return answers
