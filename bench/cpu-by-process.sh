#!/usr/bin/env bash
# CPU time per process kind between two snapshots, to see which process of a benchmark used the cores.
#   bench/cpu-by-process.sh snapshot FILE       record every process's CPU ticks (user + system) into FILE
#   bench/cpu-by-process.sh report FILE SECONDS  print the CPU each kind used since FILE, in seconds and in cores
# Kinds: this run's API (FF_BENCH_API_PID), the bench's listener and producer, this run's postgres (the server on
# FF_PG_PORT and its backends) and redis (the server on FF_REDIS_PORT); any other process by its name, prefixed
# "other-" when it is an API, postgres or redis of another run (a test suite beside the benchmark, say).
set -euo pipefail
listener_pid() { [ -n "${1:-}" ] && ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
snapshot() {
  local postmaster redis
  postmaster=$(listener_pid "${FF_PG_PORT:-}") redis=$(listener_pid "${FF_REDIS_PORT:-}")
  for d in /proc/[0-9]*; do
    stat=$(cat "$d/stat" 2>/dev/null) || continue
    fields=(${stat##*) })  # after "(comm) ": state is field 0, ppid 1, utime 11, stime 12
    cmd=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null) || continue
    pid=${d#/proc/}
    case "$cmd" in
      *FoodFast.Analytics.Api.dll*) [ "$pid" = "${FF_BENCH_API_PID:-$pid}" ] && kind=api || kind=other-api ;;
      *Bench.dll\ live-listen*) kind=listener ;;
      *Bench.dll\ live-produce*) kind=producer ;;
      *postgres*) [ -n "$postmaster" ] && { [ "$pid" = "$postmaster" ] || [ "${fields[1]}" = "$postmaster" ]; } && kind=postgres || kind=other-postgres ;;
      *redis-server*) [ "$pid" = "${redis:-$pid}" ] && kind=redis || kind=other-redis ;;
      *) kind=${stat#*(}; kind=${kind%%)*} ;;
    esac
    echo "$pid ${kind// /_} $((fields[11] + fields[12]))"
  done
}
case "${1:-}" in
  snapshot) snapshot >"$2" ;;
  report)
    hz=$(getconf CLK_TCK)
    snapshot | awk -v hz="$hz" -v secs="$3" '
      NR == FNR { before[$1] = $3; next }
      { used = $3 - ($1 in before ? before[$1] : 0); if (used > 0) cpu[$2] += used }
      END { for (k in cpu) if (cpu[k] / hz >= 0.1) printf "%s %.1f\n", k, cpu[k] / hz }' "$2" - |
      sort -k2 -nr | awk -v secs="$3" '{ printf "%s%s %.1f s (%.2f cores)", (NR > 1 ? ", " : "cpu by process: "), $1, $2, $2 / secs } END { print "" }' ;;
  *) echo "usage: $0 snapshot FILE | report FILE SECONDS" >&2; exit 2 ;;
esac
