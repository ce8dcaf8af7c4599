#!/usr/bin/env bash
# Lighthouse for `make bench` only (benchmarks/lighthouse.py): the exact version
# package-lock.json pins, from the npm registry. Never part of `make test` (it is
# about 190 MB). It downloads no browser: Lighthouse runs Debian's /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")"
pinned=$(node -p 'require("./package.json").dependencies.lighthouse')
installed=$(node -p 'try { require("./node_modules/lighthouse/package.json").version } catch { "" }')
if [ "$pinned" != "$installed" ]; then
  echo "==> Installing Lighthouse $pinned (benchmarks/lighthouse/package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
