#!/usr/bin/env bash
# Sets up and runs the whole test suite: private test Postgres and Redis (their own ports and data
# folder, so a running start.sh is never touched), a Release build, then every test project.
#
#   ./scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Health]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=lib.sh
. scripts/lib.sh
require_dotnet
ensure_report_packages

export FF_DATA_DIR="${FF_TEST_DATA_DIR:-$repo/.local/test}"
export FF_PG_PORT="${FF_TEST_PG_PORT:-55433}"
export FF_REDIS_PORT="${FF_TEST_REDIS_PORT:-56380}"
# Test data is thrown away: skip the disk flushes that make a small machine wait.
export FF_PG_FSYNC=off FF_PG_SYNC_COMMIT=off
scripts/services.sh start

export FOODFAST_TEST_POSTGRES="Host=127.0.0.1;Port=$FF_PG_PORT;Username=postgres;Database=postgres"
export FOODFAST_TEST_REDIS="127.0.0.1:$FF_REDIS_PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$repo/.local/test-results"
rm -rf "$results"
scripts/build-app.sh
echo "[test] building"
dotnet build FoodFast.Analytics.sln -c Release -nologo -clp:ErrorsOnly
echo "[test] running tests"
status=0
dotnet test FoodFast.Analytics.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

# One plain summary line over every test project, read from the TRX files.
sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
total=$(sum total) passed=$(sum passed) failed=$(sum failed) executed=$(sum executed)
skipped=$((total - executed))
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
# The failures again, last, so the tail of a long CI log names them.
if [ "$failed" -gt 0 ]; then
  grep -ho '<UnitTestResult [^>]*outcome="Failed"' "$results"/*.trx | grep -o 'testName="[^"]*"' | sed 's/^testName="/  failed: /; s/"$//'
fi
if [ "$total" -eq 0 ]; then echo "error: no test ran" >&2; exit 1; fi
exit "$status"
