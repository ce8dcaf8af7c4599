"""`make preview`: the current edition, rebuilt and reloaded as an author edits it.

`mkdocs serve` reloads the page with an inline script it adds to every page as
it serves it; the site's Content-Security-Policy (rightly) blocks inline
scripts it has no hash for, and this one changes with every rebuild. So the
same script is served here as a same-origin file instead (`script-src 'self'`
allows it), and the policy stays exactly what readers get.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs import livereload
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.exceptions import MkDocsException

SCRIPT = re.compile(r"/livereload-script/([0-9]+)/([0-9]+)\.js")


class PolicyKeepingServer(livereload.LiveReloadServer):
    """mkdocs' live-reload server, with its reload script as a file, not inline."""

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        at = content.rfind(b"</body>")
        at = len(content) if at < 0 else at
        tag = b'<script src="/livereload-script/%d/%d.js"></script>' % (
            epoch, livereload._timestamp())
        return content[:at] + tag + content[at:]

    def _serve_request(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes] | None:
        found = SCRIPT.fullmatch(environ.get("PATH_INFO", ""))
        if not found:
            served: Iterable[bytes] | None = super()._serve_request(environ, start_response)
            return served
        script = livereload._SCRIPT_TEMPLATE.substitute(epoch=found[1], request_id=found[2])
        start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                  ("Cache-Control", "no-store")])
        return [script.encode("utf-8")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publishing.preview", description=__doc__)
    parser.add_argument("--config-file", "-f", default="mkdocs.yml")
    parser.add_argument("--dev-addr", "-a", default="127.0.0.1:8000")
    arguments = parser.parse_args(argv)
    # serve() makes its server by this module-level name.
    mkdocs_serve.LiveReloadServer = PolicyKeepingServer  # type: ignore[attr-defined]
    try:
        mkdocs_serve.serve(config_file=arguments.config_file, livereload=True,
                           dev_addr=arguments.dev_addr, strict=True)
    except MkDocsException as error:
        print(f"preview: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
