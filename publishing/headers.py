"""The HTTP headers the guide must be served with, computed from a built site.

A `<meta>` policy cannot set `frame-ancestors`, and it does not govern a worker
loaded from a URL, so a host should send the Content-Security-Policy as a
header too. The header is the pages' own policy (the union over every page, as
a published folder may hold several editions with different inline-script
hashes) plus `frame-ancestors 'none'`. `publishing.serve` sends exactly these
headers; `python -m publishing.headers DIR --nginx|--apache` prints them as a
host configuration (publishing/snippets.py).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

_META = re.compile(
    r"""<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"\s*/?>""",
    re.IGNORECASE,
)

#: Added to the pages' policy: only a header can forbid framing (clickjacking).
FRAME_ANCESTORS = "frame-ancestors 'none'"

#: Powerful features the guide never uses, denied to it and to anything it could
#: embed. Only names Chromium recognises: an unknown one logs a console warning.
DENIED_FEATURES = (
    "accelerometer", "autoplay", "browsing-topics",
    "camera", "display-capture", "encrypted-media", "gamepad", "geolocation", "gyroscope",
    "hid", "identity-credentials-get", "idle-detection", "local-fonts", "magnetometer",
    "microphone", "midi", "otp-credentials", "payment", "picture-in-picture",
    "publickey-credentials-create", "publickey-credentials-get", "screen-wake-lock",
    "serial", "usb", "window-management", "xr-spatial-tracking",
)

#: Content types by file suffix. Module scripts are refused without a
#: JavaScript type and streamed wasm compilation needs application/wasm.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".map": "application/json",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".tar": "application/x-tar",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
}
DEFAULT_TYPE = "application/octet-stream"

#: Files the browser must ask the server about every time: a service worker
#: the HTTP cache kept would delay every update (browsers cap that at a day).
NO_CACHE_NAMES = ("sw.js",)
NO_CACHE = "no-cache"

#: The page served, with status 404, for any path that does not exist.
NOT_FOUND_PAGE = "404.html"


class NoPolicyError(ValueError):
    """The folder is not a built guide: no page carries a Content-Security-Policy."""


def content_type(path: str) -> str:
    """The Content-Type for a file name (by its suffix, case-insensitive)."""
    suffix = Path(path).suffix.lower()
    return TYPES.get(suffix, DEFAULT_TYPE)


def path_headers(path: str) -> dict[str, str]:
    """Headers a file gets on top of security_headers(), by its name."""
    if path.rsplit("/", 1)[-1] in NO_CACHE_NAMES:
        return {"Cache-Control": NO_CACHE}
    return {}


def page_policies(root: Path) -> Iterator[tuple[Path, str]]:
    """(page, policy) for every HTML page under `root` that carries a policy <meta>."""
    for path in sorted(root.rglob("*.html")):
        match = _META.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            yield path, html.unescape(match.group(1))


def parse_policy(text: str) -> dict[str, list[str]]:
    """Directive name → its source list, in the policy's own order."""
    directives: dict[str, list[str]] = {}
    for part in text.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), words[1:])
    return directives


def merge_policies(policies: Iterable[str]) -> str:
    """One policy allowing what each page's policy allows (the union of each directive).

    Hash sources are kept sorted after the other sources, so the result does not
    depend on the order the pages were read in.
    """
    merged: dict[str, list[str]] = {}
    for text in policies:
        for name, sources in parse_policy(text).items():
            known = merged.setdefault(name, [])
            known.extend(source for source in sources if source not in known)
    parts = []
    for name, sources in merged.items():
        if "'none'" in sources and len(sources) > 1:
            raise ValueError(f"pages disagree on {name}: one says 'none', another {sources}")
        plain = [source for source in sources if not _is_hash(source)]
        hashes = sorted(source for source in sources if _is_hash(source))
        parts.append(" ".join([name, *plain, *hashes]))
    return "; ".join(parts)


def _is_hash(source: str) -> bool:
    return source.startswith(("'sha256-", "'sha384-", "'sha512-"))


def site_policy(root: Path) -> str:
    """The header policy for the site in `root`: its pages' policy plus frame-ancestors."""
    found = [policy for _, policy in page_policies(root)]
    if not found:
        raise NoPolicyError(
            f"no page under {root} carries a Content-Security-Policy <meta>: "
            "is it a folder built by `mkdocs build`?")
    directives = parse_policy(merge_policies(found))
    directives.pop("frame-ancestors", None)
    body = "; ".join(" ".join([name, *sources]) for name, sources in directives.items())
    return f"{body}; {FRAME_ANCESTORS}"


def security_headers(root: Path) -> dict[str, str]:
    """Every header (but Content-Type) that every response from the site carries."""
    return {
        "Content-Security-Policy": site_policy(root),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in DENIED_FEATURES),
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m publishing.headers DIR [--nginx | --apache]`."""
    from publishing import snippets

    parser = argparse.ArgumentParser(
        prog="python -m publishing.headers",
        description="Print the headers a built site must be served with, or a host "
                    "configuration that sends them.")
    parser.add_argument("root", type=Path, metavar="DIR", help="the built site")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--nginx", action="store_true", help="nginx directives for a server block")
    kind.add_argument("--apache", action="store_true", help="Apache directives (.htaccess)")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        parser.error(f"{args.root} is not a folder")
    try:
        headers = security_headers(args.root)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.nginx:
        text = snippets.nginx(headers, TYPES, DEFAULT_TYPE, NOT_FOUND_PAGE, NO_CACHE_NAMES)
    elif args.apache:
        text = snippets.apache(headers, TYPES, DEFAULT_TYPE, NOT_FOUND_PAGE, NO_CACHE_NAMES)
    else:
        text = "".join(f"{name}: {value}\n" for name, value in headers.items())
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
