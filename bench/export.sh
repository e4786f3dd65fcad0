#!/usr/bin/env bash
# Export benchmark, all figures from one run on this machine:
#   1. N orders generated with SQL (generate_series) straight into the orders table of a fresh database;
#   2. baseline: COPY (SELECT <the export's columns and order>) TO STDOUT (csv) of the same rows, through psql;
#   3. the same rows as raw_orders report jobs through the API (CSV, XLSX), timed from the job's start to its end;
#      the first (CSV) is printed apart: a fresh process also warms its JIT during it;
#   4. PDF: the sales summary over all N orders, and raw_orders with a detail table capped at 1,000 rows.
# Between 2 and 3 it times the read half alone (the store's export source against Npgsql's COPY, in one process).
# Prints rows/s, the ratio to COPY and the API's peak RSS per report (VmHWM, reset before each one).
# The API runs as its own process on a private Postgres (port 55453; FF_BENCH_PG_PORT, FF_BENCH_REDIS_PORT and
# FF_BENCH_DATA_DIR point it at another private instance, e.g. the one scripts/test.sh started). FF_BENCH_API_PORT moves
# the API off 8091; FF_BENCH_API_DIR runs an API already built there instead of building this tree (before/after runs).
#   bench/export.sh [N]        default N = 1000000
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
n="${1:-1000000}"
export FF_DATA_DIR="${FF_BENCH_DATA_DIR:-$repo/.local/bench-export}" FF_PG_PORT="${FF_BENCH_PG_PORT:-55453}" FF_REDIS_PORT="${FF_BENCH_REDIS_PORT:-56453}"
scripts/services.sh start >/dev/null
# The bench project references the API, so this builds both.
dotnet build bench/FoodFast.Analytics.Bench -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
api_dir="${FF_BENCH_API_DIR:-src/FoodFast.Analytics.Api/bin/Release/net10.0}"

psql() { command psql -h 127.0.0.1 -p "$FF_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -d postgres -c "drop database if exists ffexport with (force)" -c "create database ffexport"
db="Host=127.0.0.1;Port=$FF_PG_PORT;Database=ffexport;Username=postgres"
files="$FF_DATA_DIR/files"
rm -rf "$files"
port="${FF_BENCH_API_PORT:-8091}" key="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")"
# Another API already answering on the port would take this run's requests (against a database it never migrated).
if curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; then echo "port $port is taken: set FF_BENCH_API_PORT" >&2; exit 1; fi
(cd "$api_dir" && PORT=$port Postgres__ConnectionString="$db" Redis__Configuration="127.0.0.1:$FF_REDIS_PORT" \
  Security__AdminApiKey="$key" Reports__FilesRoot="$files" Reports__DetailRowLimit=1000 Logging__LogLevel__Default=Warning \
  exec dotnet FoodFast.Analytics.Api.dll >"$FF_DATA_DIR/export-api.log" 2>&1) &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; kill -0 $api 2>/dev/null || { echo "the API did not start" >&2; exit 1; }; sleep 0.3; done

from="2025-01-01T00:00:00Z" to="2026-01-01T00:00:00Z"
echo "export benchmark, N=$n, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
# One order every 30 s across 2025 (at most 1,051,200 orders fit the year); 1 to 5 units, 4 channels, 2 currencies.
psql -d ffexport -c "
  insert into orders (shop_id, order_id, customer_id, status, created_at, updated_at, currency, channel, payment_method, country, city,
                      subtotal, discount, tax, shipping, total, units, line_count)
  select 'bench', 'o-' || i, 'c-' || (i % 50000), (array['paid','shipped','delivered','cancelled'])[1 + i % 4],
         timestamptz '$from' + i * interval '30 seconds', timestamptz '$from' + i * interval '30 seconds' + interval '1 hour',
         (array['EUR','GBP'])[1 + i % 2], (array['web','ios','android','api'])[1 + i % 4], 'card', 'DE', 'Berlin',
         (i % 97) + 5.25, 0, 1.10, 2.00, (i % 97) + 8.35, 1 + i % 5, 1
  from generate_series(1, $n) i" -c "analyze orders"

columns="shop_id, order_id, customer_id, status, created_at, updated_at, currency, channel, payment_method, country, city, coupon_code, subtotal, discount, tax, shipping, total, units, line_count"
start=$(date +%s.%N)
psql -d ffexport -c "copy (select $columns from orders where created_at >= '$from' and created_at < '$to' and shop_id = 'bench'
  order by created_at, shop_id, order_id) to stdout with (format csv, header)" > /dev/null
copy_s=$(echo "$(date +%s.%N) - $start" | bc)
copy_rate=$(echo "$n / $copy_s" | bc)
echo "COPY TO STDOUT (csv): $n rows in $(printf '%.2f' "$copy_s") s = $copy_rate rows/s"
# The read half alone, in one process: the store's export source (as the job reads rows) against Npgsql's COPY.
dotnet bench/FoodFast.Analytics.Bench/bin/Release/net10.0/FoodFast.Analytics.Bench.dll export-read "$db" bench "$from" "$to"

api_get() { curl -sf -H "Authorization: ApiKey $key" "http://127.0.0.1:$port$1"; }
# Runs one report and prints: seconds from start to finish, rows written, bytes, peak RSS of the API in MB.
report() {
  echo 5 > "/proc/$api/clear_refs" 2>/dev/null || true  # resets VmHWM, so the peak is this report's
  local id
  local answer status
  answer=$(curl -s -w '\n%{http_code}' -H "Authorization: ApiKey $key" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/reports" \
    -d "{\"kind\":\"$1\",\"format\":\"$2\",\"shopId\":\"bench\",\"parameters\":{\"from\":\"$from\",\"to\":\"$to\"}}")
  status=${answer##*$'\n'} answer=${answer%$'\n'*}
  [[ "$status" == 202 ]] || { echo "POST /api/v1/reports ($1, $2) answered $status: $answer" >&2; exit 1; }
  id=$(jq -r .id <<<"$answer")
  local job
  while :; do
    job=$(api_get "/api/v1/reports/$id")
    case $(jq -r .status <<<"$job") in succeeded) break ;; failed|cancelled) echo "report failed: $job" >&2; exit 1 ;; esac
    sleep 0.5
  done
  local seconds
  seconds=$(python3 -c '
import json, re, sys, datetime
job = json.loads(sys.argv[1])
at = lambda v: datetime.datetime.fromisoformat(re.sub(r"(\.\d{1,6})\d*", r"\1", v).replace("Z", "+00:00"))
print((at(job["finishedAt"]) - at(job["startedAt"])).total_seconds())' "$job")
  echo "$seconds $(jq -r .rowsWritten <<<"$job") $(jq -r .sizeBytes <<<"$job") $(awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$api/status")"
}
# The first report of a fresh API process also pays for tiered JIT warming the row path (seconds on a busy machine):
# printed on its own, then CSV and XLSX are timed warm, as a running service exports.
for format in csv csv xlsx; do
  read -r s rows bytes peak < <(report raw_orders "$format")
  rate=$(echo "$rows / $s" | bc)
  label="raw_orders $format"; [[ -n "${cold_done:-}" ]] || { label="raw_orders $format (first report after start)"; cold_done=1; }
  echo "$label: $rows rows in $(printf '%.2f' "$s") s = $rate rows/s, ratio to COPY $(echo "scale=2; $rate / $copy_rate" | bc), $((bytes / 1048576)) MB file, API peak RSS $peak MB"
done
read -r s rows bytes peak < <(report sales_summary pdf)
echo "sales_summary pdf over $n orders: $(printf '%.2f' "$s") s, $((bytes / 1024)) KB, API peak RSS $peak MB"
read -r s rows bytes peak < <(report raw_orders pdf)
echo "raw_orders pdf (detail capped at 1,000 rows): $(printf '%.2f' "$s") s, $rows rows written, $((bytes / 1024)) KB, API peak RSS $peak MB"
