#!/usr/bin/env bash
# Idempotent: makes sure Debian's chromium is at /usr/bin/chromium (used by e2e/run.mjs).
set -euo pipefail
exec bash "$(dirname "$0")/../../scripts/ensure-debian-package.sh" /usr/bin/chromium chromium
