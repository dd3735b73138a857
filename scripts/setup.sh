#!/usr/bin/env bash
# One-command set-up on a fresh Debian/Ubuntu machine: system packages for PDF rendering (when run as
# root and missing), the Python package with its test tools, then the 2023-07-27 packet.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui
              fonts-ipaexfont poppler-utils)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: install these for PDF rendering: sudo apt-get install ${missing[*]}" >&2
  fi
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
packetgen build 2023-07-27
