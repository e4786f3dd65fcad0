#!/usr/bin/env bash
# One-shot of docker compose: with Elasticsearch security on, sets the password of the built-in
# kibana_system user (Kibana refuses to connect as the elastic superuser). With security off, nothing to do.
set -euo pipefail
if [ "${ES_SECURITY_ENABLED:-false}" != "true" ]; then
  echo "[elasticsearch-setup] security is off: nothing to set up"
  exit 0
fi
url="${ELASTICSEARCH_URL:-http://elasticsearch:9200}"
for attempt in $(seq 30); do
  if curl -fsS -u "elastic:${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is required when ES_SECURITY_ENABLED=true}" \
      -X POST "$url/_security/user/kibana_system/_password" \
      -H 'Content-Type: application/json' \
      -d "{\"password\":\"${KIBANA_SYSTEM_PASSWORD:?KIBANA_SYSTEM_PASSWORD is required}\"}" >/dev/null; then
    echo "[elasticsearch-setup] kibana_system password set"
    exit 0
  fi
  echo "[elasticsearch-setup] attempt $attempt failed; retrying in 2 s" >&2
  sleep 2
done
echo "[elasticsearch-setup] could not set the kibana_system password" >&2
exit 1
