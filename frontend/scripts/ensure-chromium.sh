#!/usr/bin/env bash
# Idempotent: makes sure Debian's chromium is at /usr/bin/chromium (the browser of the Playwright tests, playwright.config.ts).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
  exit 0
fi
echo "ensure-chromium: /usr/bin/chromium is missing and this user is not root." >&2
echo "Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
