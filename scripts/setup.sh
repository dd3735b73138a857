#!/usr/bin/env bash
# One-command set-up on a fresh Debian/Ubuntu machine: system packages for PDF rendering and the fonts
# of templates/fonts.yaml (when run as root and missing), the fontconfig alias for the Windows name of
# BIZ UD明朝, the Python package with its test tools, then the 2023-07-27 packet.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui
              fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho fontconfig poppler-utils
              chromium python3-uno)  # chromium: the preview page's test opens it in a real browser (headless);
                                     # python3-uno: LibreOffice kept warm between conversions (warm_office.py)
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

# The files name 「BIZ UD明朝 Medium」 as Windows does; Debian calls it 「BIZ UDMincho」. packetgen passes
# the alias to its own LibreOffice runs; installing it lets any program here (LibreOffice opened by
# hand, fc-match) find the font by its Windows name too.
ALIAS=src/packetgen/render/fonts-alias.conf
if [ "$(id -u)" = 0 ]; then FC_DIR=/etc/fonts/conf.d; else FC_DIR="${XDG_CONFIG_HOME:-$HOME/.config}/fontconfig/conf.d"; fi
mkdir -p "$FC_DIR" && cp "$ALIAS" "$FC_DIR/65-packetgen-bizud.conf"
command -v fc-cache >/dev/null && fc-cache -f >/dev/null 2>&1 || true

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
packetgen build 2023-07-27
