#!/usr/bin/env bash
# Install everything the guide needs into this checkout: a Python virtualenv
# (.venv) with the project and its test tools, exactly as requirements.lock pins
# them (hashes checked); a second one (.venv-properdocs) that builds the guide
# with ProperDocs instead of mkdocs (requirements-properdocs.lock); and the
# pinned npm packages (Pyodide, axe-core) from package-lock.json. With --browser,
# also Debian's Chromium, poppler-utils (pdftotext), nginx and Apache, which the
# browser and deployment tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
# Material announces its end of life on every build; it is known (DESIGN.md).
export NO_MKDOCS_2_WARNING=1

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

missing_system_tools() {
  [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/sbin/apache2 ] \
    || ! command -v pdftotext >/dev/null
}
if [ "$want_browser" = 1 ] && missing_system_tools; then
  echo "==> Installing Debian's chromium, poppler-utils, nginx-light and apache2 (apt-get)"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq chromium poppler-utils nginx-light apache2 >/dev/null
fi

pip_quiet=(-q --disable-pip-version-check)
for venv in .venv .venv-properdocs; do
  if [ ! -x "$venv/bin/python" ]; then
    echo "==> Creating $venv"
    python3 -m venv "$venv"
  fi
done
echo "==> Installing Python packages (requirements.lock, hashes checked)"
.venv/bin/python -m pip install "${pip_quiet[@]}" --require-hashes -r requirements.lock
# The project itself, with no dependency the lock does not already pin.
.venv/bin/python -m pip install "${pip_quiet[@]}" --no-deps --no-build-isolation -e .
echo "==> Installing ProperDocs packages into .venv-properdocs (requirements-properdocs.lock)"
# --no-deps: Material names mkdocs as a dependency, which ProperDocs replaces.
.venv-properdocs/bin/python -m pip install "${pip_quiet[@]}" --require-hashes --no-deps \
  -r requirements-properdocs.lock
.venv-properdocs/bin/python -m pip install "${pip_quiet[@]}" --no-deps --no-build-isolation -e .

echo "==> Installing npm packages (exact versions from package-lock.json)"
npm ci --no-audit --no-fund --loglevel=error
