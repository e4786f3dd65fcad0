#!/usr/bin/env bash
# Sets up and runs the service on the embedded defaults: private Postgres and Redis under .local/,
# the Postgres analytics backend (Elasticsearch when ELASTICSEARCH_URL is set), the API on
# http://127.0.0.1:${PORT:-8080}. Ctrl-C stops it cleanly.
#
#   ./scripts/start.sh [--sample]     --sample: load sample data once the API is ready (each sample shop in its time zone)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=lib.sh
. scripts/lib.sh

sample=0
for arg in "$@"; do
  case "$arg" in
    --sample) sample=1 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

require_dotnet
ensure_report_packages
port="${PORT:-8080}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "error: port $port is already in use (is FoodFast Analytics already running? stop it, or run with PORT=<another port>)" >&2
  exit 1
fi

scripts/services.sh start
export PORT="$port"
export Postgres__ConnectionString="${Postgres__ConnectionString:-Host=127.0.0.1;Port=${FF_PG_PORT:-55432};Database=${FF_PG_DATABASE:-foodfast};Username=postgres;Timeout=5;Command Timeout=60}"
export Redis__Configuration="${Redis__Configuration:-127.0.0.1:${FF_REDIS_PORT:-56379}}"
# Where the service writes a generated first admin key (only on a fresh database without ADMIN_API_KEY).
export Security__BootstrapKeyFile="${Security__BootstrapKeyFile:-${FF_DATA_DIR:-$repo/.local}/admin-api-key}"
# The API runs from its build folder: keep report files in the repo's .local/ instead.
export Reports__FilesRoot="${Reports__FilesRoot:-$repo/.local/reports}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A person reads this terminal: readable log lines (the service logs JSON by default outside Development).
export Logging__Format="${Logging__Format:-simple}"

scripts/build-app.sh
echo "[start] building"
dotnet build src/FoodFast.Analytics.Api -c Release -nologo -v q -clp:ErrorsOnly
api_dir="$repo/src/FoodFast.Analytics.Api/bin/Release/net10.0"

# The sample shops each in its own time zone (ids and zones of src/FoodFast.Analytics.SampleData/Generation/Shops.cs),
# so the app opens them in their zones, whether loaded now or by an earlier --sample; other shops are not touched.
# Passed through env: a shell cannot export a name with a '-'. A zone you set keeps.
sample_zones=()
for zone in shop-de-berlin=Europe/Berlin shop-fr-paris=Europe/Paris shop-uk-london=Europe/London \
            shop-at-wien=Europe/Vienna shop-nl-amsterdam=Europe/Amsterdam; do
  printenv "Shops__TimeZones__${zone%%=*}" >/dev/null || sample_zones+=("Shops__TimeZones__$zone")
done

(cd "$api_dir" && exec env "${sample_zones[@]}" dotnet FoodFast.Analytics.Api.dll) &
api_pid=$!
stop() { kill -TERM "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; exit 0; }
trap stop INT TERM

# GET /health/ready with bash alone (curl is not on every fresh machine); prints the status code.
ready_status() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  head -1 <&3 | cut -d' ' -f2
  exec 3<&-
}
for _ in $(seq 120); do
  kill -0 "$api_pid" 2>/dev/null || { wait "$api_pid"; exit $?; }
  [ "$(ready_status 2>/dev/null)" = 200 ] && break
  sleep 0.5
done
[ "$(ready_status 2>/dev/null)" = 200 ] || echo "[start] warning: /health/ready is not 200 yet; open it to see which dependency is missing"

# The first admin key is shown once: printed from the file the service wrote, then the file is removed.
key="${ADMIN_API_KEY:-${FOODFAST_API_KEY:-}}"
if [ -n "${ADMIN_API_KEY:-}" ]; then
  admin_key="the value of ADMIN_API_KEY"
elif [ -s "$Security__BootstrapKeyFile" ]; then
  key="$(cat "$Security__BootstrapKeyFile")"
  admin_key="$key   (shown once: store it now)"
  rm -f "$Security__BootstrapKeyFile"
else
  admin_key="created on an earlier start (lost it? see docs/security.md)"
fi

base="http://127.0.0.1:$port"
# The sample's first shop is always shop-de-berlin (see src/FoodFast.Analytics.SampleData/Generation/Shops.cs).
first_steps() {
  cat <<STEPS

  First steps (the README's examples use the same variable; /shops lists the shops and their data):
    export FOODFAST_API_KEY=${key:-<your admin key>}
    curl -H "X-Api-Key: \$FOODFAST_API_KEY" '$base/api/v1/shops'
    curl -H "X-Api-Key: \$FOODFAST_API_KEY" '$base/api/v1/analytics/dashboard?shopId=shop-de-berlin&days=30&timeZone=Europe/Berlin'
    curl -H "X-Api-Key: \$FOODFAST_API_KEY" '$base/api/v1/analytics/search?shopId=shop-de-berlin&query=brot'
    open $base/live in a browser (it asks for the key) for the live feed
STEPS
}
cat <<INFO

  FoodFast Analytics is running (analytics backend: ${ELASTICSEARCH_URL:+Elasticsearch at $ELASTICSEARCH_URL}${ELASTICSEARCH_URL:-Postgres})
    API         $base/api/v1
    Swagger UI  $base/swagger   (ReDoc: $base/redoc)
    OpenAPI     $base/openapi/v1.json
    Health      $base/health/ready
    Admin API key: $admin_key
  Ctrl-C stops it. Postgres and Redis keep running: scripts/services.sh stop

INFO
if [ "$sample" = 1 ]; then
  if [ -z "$key" ]; then
    echo "[start] --sample needs an admin or ingest key: run with ADMIN_API_KEY=<key> or FOODFAST_API_KEY=<key>"
  else
    # --wait: the last batches return once stored, so the dashboards show everything right away.
    # Its closing table lists the sample's shop ids.
    scripts/generate-sample-data.sh --target api --url "$base" --api-key "$key" --wait \
      || echo "[start] warning: loading sample data failed (see above); the service keeps running"
  fi
fi
first_steps
wait "$api_pid"
