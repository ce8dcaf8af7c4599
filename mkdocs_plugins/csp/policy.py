"""Build the site-wide policy: hash every inline script, write one <meta> tag.

Pure functions. The policy must be identical on every page because Material's
instant navigation keeps the first page's policy in force for the whole visit,
so it carries the hashes of the inline scripts of *all* pages (Material's
`__md_scope` script differs by page depth).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

PLACEHOLDER = "__ROH_CONTENT_SECURITY_POLICY__"
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(html: str) -> set[str]:
    """'sha256-…' of each inline script a browser would execute."""
    found: set[str] = set()
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue  # data blocks such as Material's application/json config
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        found.add("sha256-" + base64.b64encode(digest).decode("ascii"))
    return found


def build_policy(script_hashes: Iterable[str], *, inline_styles: bool) -> str:
    """The one policy: our origin only, wasm allowed, workers from our origin or blob:."""
    hashes = " ".join(f"'{h}'" for h in sorted(script_hashes))
    style = "'self' 'unsafe-inline'" if inline_styles else "'self'"
    directives = (
        "default-src 'self'",
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}".rstrip(),
        f"style-src {style}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        # A blob: wrapper lets the tools' module worker inherit this policy.
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "media-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    )
    return "; ".join(directives)


def with_placeholder(html: str) -> str:
    """Put the policy <meta> first in <head>, before any script can run."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
    match = _CHARSET.search(html)
    if match:
        return html[: match.end()] + tag + html[match.end():]
    return html.replace("<head>", "<head>" + tag, 1)


def apply(html: str, policy: str) -> str:
    return html.replace(PLACEHOLDER, policy)
