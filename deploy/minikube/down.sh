#!/usr/bin/env bash
# Removes what up.sh installed.
#
#   deploy/minikube/down.sh            uninstall the release (data volumes and generated Secrets are kept,
#                                      so a later up.sh finds the same database and signing key)
#   deploy/minikube/down.sh --purge    also delete the namespace: volumes, database password, JWT key
#   deploy/minikube/down.sh --stop     ... and stop Minikube afterwards (combine with --purge if wanted)
#
# Settings (environment): MINIKUBE_PROFILE (minikube), NAMESPACE (tasklog), RELEASE (tasklog).
set -euo pipefail

profile="${MINIKUBE_PROFILE:-minikube}"
namespace="${NAMESPACE:-tasklog}"
release="${RELEASE:-tasklog}"
purge=0
stop=0
for arg in "$@"; do
  case "$arg" in
    --purge) purge=1 ;;
    --stop) stop=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "down.sh: unknown argument '$arg' (use --purge, --stop)" >&2; exit 2 ;;
  esac
done

if ! minikube status -p "$profile" >/dev/null 2>&1; then
  echo "Minikube profile '$profile' is not running: nothing to remove."
  exit 0
fi
kubectl config use-context "$profile" >/dev/null

if helm status "$release" --namespace "$namespace" >/dev/null 2>&1; then
  helm uninstall "$release" --namespace "$namespace" --wait
else
  echo "Release '$release' is not installed in namespace '$namespace'."
fi

if [ "$purge" = "1" ]; then
  kubectl delete namespace "$namespace" --ignore-not-found --wait=true
  echo "Namespace '$namespace' deleted (volumes and Secrets included)."
else
  echo "Kept in namespace '$namespace': volumes (kubectl get pvc) and the generated Secrets; --purge removes them."
fi

if [ "$stop" = "1" ]; then
  minikube stop -p "$profile"
fi
