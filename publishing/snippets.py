"""Host configuration that sends publishing.headers' headers: nginx and Apache.

Pure text generation, so the snippets and `publishing.serve` cannot drift: both
come from the same header values and type table (tests/build/test_deploy_snippets.py
runs each snippet in the real server and compares the responses).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_CHARSET = "; charset=utf-8"
#: Below this a gzip header and the CPU cost more than the bytes saved.
_GZIP_MIN_BYTES = 1024


def compressible(types: Mapping[str, str]) -> list[str]:
    """The media types worth compressing: text, JSON, XML, SVG and wasm.

    Pyodide's wasm shrinks to about a third, so a reader on a slow link waits far
    less for the first tool; zip, gzip, fonts and images are compressed already.
    """
    kinds = {kind.removesuffix(_CHARSET) for kind in types.values()}
    return sorted(kind for kind in kinds
                  if kind.startswith("text/") or kind.endswith(("json", "xml"))
                  or kind in ("application/wasm", "image/svg+xml"))


def _header_value(value: str) -> str:
    if '"' in value or "\\" in value:
        raise ValueError(f"a header value cannot be quoted for the host: {value!r}")
    return f'"{value}"'


def nginx(headers: Mapping[str, str], types: Mapping[str, str], default_type: str,
          not_found: str, no_cache: Sequence[str] = ()) -> str:
    """Directives for the guide's own `server { }` block (after its `root` line)."""
    lines = [
        "# Risk of Harm Guide: headers and types, from",
        "#   python -m publishing.headers DIR --nginx",
        "# Put these in the guide's own server { } block (its own origin), after `root`.",
        "# A location with add_header lines of its own drops all of these: keep them here.",
    ]
    lines += [
        f"add_header {name} {_header_value(value)} always;" for name, value in headers.items()
    ]
    by_type: dict[str, list[str]] = {}
    for suffix, kind in types.items():
        by_type.setdefault(kind.removesuffix(_CHARSET), []).append(suffix.lstrip("."))
    lines.append("types {")
    lines += [f"    {kind} {' '.join(suffixes)};" for kind, suffixes in by_type.items()]
    lines.append("}")
    lines.append(f"default_type {default_type};")
    charset_types = sorted({
        kind.removesuffix(_CHARSET) for kind in types.values() if kind.endswith(_CHARSET)
    } - {"text/html"})  # nginx always includes text/html
    lines.append("charset utf-8;")
    lines.append(f"charset_types {' '.join(charset_types)};")
    lines.append(f"error_page 404 /{not_found};")
    lines.append("# Compressed on the way out (text/html always is once gzip is on).")
    lines.append("gzip on;")
    lines.append("gzip_vary on;")
    lines.append(f"gzip_min_length {_GZIP_MIN_BYTES};")
    lines.append(f"gzip_types {' '.join(k for k in compressible(types) if k != 'text/html')};")
    if no_cache:
        # A location with its own add_header drops the server's: repeat them there.
        names = "|".join(re.escape(name) for name in no_cache)
        lines.append("# Asked for again on every visit (each edition's service worker).")
        lines.append(f"location ~ (^|/)({names})$ {{")
        lines += [f"    add_header {name} {_header_value(value)} always;"
                  for name, value in headers.items()]
        lines.append(f'    add_header Cache-Control {_header_value("no-cache")} always;')
        lines.append("}")
    return "\n".join(lines) + "\n"


def apache(headers: Mapping[str, str], types: Mapping[str, str], default_type: str,
           not_found: str, no_cache: Sequence[str] = ()) -> str:
    """An .htaccess (or <VirtualHost>/<Directory>) block: mod_headers and mod_mime."""
    lines = [
        "# Risk of Harm Guide: headers and types, from",
        "#   python -m publishing.headers DIR --apache",
        "# For the guide's own origin. Needs mod_headers and mod_mime; as an .htaccess",
        "# at the site root it needs `AllowOverride FileInfo`.",
    ]
    lines += [f"Header always set {name} {_header_value(value)}" for name, value in headers.items()]
    lines += [f'AddType "{kind}" {suffix}' for suffix, kind in types.items()]
    lines.append(
        f"# Files of any other type are sent as {default_type} by publishing.serve; Apache "
        "uses its own mime.types for them.")
    lines.append(f"ErrorDocument 404 /{not_found}")
    lines.append("# Compressed on the way out: needs mod_deflate and mod_filter (a2enmod deflate).")
    lines.append("<IfModule mod_deflate.c>")
    lines.append(f"    AddOutputFilterByType DEFLATE {' '.join(compressible(types))}")
    lines.append("</IfModule>")
    if no_cache:
        lines.append("# Asked for again on every visit (each edition's service worker).")
        names = "|".join(re.escape(name) for name in no_cache)
        lines.append(f'<FilesMatch "^({names})$">')
        lines.append(f'    Header always set Cache-Control {_header_value("no-cache")}')
        lines.append("</FilesMatch>")
    return "\n".join(lines) + "\n"
