"""Checks on a page's source that MkDocs itself does not make.

MkDocs quietly publishes a broken front matter block as page text (an unclosed
block, YAML it cannot parse, YAML that is not a mapping), and passes a `<script>`
written in Markdown straight into the page. Both are author mistakes, so each
fails the build at the line of the file the author edits. Pure: source in,
None or a LocatedError out.
"""

from __future__ import annotations

import re

import yaml
from mkdocs.utils.meta import YAML_RE

from mkdocs_plugins.source import LocatedError, front_matter, in_code_fence, without_code_spans

_OPENING = re.compile(r"-{3}[ \t]*")
_CLOSING = re.compile(r"(?:-{3}|\.{3})[ \t]*")
_SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
_KINDS = {list: "a list", str: "a line of text", int: "a number", float: "a number",
          bool: "a yes/no value", type(None): "only comments"}


def check_front_matter(src_uri: str, source: str) -> None:
    """LocatedError unless the page has no front matter or one MkDocs reads as a mapping."""
    if not _OPENING.fullmatch(source.split("\n", 1)[0]):
        return  # MkDocs reads front matter only from a first line '---'
    _, meta = front_matter(source)
    if meta:
        return  # MkDocs parsed it: the fast path for every good page
    lines = source.split("\n")
    at = f"docs/{src_uri}"
    end = next((i for i in range(1, len(lines)) if _CLOSING.fullmatch(lines[i])), None)
    if end is None:
        raise LocatedError(f"{at}:1", "the front matter that starts here is never closed: add "
                                      "a line '---' after its last setting")
    text = "\n".join(lines[1:end])
    if not text.strip():
        raise LocatedError(f"{at}:1", "the front matter is empty: remove its two '---' lines "
                                      "or add settings")
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        line = _error_line(error, end - 1)
        problem = error.problem or error.context or "it cannot be read"
        raise LocatedError(f"{at}:{line}", f"the front matter is not valid YAML: {problem}; "
                                           "write one 'name: value' a line") from None
    except yaml.YAMLError as error:
        raise LocatedError(f"{at}:2", f"the front matter is not valid YAML: {error}") from None
    if not isinstance(data, dict):
        kind = _KINDS.get(type(data), "not a set of settings")
        raise LocatedError(f"{at}:2", "the front matter must be settings written 'name: "
                                      f"value', one a line; this is {kind}")
    if not YAML_RE.match(source):
        raise LocatedError(f"{at}:{end + 1}", "end the front matter's closing '---' line with "
                                              "a line break")


def _error_line(error: yaml.MarkedYAMLError, settings: int) -> int:
    """The file line of a YAML error in front matter of `settings` lines (from line 2).

    A key missing its ':' is found only at the next line, so there the start of
    the key (the context) is the line to fix; otherwise it is the problem's line.
    """
    simple_key = error.context == "while scanning a simple key"
    mark = (error.context_mark if simple_key else None) or error.problem_mark
    line = mark.line if mark is not None else 0
    return min(line, settings - 1) + 2


def check_no_scripts(src_uri: str, body: str, first_line: int) -> None:
    """LocatedError at the first `<script` outside code: pages hold no scripts of their own.

    The site's Content-Security-Policy runs only our plugins' script files and the
    theme's known inline scripts; a script in a page would either be blocked in the
    reader's browser or, worse, widen the policy for every page.
    """
    if "<script" not in body.lower():
        return
    lines = body.split("\n")
    code = in_code_fence(lines)
    for index, line in enumerate(lines):
        if not code[index] and _SCRIPT_TAG.search(without_code_spans(line)):
            raise LocatedError(f"docs/{src_uri}:{index + first_line}",
                               "a page may not contain a <script> element: the site's "
                               "Content-Security-Policy allows only the plugins' script files. "
                               "To show the tag as text, put it in `backticks` or a code block")
