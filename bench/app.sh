#!/usr/bin/env bash
# Time to a fully drawn app overview (/app), from a second process: chromium opens the overview of SHOP for 30 days
# RUNS times in fresh browser contexts and waits until every panel is drawn (bench/FoodFast.Analytics.Bench/AppDrawn.cs).
#   cold: each run in another time zone of the same offset (every question new to the query cache);
#   warm: one priming run, then the same view each time (every answer from the cache).
# Beside each: the p50/p99 of the API calls the page made, as the browser timed them. Against a running service:
#   ./scripts/start.sh --sample          (then, in a second terminal)
#   bench/app.sh http://127.0.0.1:8080 "$FOODFAST_API_KEY" shop-de-berlin [RUNS=10]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
url="$1" key="$2" shop="$3" runs="${4:-10}"
# shellcheck source=steal.sh
. bench/steal.sh
dotnet build bench/FoodFast.Analytics.Bench -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
bench() { dotnet bench/FoodFast.Analytics.Bench/bin/Release/net10.0/FoodFast.Analytics.Bench.dll "$@"; }
echo "app overview benchmark, $shop, $runs runs, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in cold warm; do
  steal_mark
  echo "$(bench app-drawn "$url" "$key" "$shop" "$mode" "$runs"), steal $(steal_since) %"
done
