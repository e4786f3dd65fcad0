#!/usr/bin/env bash
# Ingestion benchmark, all figures from one run on this machine:
#   1. baseline: plain binary COPY of N events into a copy of the events table;
#   2. N events through POST /api/v1/events/batch (batches of 1,000, 2 senders), then until indexed;
#   3. single events through POST /api/v1/events from wrk (2 threads, 32 connections, 20 s, after an unmeasured 20 s).
# The API runs as its own process on a fresh database of a private Postgres (port 55450; FF_BENCH_PG_PORT,
# FF_BENCH_REDIS_PORT, FF_BENCH_DATA_DIR and FF_BENCH_API_PORT pick another private instance and API port).
# Before measuring, FF_BENCH_WARMUP events (default 50000) go through the batch endpoint and are flushed, so the
# figures describe a running service, not one still compiling its hot paths (tiered JIT). FF_BENCH_API_ENV passes
# runtime settings to the API (e.g. "DOTNET_TieredCompilation=0").
#   bench/ingest.sh [N]        default N = 200000
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
n="${1:-200000}"
export FF_DATA_DIR="${FF_BENCH_DATA_DIR:-$repo/.local/bench}" FF_PG_PORT="${FF_BENCH_PG_PORT:-55450}" FF_REDIS_PORT="${FF_BENCH_REDIS_PORT:-56450}"
scripts/services.sh start >/dev/null
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
dotnet build src/FoodFast.Analytics.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/FoodFast.Analytics.Bench -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

psql() { command psql -h 127.0.0.1 -p "$FF_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -d postgres -c "drop database if exists ffbench with (force)" -c "create database ffbench"
db="Host=127.0.0.1;Port=$FF_PG_PORT;Database=ffbench;Username=postgres;Max Auto Prepare=20"
port="${FF_BENCH_API_PORT:-8090}"
# A known admin key for the bench service (the database is new, so it becomes the first key); generous rate limits.
export FOODFAST_API_KEY="bench-admin-key-$(date +%s)-0123456789abcdef"
(cd src/FoodFast.Analytics.Api/bin/Release/net10.0 && PORT=$port Postgres__ConnectionString="$db" Redis__Configuration="127.0.0.1:$FF_REDIS_PORT" \
  ADMIN_API_KEY="$FOODFAST_API_KEY" Security__RateLimits__Ingestion__TokenLimit=1000000 Security__RateLimits__Ingestion__TokensPerPeriod=1000000 \
  Logging__LogLevel__Default=Warning exec env ${FF_BENCH_API_ENV:-} dotnet FoodFast.Analytics.Api.dll) &
api=$!; export FF_BENCH_API_PID=$api  # bench/cpu-by-process.sh counts this process as the API
trap 'kill $api 2>/dev/null || true; rm -f "${samples:-}"' EXIT
for _ in $(seq 400); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.3; done
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$api/status"; }
# Memory over the batches: one sample every 5 s, summarised per fifth of the run (flat means the last fifth is no higher).
samples="$(mktemp)"
sample_rss() { while kill -0 "$api" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$api/status" >>"$samples"; sleep 5; done; }
rss_by_fifth() {
  awk '{ v[NR] = $1 } END { if (NR < 5) { print "too few samples"; exit } for (f = 0; f < 5; f++) { lo = 1e12; hi = 0;
    for (i = int(f * NR / 5) + 1; i <= int((f + 1) * NR / 5); i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i] }
    printf "%s%d-%d", (f ? " | " : ""), lo / 1024, hi / 1024 } print " MB (min-max per fifth, " NR " samples)" }' "$1"
}
# Flush answers after at most the wait timeout with what is still pending: ask again until the log is empty.
drain() {
  local answer left
  while true; do
    answer=$(curl -sf -X POST -H "X-Api-Key: $FOODFAST_API_KEY" "http://127.0.0.1:$port/api/v1/admin/ingestion/flush") || { echo "flush failed" >&2; return 1; }
    left=$(echo "$answer" | grep -o '"pending":[0-9]*' | cut -d: -f2)
    [ "$left" = 0 ] && return 0
    echo "  (${left:-?} still in the ingest log, flushing on)" >&2
  done
}
bench() { dotnet bench/FoodFast.Analytics.Bench/bin/Release/net10.0/FoodFast.Analytics.Bench.dll "$@"; }

echo "ingestion benchmark, N=$n, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), api env: ${FF_BENCH_API_ENV:-default}"
echo "api rss at start: $(rss)"
warmup="${FF_BENCH_WARMUP:-50000}"
if [ "$warmup" -gt 0 ]; then
  bench post-events "$warmup" "http://127.0.0.1:$port" 1000 2 | sed 's/^api-batch/warm-up/'
  drain
fi
copy=$(bench copy-events "$n" "$db"); echo "$copy"
start=$(date +%s.%N)
: >"$samples"; sample_rss & sampler=$!
cpu_before="$(mktemp)"; bench/cpu-by-process.sh snapshot "$cpu_before"
TIMEFORMAT="%U %S"; client_cpu=$( { time bench post-events "$n" "http://127.0.0.1:$port" 1000 2 >"$cpu_before.out"; } 2>&1 )
batch=$(cat "$cpu_before.out"); echo "$batch"
client_end=$(date +%s.%N)
accepted=$(echo "$client_end - $start" | bc)
# Who used the two cores while the batches were accepted (the indexer runs meanwhile; the load client is a process too).
cpu_report="while accepting: $(bench/cpu-by-process.sh report "$cpu_before" "$accepted" | sed 's/^cpu by process: //'), load client $(echo "$client_cpu" | awk -v s="$accepted" '{printf "%.1f s (%.2f cores)", $1 + $2, ($1 + $2) / s}')"
drain
# Indexed = the client's own sending time (its start-up left out, as in the accepted rate) + what the log took to drain after.
indexed=$(echo "$(echo "$batch" | awk '{print $(NF-4)}') + $(date +%s.%N) - $client_end" | bc)
echo "$cpu_report"
rm -f "$cpu_before" "$cpu_before.out"
echo "api-batch until indexed: $n events in $(printf '%.2f' "$indexed") s = $(echo "$n / $indexed" | bc) events/s"
kill "$sampler" 2>/dev/null || true
echo "api rss after batches: $(rss)"
echo "api rss during batches: $(rss_by_fifth "$samples")"
copy_rate=$(echo "$copy" | awk '{print $(NF-1)}'); batch_rate=$(echo "$batch" | awk '{print $(NF-1)}')
echo "ratio api-batch/copy (accepted): $(echo "scale=2; $batch_rate / $copy_rate" | bc)"
echo "ratio api-batch/copy (indexed):  $(echo "scale=2; ($n / $indexed) / $copy_rate" | bc)"
# The single-event path has code of its own (tiered JIT): an unmeasured round first, as for the batches.
wrk -t2 -c32 -d"${FF_BENCH_SINGLE_WARMUP:-20}"s -s bench/single-event.lua "http://127.0.0.1:$port" | grep '^single:' | sed 's/^single/single warm-up (not measured)/'
wrk -t2 -c32 -d20s --latency -s bench/single-event.lua "http://127.0.0.1:$port" | grep '^single:'
drain
echo "api rss at end: $(rss)"
echo "events stored: $(psql -d ffbench -c 'select count(*) from events')"
