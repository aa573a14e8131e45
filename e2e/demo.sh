#!/usr/bin/env bash
# The main job: brings up a hub and three data centers (Toronto, Chicago, Washington) as real
# Kubernetes control planes on 127.0.0.1, installs the failover.dev API and the examples into
# the hub, and prints where everything is. `e2e/demo.sh stop` tears it all down.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
work=${FAILOVER_DEMO_WORK:-$repo/e2e/work/demo}
log=$work.log # beside, not inside: the testbed owns its directory
testbed() { bash e2e/scripts/testbed.sh "$@"; }
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ "${1:-}" = "stop" ]; then
  testbed stop --work "$work"
  exit 0
fi

bash e2e/scripts/prerequisites.sh
say "Testbed binaries (the first run builds Kubernetes from source: about 10 minutes on 2 cores)"
bin=$(bash e2e/scripts/testbed-binaries.sh | tail -n 1)
kubectl() { "$bin/kubectl" "$@"; }

say "Building the operator and the testbed (mvn package)"
mvn -B -q -ntp -DskipTests -Dtestbed.bin="$bin" package

if testbed status --work "$work" >/dev/null 2>&1; then
  say "A demo is already running in $work; stopping it first"
  testbed stop --work "$work"
fi
mkdir -p "$work"
rm -f "$work/testbed.env"
say "Starting the hub and three data centers, one after another"
FAILOVER_TESTBED_BIN="$bin" nohup bash e2e/scripts/testbed.sh start --work "$work" \
  --dc hub,toronto,chicago,washington >"$log" 2>&1 &
testbed_pid=$!
until [ -f "$work/testbed.env" ]; do
  if ! kill -0 "$testbed_pid" 2>/dev/null; then
    echo "The testbed failed to start; its log:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 1
done
# shellcheck disable=SC1091
. "$work/testbed.env"
hub=$TESTBED_HUB_KUBECONFIG

say "Installing the failover.dev CRDs into the hub"
kubectl --kubeconfig "$hub" apply --server-side -f crds/ >/dev/null
kubectl --kubeconfig "$hub" wait --for=condition=Established crd --all --timeout=60s >/dev/null
kubectl --kubeconfig "$hub" get crd -o custom-columns=CRD:.metadata.name,KIND:.spec.names.kind | grep failover.dev

say "Registering each data center's kubeconfig as a Secret in the hub"
kubectl --kubeconfig "$hub" create namespace failover-system --dry-run=client -o yaml |
  kubectl --kubeconfig "$hub" apply -f - >/dev/null
for dc in toronto chicago washington; do
  var="TESTBED_${dc^^}_PROXIED_KUBECONFIG"
  kubectl --kubeconfig "${!var}" config view --raw --flatten --minify >"$work/$dc.flat.kubeconfig"
  kubectl --kubeconfig "$hub" -n failover-system create secret generic "dc-$dc" \
    --from-file=kubeconfig="$work/$dc.flat.kubeconfig" --dry-run=client -o yaml |
    kubectl --kubeconfig "$hub" apply -f - >/dev/null
  echo "secret failover-system/dc-$dc -> ${!var}"
done

say "Applying the examples (exclusion-window.yaml is a scenario of its own: it takes Chicago out of service)"
for f in examples/*.yaml; do
  [ "$(basename "$f")" = exclusion-window.yaml ] && continue
  kubectl --kubeconfig "$hub" apply --server-side -f "$f" | sed "s|^|$(basename "$f"): |"
done

say "What is in the hub"
kubectl --kubeconfig "$hub" get datacenters
kubectl --kubeconfig "$hub" get saasriders,paasriders,iaasriders,failoverpolicies -A

cat <<EOT

$(sed -n '1,200p' "$log" | grep -v '^\[' || true)

The demo is up. Everything lives in $work; your ~/.kube/config is untouched.
  kubectl for the hub:   $bin/kubectl --kubeconfig $hub get datacenters
  a data center:         $bin/kubectl --kubeconfig $TESTBED_TORONTO_KUBECONFIG get nodes
  testbed log:           $log
Stop everything:         e2e/demo.sh stop
EOT
