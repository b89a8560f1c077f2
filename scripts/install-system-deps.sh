#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing:
#   LibreOffice + poppler + CJK fonts for the DOCX layout test, python3-lxml for ../shared/tools/ooxml/validate-docx,
#   chromium, build-essential, python3, libkrb5-dev for the real-VS-Code e2e suites,
#   pandoc and time for `npm run bench`.
# Needs root (CI runs as root); otherwise prints the apt-get command to run.
set -euo pipefail

packages=(libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-dejavu-core python3-lxml
          chromium build-essential python3 libkrb5-dev curl pandoc time)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[system-deps] all Debian packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "[system-deps] missing: ${missing[*]}" >&2
  echo "[system-deps] run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "[system-deps] installing: ${missing[*]}"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
