#!/usr/bin/env bash
# The chart's offline checks (run by `mvn verify` in this module's test phase, or by hand):
#   helm lint --strict (defaults and every ci/*-values.yaml), bad values rejected by values.schema.json,
#   helm template of each value set -> every document validated against the Kubernetes schemas and
#   Tasklog's policies (checks/check-rendered.mjs), and shellcheck on the deploy scripts.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$module/../.." && pwd)"
chart="$module/tasklog"
out="$module/target/rendered"
helm="$(bash "$module/scripts/ensure-helm.sh")"
export KUBECONFIG="$module/target/no-cluster.kubeconfig" # never talk to a cluster (or to localhost:8080)
export HELM_CACHE_HOME="$module/target/helm/cache" HELM_CONFIG_HOME="$module/target/helm/config" HELM_DATA_HOME="$module/target/helm/data"
mkdir -p "$out"
: >"$KUBECONFIG"

echo "== helm lint --strict ($("$helm" version --short))"
"$helm" lint --strict "$chart"
for values in "$chart"/ci/*-values.yaml; do
  "$helm" lint --strict "$chart" -f "$values"
done

echo "== values.schema.json rejects bad values"
bad_values=(
  "app.replicaCount=0"
  "config.security.jwtSecret=too-short"
  "config.kafka.taskEventsPartitions=0"
  "config.stream.retention=1d"
  "config.web.maxRequestBody=lots"
  "tracing.enabled=true"
  "postgresql.external.enabled=true"
  "kafka.external.enabled=true"
  "ingress.tls.enabled=true"
  "app.resources.limits=null"
  "unknownSetting=1"
)
for set in "${bad_values[@]}"; do
  if "$helm" template tasklog "$chart" --set "$set" >/dev/null 2>"$out/bad-values.err"; then
    echo "values.schema.json accepted bad value: $set" >&2
    exit 1
  fi
  grep -q "schema" "$out/bad-values.err" || { cat "$out/bad-values.err" >&2; exit 1; }
done
echo "rejected ${#bad_values[@]} bad value sets"

echo "== helm template"
"$helm" template tasklog "$chart" --namespace tasklog >"$out/default.yaml"
for values in "$chart"/ci/*-values.yaml; do
  name="$(basename "$values" -values.yaml)"
  "$helm" template tasklog "$chart" --namespace tasklog -f "$values" >"$out/$name.yaml"
done

echo "== NOTES.txt (helm install --dry-run=client)"
for values in "" "$chart"/ci/*-values.yaml; do
  notes="$("$helm" install tasklog "$chart" --namespace tasklog --dry-run=client ${values:+-f "$values"} | sed -n '/^NOTES:/,$p')"
  for expected in "Open the dashboard" "Register one" "helm test tasklog"; do
    grep -q "$expected" <<<"$notes" || { echo "NOTES.txt (${values:-defaults}) lacks '$expected':" >&2; echo "$notes" >&2; exit 1; }
  done
done
echo "NOTES.txt rendered for every value set"

echo "== Kubernetes schemas and policies"
(
  cd "$module/checks"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --prefer-offline --loglevel=error
  fi
  node check-rendered.mjs --self-test
  node check-rendered.mjs "$out"/*.yaml
)

echo "== shellcheck"
if bash "$repo/scripts/ensure-debian-package.sh" shellcheck shellcheck; then
  shellcheck --version | sed -n 2p
  shellcheck -x "$repo"/deploy/minikube/*.sh "$module"/scripts/*.sh "$repo"/scripts/*.sh "$repo"/app/src/jib/*.sh \
    "$repo"/frontend/scripts/*.sh "$repo"/test.sh "$repo"/.ci/run
  echo "shellcheck passed"
else
  echo "shellcheck could not be installed: deploy scripts NOT checked" >&2
  exit 1
fi
