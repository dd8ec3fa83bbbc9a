#!/usr/bin/env bash
# Runs every test: unit, Axon fixture, integration (embedded PostgreSQL + Kafka broker, started by the
# tests themselves), frontend unit tests and browser tests. Needs JDK 17+, Maven, Node 20+.
set -euo pipefail
cd "$(dirname "$0")"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
# Browser tests drive Debian's chromium; installed here (idempotently) when missing.
bash frontend/scripts/ensure-chromium.sh
mvn -B -ntp verify "$@"
