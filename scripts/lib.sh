# Shared by start.sh and test.sh: checks for the .NET SDK and the machine tools the service needs.
# shellcheck shell=bash

require_dotnet() {
  if ! command -v dotnet >/dev/null; then
    echo "error: the .NET 10 SDK is not installed (dotnet not on PATH); install it, then run this again" >&2
    exit 1
  fi
}

# Debian packages the tests and reports use at run time; installed only when running as root.
ensure_debian_packages() {
  local missing=() pkg cmd
  for pair in "$@"; do
    pkg="${pair%%:*}" cmd="${pair##*:}"
    command -v "$cmd" >/dev/null || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" != 0 ]; then
    echo "warning: missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2
    return
  fi
  echo "[setup] installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
