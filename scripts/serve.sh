#!/usr/bin/env bash
# Install what the site needs, publish every edition for reading on this
# computer (http://127.0.0.1:8000/, root → latest/) into .cache/public/, then
# serve that folder with the headers a real host sends (publishing/serve.py:
# the Content-Security-Policy as a header with frame-ancestors, nosniff, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
# Material announces its end of life on every build; it is known (DESIGN.md).
export NO_MKDOCS_2_WARNING=1
bash scripts/install.sh
# A local publish: its QR codes and cards name this computer, on purpose.
ROH_SITE_URL=http://127.0.0.1:8000/ .venv/bin/python -m publishing publish --local --out .cache/public
exec .venv/bin/python -m publishing.serve .cache/public --host 127.0.0.1 --port 8000
