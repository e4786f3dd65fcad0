# Shared by start.sh and test.sh: checks for the .NET SDK and the machine tools the service needs.
# shellcheck shell=bash

require_dotnet() {
  if ! command -v dotnet >/dev/null; then
    echo "error: the .NET 10 SDK is not installed (dotnet not on PATH): install dotnet-sdk-10.0 from Microsoft's package repository for Debian (see README.md, \"Setting up a machine\"), then run this again" >&2
    exit 1
  fi
}

# Debian packages the tests and reports use at run time; installed only when running as root.
# Each argument is package:check, where check is a command the package provides, or a shell
# function (such as has_dejavu_fonts) that succeeds when the package is there.
ensure_debian_packages() {
  local missing=() pkg cmd
  for pair in "$@"; do
    pkg="${pair%%:*}" cmd="${pair##*:}"
    if declare -F "$cmd" >/dev/null; then
      "$cmd" || missing+=("$pkg")
    else
      command -v "$cmd" >/dev/null || missing+=("$pkg")
    fi
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

has_dejavu_fonts() { [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; }
has_noto_cjk_fonts() { compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc' >/dev/null; }

# PDF reports print with headless Chromium; the fonts cover German, French and Japanese;
# poppler-utils (pdftotext, pdfinfo, pdftoppm) reads PDFs back in tests.
ensure_report_packages() {
  ensure_debian_packages chromium:chromium fonts-dejavu-core:has_dejavu_fonts \
    fonts-noto-cjk:has_noto_cjk_fonts poppler-utils:pdftotext
}
