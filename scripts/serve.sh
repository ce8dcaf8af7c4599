#!/usr/bin/env bash
# Install what the site needs, then build and serve it at http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
# No livereload: it injects an inline script that the site's CSP rightly blocks.
exec .venv/bin/mkdocs serve --strict --no-livereload -a 127.0.0.1:8000
