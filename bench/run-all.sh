#!/usr/bin/env bash
# The benchmark suite in a fixed order, each script ROUNDS times in a row (default 3), never two at once, each on
# its own private ports (the scripts' defaults). Prints one table: every headline figure as min / median / max over
# the rounds, with the load average before each round and the host's steal during it. Full outputs stay in
# .local/bench-runs/<UTC time>/ for the README's history.
#
#   bench/run-all.sh [ROUNDS] [SCRIPTS...]     e.g. bench/run-all.sh 3 export ingest
#   scripts: export (200k and 1M rows), ingest (200k events), live (1,000 clients, 500 orders/s), queries (1M orders)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=steal.sh
. bench/steal.sh
rounds="${1:-3}"
shift || true
scripts=("${@:-export ingest live queries}")
read -r -a scripts <<<"${scripts[*]}"
out="$repo/.local/bench-runs/$(date -u +%Y%m%dT%H%MZ)"
mkdir -p "$out"
figures="$out/figures.tsv"  # measure <TAB> value <TAB> unit, one line per round

# name | command | lines to read: "measure|sed expression printing the number|unit"
declare -A commands=(
  [export-200k]="bench/export.sh 200000"
  [export-1m]="bench/export.sh 1000000"
  [ingest]="bench/ingest.sh 200000"
  [live]="bench/live.sh 1000 500 20"
  [queries]="bench/queries.sh 1000000 2000000"
)
declare -A reads=(
  [export-200k]="CSV 200k ÷ COPY, first report|s/^raw_orders csv (first report after start):.*ratio to COPY \([.0-9]*\).*/\1/p|
CSV 200k ÷ COPY, warm|s/^raw_orders csv: .*ratio to COPY \([.0-9]*\).*/\1/p|
XLSX 200k rows/s|s/^raw_orders xlsx: .* = \([0-9]*\) rows\/s.*/\1/p|rows/s
API peak RSS, 200k export|s/^raw_orders xlsx: .*API peak RSS \([0-9]*\) MB.*/\1/p|MB"
  [export-1m]="CSV 1M ÷ COPY, first report|s/^raw_orders csv (first report after start):.*ratio to COPY \([.0-9]*\).*/\1/p|
CSV 1M ÷ COPY, warm|s/^raw_orders csv: .*ratio to COPY \([.0-9]*\).*/\1/p|
XLSX 1M rows/s|s/^raw_orders xlsx: .* = \([0-9]*\) rows\/s.*/\1/p|rows/s
API peak RSS, 1M export|s/^raw_orders xlsx: .*API peak RSS \([0-9]*\) MB.*/\1/p|MB"
  [ingest]="batch accepted ÷ COPY|s/^ratio api-batch\/copy (accepted): *\([.0-9]*\).*/\1/p|
batch indexed ÷ COPY|s/^ratio api-batch\/copy (indexed): *\([.0-9]*\).*/\1/p|
single events req/s|s/^single: .* = \([0-9]*\) requests\/s.*/\1/p|req/s
single events p99|s/^single: .* p99 \([.0-9]*\) ms.*/\1/p|ms"
  [live]="live feed p99|s/^live: .* order messages.*p99 \([.0-9]*\) ms, max.*/\1/p|ms
live feed p50|s/^live: .* order messages.*latency p50 \([.0-9]*\) ms.*/\1/p|ms"
  [queries]="cold dashboard p99, 1M orders|s/^| dashboard |.*| \([.0-9]*\) \/ \([.0-9]*\) ([0-9]*, [0-9]*) |.*/\2/p|ms
cold revenue p99, 1M orders|s/^| revenue |.*| \([.0-9]*\) \/ \([.0-9]*\) ([0-9]*, [0-9]*) |.*/\2/p|ms
cold products p99, 1M orders|s/^| products |.*| \([.0-9]*\) \/ \([.0-9]*\) ([0-9]*, [0-9]*) |.*/\2/p|ms
cold geographic p99, 1M orders|s/^| geographic |.*| \([.0-9]*\) \/ \([.0-9]*\) ([0-9]*, [0-9]*) |.*/\2/p|ms
cold activity p99, 1M orders|s/^| activity |.*| \([.0-9]*\) \/ \([.0-9]*\) ([0-9]*, [0-9]*) |.*/\2/p|ms
cold financial p99, 1M orders|s/^| financial |.*| \([.0-9]*\) \/ \([.0-9]*\) ([0-9]*, [0-9]*) |.*/\2/p|ms"
)
declare -A expand=([export]="export-200k export-1m" [ingest]=ingest [live]=live [queries]=queries)

for script in "${scripts[@]}"; do
  for name in ${expand[$script]:?unknown script $script (export, ingest, live, queries)}; do
    for round in $(seq "$rounds"); do
      log="$out/$name-$round.log"
      load=$(cut -d' ' -f1 /proc/loadavg)
      echo "[bench] $name round $round of $rounds (load $load): ${commands[$name]}" >&2
      steal_mark
      ${commands[$name]} >"$log" 2>&1 || echo "[bench] $name round $round failed: see $log" >&2
      steal=$(steal_since)
      printf '%s\t%s\t%s\t%s\t%s\n' "load before ($name)" "$load" "" "$name" "$round" >>"$figures"
      printf '%s\t%s\t%s\t%s\t%s\n' "steal % ($name)" "$steal" "" "$name" "$round" >>"$figures"
      while IFS='|' read -r measure expression unit; do
        value=$(sed -n "$expression" "$log" | head -1)
        printf '%s\t%s\t%s\t%s\t%s\n' "$measure" "${value:-?}" "$unit" "$name" "$round" >>"$figures"
      done <<<"${reads[$name]}"
    done
  done
done

echo "benchmarks at $(git rev-parse --short HEAD), $(nproc) cores, $rounds rounds each, $(date -u +%Y-%m-%dT%H:%MZ); logs in ${out#"$repo"/}"
echo
echo "| measure | min / median / max | rounds |"
echo "| --- | --- | --- |"
awk -F'\t' '
  { if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } values[$1] = values[$1] " " $2; units[$1] = $3 }
  END {
    for (i = 1; i <= n; i++) {
      m = order[i]; k = split(substr(values[m], 2), v, " "); ok = 1
      for (j = 1; j <= k; j++) if (v[j] !~ /^[0-9.]+$/) ok = 0
      if (!ok) { printf "| %s | %s (a round printed no figure) | %d |\n", m, values[m], k; continue }
      for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (v[b] + 0 < v[a] + 0) { t = v[a]; v[a] = v[b]; v[b] = t }
      printf "| %s | %s / %s / %s %s | %d |\n", m, v[1], v[int((k + 1) / 2)], v[k], units[m], k
    }
  }' "$figures"
