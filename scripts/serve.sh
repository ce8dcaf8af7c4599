#!/usr/bin/env bash
# Install what the site needs, build it into site/, then serve it at
# http://127.0.0.1:8000 with the headers a real host sends (publishing/serve.py:
# the Content-Security-Policy as a header with frame-ancestors, nosniff, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
# Material announces its end of life on every build; it is known (DESIGN.md).
export NO_MKDOCS_2_WARNING=1
bash scripts/install.sh
.venv/bin/mkdocs build --strict
exec .venv/bin/python -m publishing.serve site --host 127.0.0.1 --port 8000
