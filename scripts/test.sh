#!/usr/bin/env bash
# Install everything (Python deps, npm packages, Debian's Chromium), then run
# every check: lint, types, unit, contract, build and browser tests.
# Nothing is skipped: a browser test that cannot start Chromium fails.
set -euo pipefail
cd "$(dirname "$0")/.."
# Material announces its end of life on every build; it is known (DESIGN.md).
export NO_MKDOCS_2_WARNING=1
bash scripts/install.sh --browser

echo "==> ruff"
.venv/bin/ruff check tools mkdocs_plugins publishing tests benchmarks
echo "==> mypy --strict"
.venv/bin/mypy tools mkdocs_plugins publishing
echo "==> pytest"
exec .venv/bin/python -m pytest "$@"
