#!/usr/bin/env bash
# Warm-answer latency round after round, on the database bench/queries.sh left behind: how far the p99 of identical
# rounds spreads on this machine, and whether an API runtime setting moves it beyond that spread.
# Each round restarts the API with the round's settings, primes the 10 shops' windows, warms up for 10 s, then
# measures `wrk -t1 -c2 -d10s` on /health/live (the baseline: no store, no cache), then on the warm dashboard and
# sales/products (every answer a cache hit). Each line has p50, p99 and p99.9; compare p99s within a round.
# Settings take turns within each round, so each setting meets the machine's good and bad moments alike.
#   bench/queries-rounds.sh ROUNDS [SETTINGS ...]     e.g. bench/queries-rounds.sh 3 "" "DOTNET_gcServer=0"
# An empty SETTINGS is the default runtime. Ports as bench/queries.sh (FF_BENCH_PG_PORT, FF_BENCH_REDIS_PORT,
# FF_BENCH_DATA_DIR, FF_BENCH_API_PORT).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
rounds="${1:?usage: bench/queries-rounds.sh ROUNDS [SETTINGS ...]}"; shift
[ $# -gt 0 ] || set -- ""
export FF_DATA_DIR="${FF_BENCH_DATA_DIR:-$repo/.local/bench-queries}" FF_PG_PORT="${FF_BENCH_PG_PORT:-55452}" FF_REDIS_PORT="${FF_BENCH_REDIS_PORT:-56452}"
scripts/services.sh start >/dev/null
psql() { command psql -h 127.0.0.1 -p "$FF_PG_PORT" -U postgres -d ffqueries -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -c "select 1 from orders limit 1" >/dev/null 2>&1 || { echo "no bench database: run bench/queries.sh first" >&2; exit 1; }
dotnet build src/FoodFast.Analytics.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

port="${FF_BENCH_API_PORT:-8092}" key="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")"
curl -s -o /dev/null "http://127.0.0.1:$port/health/live" && { echo "something already answers on port $port" >&2; exit 1; }
api=""
trap '[ -n "$api" ] && kill $api 2>/dev/null || true' EXIT
start_api() {
  psql -c "delete from api_keys" >/dev/null   # the admin key setting only bootstraps an empty key table
  (cd src/FoodFast.Analytics.Api/bin/Release/net10.0 && PORT=$port Postgres__ConnectionString="Host=127.0.0.1;Port=$FF_PG_PORT;Database=ffqueries;Username=postgres" \
    Redis__Configuration="127.0.0.1:$FF_REDIS_PORT" Security__AdminApiKey="$key" Security__RateLimits__Queries__TokenLimit=1000000 \
    Security__RateLimits__Queries__TokensPerPeriod=1000000 Logging__LogLevel__Default=Warning \
    exec env $1 dotnet FoodFast.Analytics.Api.dll >"$FF_DATA_DIR/queries-rounds-api.log" 2>&1) &
  api=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return; kill -0 $api 2>/dev/null || break; sleep 0.3; done
  echo "the API did not start (settings: ${1:-default}); see $FF_DATA_DIR/queries-rounds-api.log" >&2; exit 1
}

to=$(date -u -d 'today 00:00' +%s); [ $(( $(date +%s) - to )) -lt 3600 ] && to=$((to - 86400))
export FOODFAST_API_KEY="$key" TO="$to"
echo "warm rounds, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck source=steal.sh
. bench/steal.sh
echo "| round | settings | endpoint | requests/s | p50 ms | p99 ms | p99.9 ms | hits of requests | steal % |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq "$rounds"); do
  for settings in "$@"; do
    start_api "$settings"
    for entry in baseline:/health/live dashboard:/api/v1/analytics/dashboard products:/api/v1/analytics/sales/products; do
      name=${entry%%:*} path=${entry#*:}
      for s in $(seq -w 1 10); do
        curl -sf -o /dev/null -H "X-Api-Key: $key" "http://127.0.0.1:$port$path?shopId=bench-shop-$s&from=$(date -u -d @$((to - 30 * 86400)) +%FT%TZ)&to=$(date -u -d @$to +%FT%TZ)"
      done
      PATH_UNDER_TEST=$path MODE=warm wrk -t1 -c2 -d10s -s bench/queries.lua "http://127.0.0.1:$port" >/dev/null
      steal_mark
      line=$(PATH_UNDER_TEST=$path MODE=warm LABEL=$name wrk -t1 -c2 -d10s --timeout 60s -s bench/queries.lua "http://127.0.0.1:$port" | tail -1)
      echo "$line" | awk -F'|' -v r="$round" -v s="${settings:-default}" -v steal="$(steal_since)" \
        '{ printf "| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %d of %d | %s |\n", r, s, $1, $4, $5, $6, $10, $7, $3, steal }'
    done
    kill $api; wait $api 2>/dev/null || true; api=""
  done
done
