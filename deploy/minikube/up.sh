#!/usr/bin/env bash
# One command for Minikube: start it if needed, enable the ingress addon, build the Tasklog image into it
# (Jib, no Dockerfile), install or upgrade the Helm chart, wait for the rollout and print the URL.
#
#   deploy/minikube/up.sh [extra helm arguments, e.g. --set app.replicaCount=3 -f my-values.yaml]
#
# Settings (environment): MINIKUBE_PROFILE (minikube), NAMESPACE (tasklog), RELEASE (tasklog),
# TASKLOG_HOST (tasklog.local), MINIKUBE_CPUS (4), MINIKUBE_MEMORY (6g),
# IMAGE_BUILD=tar (jib:buildTar + minikube image load; any container runtime) or docker
# (jib:dockerBuild into Minikube's Docker daemon; docker runtime only), SKIP_BUILD=1 to reuse IMAGE_TAG.
# Needs: minikube, kubectl, helm (3 or 4), JDK 17+, Maven, Node 20+ (the dashboard is built too).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
profile="${MINIKUBE_PROFILE:-minikube}"
namespace="${NAMESPACE:-tasklog}"
release="${RELEASE:-tasklog}"
host="${TASKLOG_HOST:-tasklog.local}"
image_build="${IMAGE_BUILD:-tar}"
image_repo="tasklog"
image_tag="${IMAGE_TAG:-dev-$(date +%Y%m%d%H%M%S)}"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "up.sh: '$1' is not installed ($2)" >&2; exit 1; }
}
need minikube "https://minikube.sigs.k8s.io/docs/start/"
need kubectl "https://kubernetes.io/docs/tasks/tools/"
need helm "https://helm.sh/docs/intro/install/"
need mvn "Maven 3.8+"
need java "JDK 17+"

step() { printf '\n==> %s\n' "$*"; }

step "Minikube profile '$profile'"
if ! minikube status -p "$profile" >/dev/null 2>&1; then
  minikube start -p "$profile" --cpus="${MINIKUBE_CPUS:-4}" --memory="${MINIKUBE_MEMORY:-6g}"
fi
kubectl config use-context "$profile" >/dev/null
minikube addons enable ingress -p "$profile"

if [ "${SKIP_BUILD:-0}" = "1" ]; then
  step "Reusing image $image_repo:$image_tag (SKIP_BUILD=1)"
else
  step "Building image $image_repo:$image_tag with Jib ($image_build)"
  cd "$repo"
  if [ "$image_build" = "docker" ]; then
    # Jib talks to Minikube's Docker daemon: the image lands in the cluster, nothing is pushed.
    eval "$(minikube docker-env -p "$profile" --shell bash)"
    mvn -B -ntp -DskipTests -pl app -am package jib:dockerBuild -Djib.to.image="$image_repo:$image_tag"
    eval "$(minikube docker-env -p "$profile" --shell bash --unset)"
  else
    mvn -B -ntp -DskipTests -pl app -am package jib:buildTar -Djib.to.image="$image_repo:$image_tag"
    minikube image load -p "$profile" "$repo/app/target/jib-image.tar"
  fi
fi

step "Installing the chart (release '$release', namespace '$namespace')"
helm upgrade --install "$release" "$repo/deploy/helm/tasklog" \
  --namespace "$namespace" --create-namespace \
  --set image.repository="$image_repo" --set image.tag="$image_tag" --set image.pullPolicy=Never \
  --set ingress.host="$host" \
  --wait --timeout 10m "$@"

deployment="$(kubectl -n "$namespace" get deployment -l "app.kubernetes.io/instance=$release,app.kubernetes.io/component=app" \
  -o jsonpath='{.items[0].metadata.name}')"
kubectl -n "$namespace" rollout status "deployment/$deployment" --timeout=5m

step "Checking it end to end (helm test: health, register, create, list)"
helm test "$release" --namespace "$namespace" --logs || echo "helm test failed: see the output above" >&2

ip="$(minikube ip -p "$profile")"
cat <<DONE

Tasklog is up: http://$host/  (register an account on the sign-in page)
  $host must resolve to the ingress controller. Either add this line to /etc/hosts:
      $ip $host
  or (Docker driver on macOS/Windows) run 'minikube tunnel -p $profile' and map $host to 127.0.0.1.
  Without DNS: kubectl -n $namespace port-forward service/$deployment 8080:80  ->  http://localhost:8080/
Remove it with deploy/minikube/down.sh
DONE
