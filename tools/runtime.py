"""The one function the browser calls: JSON string in, JSON string out.

Only strings cross the JavaScript/Python boundary, so nothing depends on how
Pyodide converts objects. Every failure becomes a well-formed error response:
the page must never see a Python traceback.
"""

from __future__ import annotations

import json
from typing import Any

from tools import drafts
from tools.parse import parse_inputs
from tools.registry import REGISTRY
from tools.result import FieldError, InvalidInput

PROTOCOL_VERSION = 1
#: The pseudo-field name for problems with an imported file as a whole.
DOCUMENT_FIELD = "import-file"


def _response(**body: Any) -> str:
    return json.dumps({"v": PROTOCOL_VERSION, **body}, ensure_ascii=False, sort_keys=True)


def _errors(errors: list[FieldError]) -> str:
    return _response(ok=False, errors=[e.to_json() for e in errors])


def _request_problem(message: str) -> str:
    return _response(ok=False, errors=[{"field": None, "message": message}])


def _string_map(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return value


def handle(request_json: str) -> str:
    """Answer one request: evaluate (default), export or import answers."""
    try:
        request = json.loads(request_json)
    except (TypeError, ValueError):
        return _request_problem("The request was not valid JSON.")
    if not isinstance(request, dict) or request.get("v") != PROTOCOL_VERSION:
        return _request_problem("The request must be an object with \"v\": 1.")
    entry = REGISTRY.get(request.get("tool"))  # type: ignore[arg-type]
    if entry is None:
        return _request_problem(f"There is no tool called {request.get('tool')!r}.")
    tool, evaluate = entry
    op = request.get("op", "evaluate")

    if op == "import":
        text = request.get("document")
        if not isinstance(text, str):
            return _request_problem("An import request needs \"document\" as a string.")
        try:
            answers = drafts.import_document(tool, text)
        except drafts.DraftError as problem:
            return _errors([FieldError(DOCUMENT_FIELD, str(problem))])
        return _response(ok=True, inputs=answers)

    inputs = _string_map(request.get("inputs"))
    if inputs is None:
        return _request_problem("\"inputs\" must map field names to strings.")

    if op == "export":
        saved_at = request.get("saved_at", "")
        when = saved_at if isinstance(saved_at, str) else ""
        return _response(ok=True, document=drafts.export_document(tool, inputs, when))
    if op != "evaluate":
        return _request_problem(f"Unknown operation {op!r}.")

    parsed, errors = parse_inputs(tool, inputs)
    if errors:
        return _errors(errors)
    try:
        outcome = evaluate(parsed)
    except InvalidInput as invalid:
        return _errors(invalid.errors)
    return _response(ok=True, outcome=outcome.to_json())
