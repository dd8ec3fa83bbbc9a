#!/usr/bin/env bash
# Idempotent: makes sure Debian's chromium is at /usr/bin/chromium (the browser of the Playwright tests, playwright.config.ts).
set -euo pipefail
exec bash "$(dirname "$0")/../../scripts/ensure-debian-package.sh" /usr/bin/chromium chromium
