#!/usr/bin/env bash
# Builds and runs the sample-data generator (src/FoodFast.Analytics.SampleData). Every option passes through:
#
#   scripts/generate-sample-data.sh                          # 3 shops, 30 days, into the service on :8080
#   scripts/generate-sample-data.sh --target file --out data # orders.ndjson + events.ndjson into data/
#   scripts/generate-sample-data.sh --help                   # every option and its default
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
. "$repo/scripts/lib.sh"
require_dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The service writes its admin key here on first start; an explicit FOODFAST_API_KEY or --api-key wins.
if [ -z "${FOODFAST_API_KEY:-}" ] && [ -f "$repo/.local/admin-api-key" ]; then
  FOODFAST_API_KEY="$(cat "$repo/.local/admin-api-key")"
  export FOODFAST_API_KEY
fi

project="$repo/src/FoodFast.Analytics.SampleData"
if ! build_log="$(dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
# Not cd'ing into the repo: --out paths stay relative to where the user is.
exec dotnet "$project/bin/Release/net10.0/foodfast-sample-data.dll" "$@"
