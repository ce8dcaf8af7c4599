"""Size and depth limits on everything the runtime reads, with the reader's messages.

The page (h-drafts, h-worker) checks the same numbers before it sends anything,
so a reader hears about an oversized file at once; Python checks again because
the page is not the only possible caller. The depth scan runs BEFORE json.loads:
Pyodide's stack overflows far sooner than CPython's, and a fatal stack overflow
in the browser kills the runtime without a word.
"""

from __future__ import annotations

import re
from itertools import accumulate

#: The whole request text handle() accepts.
MAX_REQUEST_CHARS = 2_000_000
#: An imported file or a stored draft (the page checks File.size in bytes first).
MAX_DOCUMENT_CHARS = 1_000_000
#: Nesting depth of any JSON text: a request, an imported file, a draft.
MAX_JSON_DEPTH = 32
#: One answer (one input's text).
MAX_ANSWER_CHARS = 100_000

REQUEST_TOO_LARGE = (
    "Your answers add up to more than 2,000,000 characters, which is more than this "
    "page can check. Shorten the longest answers and try again."
)
REQUEST_TOO_DEEP = "The request could not be read: it is nested more than 32 levels deep."
FILE_TOO_LARGE = (
    "The selected file is larger than 1 MB, so it cannot be a set of answers saved "
    "from this page"
)
FILE_TOO_DEEP = (
    "The selected file has values nested more than 32 levels deep, so it cannot be a set "
    "of answers saved from this page"
)
#: Reasons in "This saved draft could not be read (…)".
DRAFT_TOO_LARGE = "it is larger than 1 MB, so it cannot be a draft saved from this page"
DRAFT_TOO_DEEP = (
    "it has values nested more than 32 levels deep, so it cannot be a draft saved from "
    "this page"
)

#: A JSON string (escapes included), or one bracket. Unterminated strings fall
#: through to their brackets, which only overstates the depth of broken JSON.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
#: Every byte but the four brackets. UTF-8 never uses an ASCII byte inside a
#: multi-byte character, so deleting these bytes leaves exactly the brackets.
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text, without recursion.

    Strings are removed first, so brackets inside them do not count; what is left
    is filtered and summed in C (bytes.translate, accumulate): about 1 s for the
    worst 2 MB text in Pyodide on a loaded machine, far less for real requests.
    """
    outside = _STRING.sub("", text).encode("utf-8", "surrogatepass")
    brackets = outside.translate(None, _NOT_BRACKET)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def too_deep(text: str) -> bool:
    """Whether a JSON text nests deeper than MAX_JSON_DEPTH."""
    return json_depth(text) > MAX_JSON_DEPTH


def answer_too_long(value: str) -> bool:
    return len(value) > MAX_ANSWER_CHARS


#: How messages say the answer limit.
ANSWER_LIMIT_TEXT = f"{MAX_ANSWER_CHARS:,} characters"
