#!/usr/bin/env bash
# Query benchmark, all figures from one run on this machine:
#   1. ORDERS orders (1-3 lines each) and EVENTS events over the last 60 days for 10 shops, generated inside Postgres
#      (bench/queries-load.sql: generate_series, indexes dropped during the load and rebuilt from the migrations);
#   2. the baseline: GET /health/live through wrk (no store, no cache), at 8 connections and at 2;
#   3. per endpoint, one shop in turn of 10, a 30-day window ending at a past midnight (settled, so cached long):
#      warm = the same window again after a priming pass (every answer a cache hit, checked from X-Cache), at 8
#             connections (wrk -t2 -c8, saturating both cores) and at 2 (wrk -t1 -c2),
#      cold = a window moved by a second per request (every answer computed by Postgres, checked from X-Cache).
# Prints p50/p99 per endpoint and the ratios warm/baseline and cold/warm.
# The API runs as its own process on a fresh database of a private Postgres/Redis (ports 55452/56452;
# FF_BENCH_PG_PORT, FF_BENCH_REDIS_PORT and FF_BENCH_DATA_DIR pick another private instance).
# FF_BENCH_API_ENV passes settings to the API ("Storage__Postgres__UseRollups=false" reads the rows only);
# FF_BENCH_REUSE_DB=1 keeps the database of the previous run when it holds ORDERS orders (an A/B on the same data).
#   bench/queries.sh [ORDERS] [EVENTS]        default 1000000 5000000
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
orders="${1:-1000000}" events="${2:-5000000}"
export FF_DATA_DIR="${FF_BENCH_DATA_DIR:-$repo/.local/bench-queries}" FF_PG_PORT="${FF_BENCH_PG_PORT:-55452}" FF_REDIS_PORT="${FF_BENCH_REDIS_PORT:-56452}"
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
scripts/services.sh start >/dev/null
dotnet build src/FoodFast.Analytics.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

psql() { command psql -h 127.0.0.1 -p "$FF_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
reuse=0
if [ "${FF_BENCH_REUSE_DB:-0}" = 1 ] && [ "$(psql -d ffqueries -c 'select count(*) from orders' 2>/dev/null || true)" = "$orders" ]; then reuse=1; fi
[ "$reuse" = 1 ] || psql -d postgres -c "drop database if exists ffqueries with (force)" -c "create database ffqueries"
db="Host=127.0.0.1;Port=$FF_PG_PORT;Database=ffqueries;Username=postgres"
# The admin key is stored in the database at its first start, so a reused database keeps the key it was made with.
port="${FF_BENCH_API_PORT:-8092}" keyfile="$FF_DATA_DIR/queries-admin-key"
[ "$reuse" = 1 ] && [ -s "$keyfile" ] || { mkdir -p "$FF_DATA_DIR"; echo "bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")" >"$keyfile"; }
key=$(cat "$keyfile")
(cd src/FoodFast.Analytics.Api/bin/Release/net10.0 && PORT=$port Postgres__ConnectionString="$db" Redis__Configuration="127.0.0.1:$FF_REDIS_PORT" \
  Security__AdminApiKey="$key" Security__RateLimits__Queries__TokenLimit=1000000 Security__RateLimits__Queries__TokensPerPeriod=1000000 \
  Logging__LogLevel__Default=Warning exec env ${FF_BENCH_API_ENV:-} dotnet FoodFast.Analytics.Api.dll >"$FF_DATA_DIR/queries-api.log" 2>&1) &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
# The API applies the migrations (the rollups' backfill among them) before it answers ready.
for _ in $(seq 6000); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; kill -0 $api 2>/dev/null || { echo "the API did not start" >&2; exit 1; }; sleep 0.3; done
redis-cli -p "$FF_REDIS_PORT" flushall >/dev/null

echo "query benchmark, $orders orders, $events events, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
migrations=$(cat src/FoodFast.Analytics.Postgres/Migrations/analytics/*.sql)
indexes=$(echo "$migrations" | grep -iE '^create index') replaced=$(echo "$migrations" | grep -iE '^drop index' || true)
if [ "$reuse" = 0 ]; then
  start=$(date +%s)
  psql -d ffqueries -c "$(echo "$indexes" | sed -E 's/^create index ([a-z_0-9]+) .*/drop index if exists \1;/I')"
  # The rollup triggers sum the generated rows as they are inserted.
  psql -d ffqueries -v orders="$orders" -v events="$events" -v days=60 -f bench/queries-load.sql
  loaded=$(date +%s)
  psql -d ffqueries -c "$indexes" ${replaced:+-c "$replaced"} -c "vacuum analyze orders" -c "vacuum analyze order_items" -c "vacuum analyze events" \
    -c "vacuum analyze order_rollups" -c "vacuum analyze order_item_rollups"
  echo "load: generated in $((loaded - start)) s, indexed and analysed in $(($(date +%s) - loaded)) s"
fi
echo "data: $(psql -d ffqueries -c 'select count(*) from orders') orders, $(psql -d ffqueries -c 'select count(*) from order_items') lines, $(psql -d ffqueries -c 'select count(*) from events') events, $(psql -d ffqueries -c 'select count(*) from order_rollups') order rollup rows, $(psql -d ffqueries -c 'select count(*) from order_item_rollups') line rollup rows;" \
  "database $(psql -d ffqueries -c "select pg_size_pretty(pg_database_size('ffqueries'))")"

# A past midnight (UTC) at least an hour ago: the window has settled, so warm answers stay cached for the run.
to=$(date -u -d 'today 00:00' +%s); [ $(( $(date +%s) - to )) -lt 3600 ] && to=$((to - 86400))
export FOODFAST_API_KEY="$key" TO="$to"
# shellcheck source=steal.sh
. bench/steal.sh
# Each measurement's line ends with the hypervisor's steal while it ran (field 11).
run() { steal_mark; echo "$(PATH_UNDER_TEST="$1" MODE="$2" LABEL="$3" wrk "${@:4}" --timeout 60s -s bench/queries.lua "http://127.0.0.1:$port" | tail -1)|$(steal_since)"; }
endpoints="dashboard:/api/v1/analytics/dashboard revenue:/api/v1/analytics/sales/revenue products:/api/v1/analytics/sales/products
  geographic:/api/v1/analytics/sales/geographic activity:/api/v1/analytics/users/activity financial:/api/v1/analytics/financial/revenue"
results=$(mktemp)
run /health/live warm baseline -t2 -c8 -d10s >>"$results"
# The same at two connections: with eight, wrk's threads and the API's saturate both cores and every p99, even the
# baseline's, is mostly time spent queued for a core.
run /health/live warm baseline -t1 -c2 -d10s | sed 's/|warm|/|warm2|/' >>"$results"
for entry in $endpoints; do
  name=${entry%%:*} path=${entry#*:}
  for s in $(seq -w 1 10); do   # prime the warm windows
    curl -sf -o /dev/null -H "X-Api-Key: $key" "http://127.0.0.1:$port$path?shopId=bench-shop-$s&from=$(date -u -d @$((to - 30 * 86400)) +%FT%TZ)&to=$(date -u -d @$to +%FT%TZ)"
  done
  run "$path" warm "$name" -t2 -c8 -d10s >>"$results"
  run "$path" warm "$name" -t1 -c2 -d10s | sed 's/|warm|/|warm2|/' >>"$results"
  run "$path" cold "$name" -t1 -c1 -d20s >>"$results"
done
echo "api rss at end: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$api/status"), load $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'|' '
  $1 == "baseline" { base[$2] = $6; printf "baseline /health/live (%s): %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, steal %s %%\n", ($2 == "warm" ? "8 connections" : "2 connections"), $3, $4, $5, $6, $11; next }
  { p50[$1, $2] = $5; p99[$1, $2] = $6; n[$1, $2] = $3; rps[$1, $2] = $4; hits[$1, $2] = $7; miss[$1, $2] = $8; err[$1, $2] = $9; st[$1, $2] = $11; if (!seen[$1]++) order[++k] = $1 }
  END {
    print "| endpoint | warm, 8 connections: p50 / p99 ms (req/s; hits of requests) | warm, 2 connections: p50 / p99 ms (req/s; hits of requests) | cold p50 / p99 ms (requests, misses) | warm p99 / baseline p99 (8 / 2 conn.) | cold p99 / warm p99 (2 conn.) | errors | steal % (8 / 2 conn. / cold) |"
    print "| --- | --- | --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= k; i++) { e = order[i]
      printf "| %s | %.2f / %.2f (%.0f; %d of %d) | %.2f / %.2f (%.0f; %d of %d) | %.1f / %.1f (%d, %d) | %.1f / %.1f | %.0f | %d | %s / %s / %s |\n", e,
        p50[e, "warm"], p99[e, "warm"], rps[e, "warm"], hits[e, "warm"], n[e, "warm"],
        p50[e, "warm2"], p99[e, "warm2"], rps[e, "warm2"], hits[e, "warm2"], n[e, "warm2"],
        p50[e, "cold"], p99[e, "cold"], n[e, "cold"], miss[e, "cold"], p99[e, "warm"] / base["warm"], p99[e, "warm2"] / base["warm2"],
        p99[e, "cold"] / p99[e, "warm2"], err[e, "warm"] + err[e, "warm2"] + err[e, "cold"], st[e, "warm"], st[e, "warm2"], st[e, "cold"] }
  }' "$results"
rm -f "$results"
