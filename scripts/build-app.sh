#!/usr/bin/env bash
# Builds the app served at /app (src/FoodFast.Analytics.App) into its dist/ folder, which the service's build copies
# beside the service. Installs Node.js and npm from Debian when they are missing (as root), then the pinned
# packages of package-lock.json (npm ci). Skips the work when nothing changed since the last build.
#   scripts/build-app.sh [--force]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$repo/src/FoodFast.Analytics.App"
# shellcheck source=lib.sh
. "$repo/scripts/lib.sh"

stamp="$app/dist/.built-from"
sources() { (cd "$app" && find package.json package-lock.json vite.config.js index.html src -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64); }
if [ "${1:-}" != --force ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(sources)" ]; then
  exit 0
fi

ensure_debian_packages nodejs:node npm:npm
command -v npm >/dev/null || { echo "error: the app needs Node.js 18 or newer and npm (apt-get install nodejs npm)" >&2; exit 1; }
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge 18 ] || { echo "error: the app needs Node.js 18 or newer; this machine has $(node --version)" >&2; exit 1; }

echo "[app] building the app (src/FoodFast.Analytics.App)"
cd "$app"
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
npx --no-install vite build --logLevel warn
sources >"$stamp"
