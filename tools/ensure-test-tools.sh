#!/usr/bin/env bash
# Installs the Debian packages the system tests drive (Chromium and its driver, SoftHSM2 and OpenSC for
# the card, zbar for decoding QR codes, OpenSSL as an outside PKI and TLS tool, NSS's certutil to make Chromium
# trust the development TLS CA, haproxy as the local cluster's balancer, a CJK font so that screenshots show the
# portal's Traditional Chinese) when they are missing.
set -euo pipefail
declare -A wanted=([chromium]=chromium [chromedriver]=chromium-driver [softhsm2-util]=softhsm2
                   [pkcs11-tool]=opensc [zbarimg]=zbar-tools [openssl]=openssl [curl]=curl
                   [certutil]=libnss3-tools [haproxy]=haproxy)
missing=()
for tool in "${!wanted[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${wanted[$tool]}")
done
if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }; then
  missing+=(fonts-wqy-microhei)
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "Test tools present: ${!wanted[*]}"
  exit 0
fi
echo "Installing missing test tools: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
if ! $sudo true 2>/dev/null; then
  echo "Cannot install ${missing[*]}: run as root or with password-less sudo, or install them by hand." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
