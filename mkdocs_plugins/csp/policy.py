"""Build the site-wide policy: hash every inline script, write one <meta> tag.

Pure functions. The policy must be identical on every page because Material's
instant navigation keeps the first page's policy in force for the whole visit,
so it carries the hashes of the inline scripts of *all* pages (Material's
`__md_scope` script differs by page depth). Which inline scripts may be hashed
at all is theme_scripts' decision.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

PLACEHOLDER = "__ROH_CONTENT_SECURITY_POLICY__"
FILE_NAME = "content-security-policy.txt"
_SCRIPT = re.compile(r"""<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>(.*?)</script\s*>""",
                     re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
#: The HTML standard's JavaScript MIME types; with "module" they run as scripts,
#: and inline import maps and speculation rules are governed by script-src too.
#: Any other type is an inert data block, such as Material's application/json config.
_GOVERNED_TYPES = {
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript", "module", "importmap", "speculationrules",
}


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        if name not in found:  # browsers keep an attribute's first value
            found[name] = next((v for v in match.groups()[1:] if v is not None), "")
    return found


def _governed(attributes: dict[str, str]) -> bool:
    """Does the policy's script-src decide whether this inline <script> runs?"""
    if "src" in attributes:
        return False  # a script file: 'self' governs it, and the body is ignored
    kind = attributes.get("type")
    if kind is None and attributes.get("language"):
        kind = "text/" + attributes["language"]
    kind = (kind or "").strip().lower()
    return kind == "" or kind in _GOVERNED_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script the policy governs, in page order."""
    return [match.group(2) for match in _SCRIPT.finditer(html)
            if _governed(_attributes(match.group(1)))]


def script_hash(body: str) -> str:
    """The 'sha256-…' source that lets exactly this inline script run."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def inline_script_hashes(html: str) -> set[str]:
    """script_hash() of each inline script a browser would execute."""
    return {script_hash(body) for body in inline_scripts(html)}


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
