#!/usr/bin/env bash
# Imports the saved objects in kibana/*.ndjson (data views, Lens visualizations, dashboards) into Kibana and
# prints the dashboards' URLs. Needs only bash, curl, grep, sed and coreutils (no jq): it runs in the one-shot
# kibana-setup container, on the Kibana image.
#
#   KIBANA_URL          Kibana to talk to (default http://localhost:5601)
#   KIBANA_PUBLIC_URL   Kibana as a browser reaches it, for the printed URLs (default KIBANA_URL)
#   KIBANA_SPACE        space id (created when missing); empty: the default space
#   KIBANA_API_KEY      "encoded" API key, sent as Authorization: ApiKey ...; or else
#   KIBANA_USERNAME / KIBANA_PASSWORD   basic auth (ignored when Elasticsearch security is off)
#   KIBANA_DIR          folder of the .ndjson files (default: kibana/ next to this script's folder)
#   KIBANA_WAIT_SECONDS how long to wait for Kibana to be available (default 300), polling every
#   KIBANA_POLL_SECONDS (default 5)
set -euo pipefail

kibana_url=${KIBANA_URL:-http://localhost:5601}
kibana_url=${kibana_url%/}
public_url=${KIBANA_PUBLIC_URL:-$kibana_url}
public_url=${public_url%/}
space_path=${KIBANA_SPACE:+/s/$KIBANA_SPACE}
objects_dir=${KIBANA_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/kibana}
wait_seconds=${KIBANA_WAIT_SECONDS:-300}
poll_seconds=${KIBANA_POLL_SECONDS:-5}
response=$(mktemp)
trap 'rm -f "$response"' EXIT

# The credential goes to curl as a config file on a pipe, so it never shows in the process list.
auth_config() {
  if [[ -n ${KIBANA_API_KEY:-} ]]; then
    printf 'header = "Authorization: ApiKey %s"\n' "$KIBANA_API_KEY"
  elif [[ -n ${KIBANA_USERNAME:-} ]]; then
    printf 'header = "Authorization: Basic %s"\n' "$(printf '%s:%s' "$KIBANA_USERNAME" "${KIBANA_PASSWORD:-}" | base64 | tr -d '\n')"
  fi
}

# kibana METHOD PATH [curl args...]: writes the body to $response and prints the HTTP status (000: no answer).
kibana() {
  local method=$1 path=$2
  shift 2
  : >"$response"
  curl -sS -o "$response" -w '%{http_code}' -X "$method" -K <(auth_config) "$@" "$kibana_url$path" 2>/dev/null || true
}

overall_level() {
  local pattern='"overall"[[:space:]]*:[[:space:]]*\{[^{}]*"level"[[:space:]]*:[[:space:]]*"([a-z]+)"'
  [[ $(<"$response") =~ $pattern ]] && printf '%s' "${BASH_REMATCH[1]}"
}

wait_until_available() {
  local deadline=$((SECONDS + wait_seconds)) status level
  while true; do
    status=$(kibana GET /api/status)
    level=$(overall_level || true)
    if [[ $status == 200 && $level == available ]]; then
      echo "Kibana at $kibana_url is available."
      return 0
    fi
    if ((SECONDS >= deadline)); then
      echo "Kibana at $kibana_url is not available after ${wait_seconds}s (last answer: HTTP $status, level '${level:-none}')." >&2
      return 1
    fi
    echo "Waiting for Kibana at $kibana_url (HTTP $status, level '${level:-none}')..."
    sleep "$poll_seconds"
  done
}

# A space that does not exist yet is created (named after its id), so a fresh Kibana needs no manual step.
ensure_space() {
  local space=$1 status
  status=$(kibana GET "/api/spaces/space/$space")
  case $status in
    200) return 0 ;;
    404)
      status=$(kibana POST /api/spaces/space -H 'kbn-xsrf: foodfast' -H 'Content-Type: application/json' \
        --data "{\"id\":\"$space\",\"name\":\"$space\"}")
      if [[ $status == 200 ]]; then
        echo "Created Kibana space '$space'."
        return 0
      fi
      echo "Could not create Kibana space '$space': HTTP $status $(<"$response")" >&2
      return 1
      ;;
    *)
      echo "Could not read Kibana space '$space': HTTP $status $(<"$response")" >&2
      return 1
      ;;
  esac
}

# Prints each dashboard of a successful import as "title<TAB>id". Kibana writes every successResults entry as
# {"type","id","meta":{"title","icon"},"managed","overwrite"?,"destinationId"?,"createNewCopy"?} in that order
# (importSavedObjectsFromStream); an object stored under another id, as in a space where that id is taken,
# carries it as destinationId, which is the id the dashboard's URL needs.
imported_dashboards() {
  local rest title id rest_of_entry
  local entry='\{"type":"dashboard","id":"([^"]+)","meta":\{"title":"(([^"\\]|\\.)*)"[^{}]*\}([^{}]*)\}'
  local destination='"destinationId":"([^"]+)"'
  rest=$(<"$response")
  while [[ $rest =~ $entry ]]; do
    id=${BASH_REMATCH[1]} title=${BASH_REMATCH[2]} rest_of_entry=${BASH_REMATCH[4]}
    rest=${rest#*"${BASH_REMATCH[0]}"}
    [[ $rest_of_entry =~ $destination ]] && id=${BASH_REMATCH[1]}
    printf '%s\t%s\n' "${title//\\\"/\"}" "$id"
  done
}

import_file() {
  local file=$1 status
  status=$(kibana POST "$space_path/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: foodfast' \
    -F "file=@$file;type=application/ndjson")
  if [[ $status != 200 ]]; then
    echo "Import of $(basename "$file") failed: HTTP $status $(<"$response")" >&2
    return 1
  fi
  # Kibana answers 200 even when objects failed: only "success":true means everything landed.
  if ! grep -Eq '"success"[[:space:]]*:[[:space:]]*true' "$response"; then
    local errors
    errors=$(sed -E 's/.*"errors"[[:space:]]*:[[:space:]]*(\[.*\]).*/\1/' "$response")
    echo "Import of $(basename "$file") failed for some objects. Errors: $errors" >&2
    return 1
  fi
  local count
  count=$(grep -Eo '"successCount"[[:space:]]*:[[:space:]]*[0-9]+' "$response" | grep -Eo '[0-9]+$')
  echo "Imported $(basename "$file"): $count objects."
  while IFS=$'\t' read -r title id; do
    echo "  $title: $public_url$space_path/app/dashboards#/view/$id"
  done < <(imported_dashboards)
}

shopt -s nullglob
files=("$objects_dir"/*.ndjson)
if ((${#files[@]} == 0)); then
  echo "No .ndjson files in $objects_dir." >&2
  exit 1
fi
if [[ -n ${KIBANA_SPACE:-} && ! $KIBANA_SPACE =~ ^[a-z0-9_-]+$ ]]; then
  echo "KIBANA_SPACE '$KIBANA_SPACE' is not a space id (lowercase letters, digits, '_' and '-')." >&2
  exit 1
fi
wait_until_available
if [[ -n ${KIBANA_SPACE:-} ]]; then
  ensure_space "$KIBANA_SPACE"
fi
failed=0
for file in "${files[@]}"; do
  import_file "$file" || failed=1
done
exit "$failed"
