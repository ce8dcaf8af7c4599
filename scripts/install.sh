#!/usr/bin/env bash
# Install everything the guide needs into this checkout: a Python virtualenv
# (.venv) with the project and its test tools, and the pinned npm packages
# (Pyodide, axe-core) from package-lock.json. With --browser, also Debian's
# Chromium and poppler-utils (pdftotext), which the browser tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
# Material announces its end of life on every build; it is known (DESIGN.md).
export NO_MKDOCS_2_WARNING=1

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; }; then
  echo "==> Installing Debian's chromium and poppler-utils (apt-get)"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium poppler-utils >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating .venv"
  python3 -m venv .venv
fi
echo "==> Installing Python packages"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"

echo "==> Installing npm packages (exact versions from package-lock.json)"
npm ci --no-audit --no-fund --loglevel=error
