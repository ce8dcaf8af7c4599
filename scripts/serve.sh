#!/usr/bin/env bash
# Install what the site needs, then build and serve it at http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
# Material announces its end of life on every build; it is known (DESIGN.md).
export NO_MKDOCS_2_WARNING=1
bash scripts/install.sh
# No livereload: it injects an inline script that the site's CSP rightly blocks.
exec .venv/bin/mkdocs serve --strict --no-livereload -a 127.0.0.1:8000
