#!/usr/bin/env bash
# Idempotent: makes sure shellcheck is installed (Debian's package; needs root or sudo when missing).
set -euo pipefail
if command -v shellcheck >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y shellcheck
  exit 0
fi
if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo DEBIAN_FRONTEND=noninteractive apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y shellcheck
  exit 0
fi
echo "ensure-shellcheck: shellcheck is missing and this user is not root." >&2
echo "Install it with: sudo apt-get update && sudo apt-get install -y shellcheck" >&2
exit 1
