"""The one function the browser calls: JSON string in, JSON string out.

Only strings cross the JavaScript/Python boundary, so nothing depends on how
Pyodide converts objects. handle() is total: for ANY text it answers with the
documented shape, and no Python text ever reaches the page. Known problems are
found before they can raise (limits, types, digit caps); anything else is
caught at the top, answered with a generic message, and the exception text is
put in "detail", which the worker logs to the console and deletes before the
response reaches the page.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable
from typing import Any

from tools.core import answers, drafts, limits, restore
from tools.core.parse import parse_inputs
from tools.core.registry import REGISTRY, Evaluate
from tools.core.report_text import render_text
from tools.core.result import FieldError, InvalidInput
from tools.core.schema import Tool

PROTOCOL_VERSION = 1
#: The pseudo-field name for problems with an imported file as a whole.
DOCUMENT_FIELD = "import-file"
#: What the reader sees when something unexpected goes wrong.
#: The same words as the worker's SOMETHING_WENT_WRONG (protocol.mjs), so the page
#: says one thing whichever side failed.
UNEXPECTED = (
    "Something went wrong in the calculator. Your answers are still here. Try again; "
    "if it happens again, reload the page."
)
_LAST_RESORT = json.dumps(
    {"v": PROTOCOL_VERSION, "ok": False, "errors": [{"field": None, "message": UNEXPECTED}]}
)

Request = dict[str, Any]


def _response(**body: Any) -> str:
    text = json.dumps(
        {"v": PROTOCOL_VERSION, **body}, ensure_ascii=False, sort_keys=True, allow_nan=False
    )
    return drafts.escape_lone_surrogates(text)


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


def _is_protocol_version(value: Any) -> bool:
    """Only the integer 1: JSON true and 1.0 compare equal to 1 in Python, but are not it."""
    return type(value) is int and value == PROTOCOL_VERSION


def _import(tool: Tool, _evaluate: Evaluate, request: Request) -> str:
    text = request.get("document")
    if not isinstance(text, str):
        return _request_problem("An import request needs \"document\" as a string.")
    try:
        inputs = drafts.import_document(tool, text)
    except drafts.DraftError as problem:
        return _errors([FieldError(DOCUMENT_FIELD, str(problem))])
    upgraded = drafts.upgrade_note(tool, drafts.saved_version(text))
    extra = {"upgraded": upgraded} if upgraded else {}
    return _response(ok=True, inputs=inputs, imported=answers.non_empty(inputs), **extra)


def _restore(tool: Tool, _evaluate: Evaluate, request: Request) -> str:
    text = request.get("draft")
    if not isinstance(text, str):
        return _request_problem("A restore request needs \"draft\" as a string.")
    try:
        kept = restore.restore(tool, text)
    except restore.Unreadable as unreadable:
        message = restore.unreadable_message(str(unreadable))
        return _errors([FieldError(restore.DRAFT_FIELD, message)])
    return _response(
        ok=True,
        inputs=kept.inputs,
        restored=answers.non_empty(kept.inputs),
        not_restored=[p.to_json() for p in kept.not_restored],
        saved_at=kept.saved_at,
        message=kept.message,
        **({"upgraded": kept.upgraded} if kept.upgraded else {}),
    )


def _inputs(request: Request) -> dict[str, str] | str:
    inputs = _string_map(request.get("inputs"))
    if inputs is None:
        return _request_problem("\"inputs\" must map field names to strings.")
    return inputs


def _export(tool: Tool, _evaluate: Evaluate, request: Request) -> str:
    inputs = _inputs(request)
    if isinstance(inputs, str):
        return inputs
    saved_at = request.get("saved_at", "")
    when = saved_at if isinstance(saved_at, str) else ""
    try:
        document = drafts.export_document(tool, inputs, when)
    except drafts.DraftError as problem:
        return _request_problem(str(problem))
    return _response(ok=True, document=document)


def _evaluate(tool: Tool, evaluate: Evaluate, request: Request) -> str:
    inputs = _inputs(request)
    if isinstance(inputs, str):
        return inputs
    parsed, errors = parse_inputs(tool, inputs)
    if errors:
        return _errors(errors)
    try:
        outcome = evaluate(parsed)
    except InvalidInput as invalid:
        return _errors(invalid.errors)
    # Every tool's outcome carries its report as plain text, for "Copy as text".
    return _response(ok=True, outcome={**outcome.to_json(), "text": render_text(outcome.report)})


OPERATIONS: dict[str, Callable[[Tool, Evaluate, Request], str]] = {
    "evaluate": _evaluate,
    "export": _export,
    "import": _import,
    "restore": _restore,
}


def _answer(request_json: str) -> str:
    if not isinstance(request_json, str):
        return _request_problem("The request was not valid JSON.")
    if len(request_json) > limits.MAX_REQUEST_CHARS:
        return _request_problem(limits.REQUEST_TOO_LARGE)
    if limits.too_deep(request_json):
        return _request_problem(limits.REQUEST_TOO_DEEP)
    try:
        request = json.loads(request_json)
    except (ValueError, RecursionError):
        return _request_problem("The request was not valid JSON.")
    if not isinstance(request, dict) or not _is_protocol_version(request.get("v")):
        return _request_problem("The request must be an object with \"v\": 1.")
    slug = request.get("tool")
    if not isinstance(slug, str):
        return _request_problem("The request must name a tool as a string.")
    entry = REGISTRY.get(slug)
    if entry is None:
        return _request_problem(f"There is no tool called '{answers.shorten(slug)}'.")
    op = request.get("op", "evaluate")
    operation = OPERATIONS.get(op) if isinstance(op, str) else None
    if operation is None:
        shown = f" '{answers.shorten(op)}'" if isinstance(op, str) else ""
        return _request_problem(f"Unknown operation{shown}: use evaluate, export, import "
                                "or restore.")
    tool, evaluate = entry
    return operation(tool, evaluate, request)


def _detail(error: BaseException) -> str:
    """The exception and where it happened, for the console (never shown on the page)."""
    where = "".join(traceback.format_tb(error.__traceback__))
    return f"{type(error).__name__}: {error}\n{where}"


def handle(request_json: str) -> str:
    """Answer one request: evaluate (default), export, import or restore answers."""
    try:
        return _answer(request_json)
    except Exception as error:  # the one place every failure becomes an answer
        try:
            return _response(
                ok=False, errors=[{"field": None, "message": UNEXPECTED}], detail=_detail(error)
            )
        except Exception:
            return _LAST_RESORT
