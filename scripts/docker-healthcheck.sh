#!/usr/bin/env bash
# Container health check of the API: GET <path> on 127.0.0.1:8080 with bash alone (the image has no
# curl or wget); healthy when the answer is 200.
#
#   foodfast-healthcheck [/health/live|/health/ready]
set -euo pipefail
path="${1:-/health/live}"
port="${HEALTHCHECK_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$path" "$port" >&3
status="$(head -1 <&3 | cut -d' ' -f2)"
exec 3<&-
[ "$status" = 200 ] || { echo "GET $path answered ${status:-nothing}" >&2; exit 1; }
