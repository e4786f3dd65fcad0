#!/usr/bin/env bash
# Live-feed benchmark: CLIENTS WebSocket clients across 10 shops (one process) while RATE orders/s are ingested
# (another process) for SECONDS; delivery latency p50/p99 from ingest request to receipt, and the API's CPU and memory.
# The API runs as its own process on a fresh database of a private Postgres/Redis (ports 55451/56451; FF_BENCH_PG_PORT,
# FF_BENCH_REDIS_PORT, FF_BENCH_DATA_DIR and FF_BENCH_API_PORT (8091) pick another private instance and API port).
# FF_BENCH_API_ENV passes runtime settings to the API (e.g. "DOTNET_PerfMapEnabled=1" for `perf record`).
# FF_BENCH_TRACE=file.nettrace also samples the API's thread stacks while producing (dotnet-trace, installed with
# `dotnet tool install -g dotnet-trace`; read it with `dotnet-trace report file.nettrace topN` or as speedscope).
# FF_BENCH_WARMUP (seconds, default 15) is an unmeasured round first, with the same clients and rate.
#   bench/live.sh [CLIENTS] [RATE] [SECONDS]     defaults 1000 500 30
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
clients="${1:-1000}" rate="${2:-500}" seconds="${3:-30}"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true  # 1,000 clients need as many sockets on each side
export FF_DATA_DIR="${FF_BENCH_DATA_DIR:-$repo/.local/bench-live}" FF_PG_PORT="${FF_BENCH_PG_PORT:-55451}" FF_REDIS_PORT="${FF_BENCH_REDIS_PORT:-56451}"
scripts/services.sh start >/dev/null
dotnet build src/FoodFast.Analytics.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/FoodFast.Analytics.Bench -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

psql() { command psql -h 127.0.0.1 -p "$FF_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -d postgres -c "drop database if exists fflive with (force)" -c "create database fflive"
db="Host=127.0.0.1;Port=$FF_PG_PORT;Database=fflive;Username=postgres"
key="bench-admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port="${FF_BENCH_API_PORT:-8091}"
(cd src/FoodFast.Analytics.Api/bin/Release/net10.0 && PORT=$port Postgres__ConnectionString="$db" Redis__Configuration="127.0.0.1:$FF_REDIS_PORT" \
  Redis__KeyPrefix="fflive:$(date +%s):" Security__AdminApiKey="$key" Logging__LogLevel__Default=Warning exec env ${FF_BENCH_API_ENV:-} dotnet FoodFast.Analytics.Api.dll) &
api=$!; export FF_BENCH_API_PID=$api  # bench/cpu-by-process.sh counts this process as the API
ready="$(mktemp)"; rm -f "$ready"
trap 'kill $api 2>/dev/null || true; rm -f "$ready" "$ready.measure"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.3; done
bench() { env ${FF_BENCH_CLIENT_ENV:-} dotnet bench/FoodFast.Analytics.Bench/bin/Release/net10.0/FoodFast.Analytics.Bench.dll "$@"; }
rss() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$api/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$api/stat"; }

echo "live benchmark: $clients clients, $rate orders/s for $seconds s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "api rss at start: $(rss) MB"
measure="$ready.measure"
# One listener for the warm-up and the measured round: it records only what is sent after the time written to $measure.
bench live-listen "http://127.0.0.1:$port" "$key" "$clients" 10 "$((seconds + 8))" "$ready" "$measure" &  # then until quiet
listener=$!
for _ in $(seq 600); do [ -f "$ready" ] && break; sleep 0.2; done
echo "api rss with $clients clients connected: $(rss) MB"
# The producer first runs an unmeasured warm-up round at the same rate, so the figures describe a running service,
# listener and producer rather than ones still compiling their hot paths (tiered JIT: a cold 20 s run was still
# executing tier-0 code in the hub and send loop, and a fresh listener fell seconds behind in its first five seconds).
# When the measured round starts it writes the time to $measure, the listener's cue.
warmup="${FF_BENCH_WARMUP:-15}"
bench live-produce "http://127.0.0.1:$port" "$key" "$rate" "$seconds" 10 "$warmup" "$measure" &
producer=$!
while [ ! -f "$measure" ]; do kill -0 $producer 2>/dev/null || { echo "the producer stopped during the warm-up" >&2; exit 1; }; sleep 0.05; done
if [ "$warmup" -gt 0 ]; then echo "warm-up: $warmup s at $rate orders/s with $clients clients, not measured"; fi
echo "load before producing: $(cut -d' ' -f1-3 /proc/loadavg)"
ticks0=$(cpu_ticks); t0=$(date +%s.%N); peak=0
cpu_before="$(mktemp)"; bench/cpu-by-process.sh snapshot "$cpu_before"
if [ -n "${FF_BENCH_PERF:-}" ]; then  # FF_BENCH_PERF=file: perf samples of the API for 10 s
  (sleep 3; perf record -p "$api" -g -F 999 -o "$FF_BENCH_PERF" -- sleep 10 >/dev/null 2>&1) &
fi
if [ -n "${FF_BENCH_TRACE:-}" ]; then
  PATH="$PATH:$HOME/.dotnet/tools" dotnet-trace collect -p "$api" --profile dotnet-sampled-thread-time --format Speedscope \
    --duration "00:00:00:$(printf '%02d' $((seconds > 12 ? seconds - 6 : seconds)))" -o "$FF_BENCH_TRACE" >/dev/null &
fi
while kill -0 $producer 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sleep 1; done
wait $producer
ticks1=$(cpu_ticks); t1=$(date +%s.%N)
hz=$(getconf CLK_TCK)
echo "api cpu while producing: $(echo "scale=0; 100 * ($ticks1 - $ticks0) / $hz / ($t1 - $t0)" | bc)% of one core (of $(nproc)); peak rss $peak MB"
echo "api cpu time while producing: $(echo "scale=1; ($ticks1 - $ticks0) / $hz" | bc) s; load after producing: $(cut -d' ' -f1-3 /proc/loadavg)"
bench/cpu-by-process.sh report "$cpu_before" "$(echo "$t1 - $t0" | bc)"; rm -f "$cpu_before"
wait $listener
echo "api cpu time until the listener stopped: $(echo "scale=1; ($(cpu_ticks) - $ticks0) / $hz" | bc) s"
# Where the backlog sits: the server's own wait (hub → write to the client), from its histogram, as bucket upper bounds.
curl -sf -H "X-Api-Key: $key" "http://127.0.0.1:$port/metrics" | awk '
  /^foodfast_live_send_delay_seconds_bucket/ { match($0, /le="[^"]+"/); le = substr($0, RSTART + 4, RLENGTH - 5); n++; bound[n] = le; count[n] = $NF }
  END { if (!n) exit; total = count[n]; split("0.5 0.99", qs, " ");
    for (q = 1; q <= 2; q++) for (i = 1; i <= n; i++) if (count[i] >= qs[q] * total) { v[q] = bound[i]; break }
    printf "server: %d writes to clients; oldest message waited p50 <= %s s, p99 <= %s s (hub to write, warm-up included)\n", total, v[1], v[2] }'

