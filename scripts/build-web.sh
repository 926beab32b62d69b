#!/usr/bin/env bash
# Builds the web UI into web/dist. Runs `npm ci` only when package-lock.json
# changed since the last install, and never downloads browsers.
set -euo pipefail
cd "$(dirname "$0")/../web"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
stamp=node_modules/.hallway-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "build-web: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
echo "build-web: vite build"
npm run --silent build
