#!/usr/bin/env bash
# Before/after in one sitting: runs one benchmark script alternately in a worktree of REV (before) and in this checkout
# (after), ROUNDS times each, so both see the same machine. The two sides use their own private Postgres and Redis
# ports, and their own data folders under each tree's .local/.
#   bench/compare.sh REV ROUNDS SCRIPT [ARGS...]     e.g. bench/compare.sh 3dbd67e 3 live.sh 1000 500 20
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="$1" rounds="$2" script="$3"; shift 3
before="$repo/.local/compare-$(git -C "$repo" rev-parse --short "$rev")"
[ -d "$before" ] || git -C "$repo" worktree add -q --detach "$before" "$rev"
# A revision with the app needs its files built: until the app page tolerated their absence, such a service failed to start.
if [ -x "$before/scripts/build-app.sh" ]; then (cd "$before" && scripts/build-app.sh >/dev/null); fi
for round in $(seq "$rounds"); do
  for side in before after; do
    if [ "$side" = before ]; then dir="$before" offset=10; else dir="$repo" offset=0; fi
    echo "=== round $round $side ($(git -C "$dir" rev-parse --short HEAD)) $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "$dir" && FF_BENCH_PG_PORT=$((55460 + offset)) FF_BENCH_REDIS_PORT=$((56460 + offset)) "bench/$script" "$@")
  done
done
