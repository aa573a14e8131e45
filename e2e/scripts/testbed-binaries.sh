#!/usr/bin/env bash
# Builds the local data-center testbed's binaries from their Go modules into a cache
# outside the repository, keyed by version, and fetches the external-dns DNSEndpoint CRD
# the same way. Skips whatever is already cached.
# Prints the directory that holds the binaries (symlinks) as its last line; the CRDs are
# in crds/ beside it.
set -euo pipefail

K8S_VERSION=v1.36.3
ETCD_VERSION=v3.6.14
KWOK_VERSION=v0.8.0
HELM_VERSION=v3.22.0
TOXIPROXY_VERSION=v2.5.0
EXTERNAL_DNS_VERSION=v0.19.0
# The metrics API a data center serves, which kwokctl runs per data center (docs/capacity-metrics-recipe.md).
METRICS_SERVER_VERSION=v0.8.0

CACHE=${FAILOVER_TESTBED_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/failover-operator/testbed}
BIN=$CACHE/bin
CRDS=$CACHE/crds
export GOFLAGS="-buildvcs=false"
export CGO_ENABLED=0
# An older distribution Go (Debian pins GOTOOLCHAIN=local) fetches the toolchain a module
# asks for from the Go module proxy.
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}
LDFLAGS_STRIP="-s -w"

log() { echo "[testbed-binaries] $*" >&2; }
have() { for f in "$@"; do [ -x "$f" ] || return 1; done; }

build_kubernetes() {
  local out=$CACHE/kubernetes-$K8S_VERSION
  have "$out/kube-apiserver" "$out/kube-controller-manager" "$out/kube-scheduler" "$out/kubectl" && return
  log "building Kubernetes $K8S_VERSION (kube-apiserver, controller-manager, scheduler, kubectl): about 6 minutes on 2 cores, once"
  local src=$CACHE/src/kubernetes-$K8S_VERSION staging=v0${K8S_VERSION#v1}
  rm -rf "$src" && mkdir -p "$src" "$out.tmp"
  cd "$src"
  go mod init failover.dev/testbed/kubernetes >/dev/null 2>&1
  go mod edit -require=k8s.io/kubernetes@$K8S_VERSION
  local gomod
  gomod=$(go mod download -json k8s.io/kubernetes@$K8S_VERSION | sed -n 's/^\s*"GoMod": "\(.*\)",\?$/\1/p')
  # k8s.io/kubernetes replaces its staging modules with ./staging paths; use the published ones.
  local n=0
  for module in $(sed -n 's#^\s*\(k8s.io/[^ ]*\) => ./staging/.*#\1#p' "$gomod"); do
    go mod edit -replace="$module=$module@$staging"
    n=$((n + 1))
  done
  log "replaced $n staging modules with $staging"
  cat >tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  GOFLAGS="-mod=mod -buildvcs=false" go mod tidy >&2
  # go build is silent for minutes: say that it is still working.
  (while sleep 30; do log "  ... still building ($(($(date +%s) - start)) s so far)"; done) &
  local ticker=$!
  trap "kill $ticker 2>/dev/null" RETURN
  local minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
  local ldflags="$LDFLAGS_STRIP -X k8s.io/component-base/version.gitVersion=$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION"
  for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    log "  go build $cmd"
    go build -tags tools -ldflags "$ldflags" -o "$out.tmp/$cmd" "k8s.io/kubernetes/cmd/$cmd"
  done
  rm -rf "$out" && mv "$out.tmp" "$out"
}

build_etcd() {
  local out=$CACHE/etcd-$ETCD_VERSION
  have "$out/etcd" && return
  log "building etcd $ETCD_VERSION: about 30 seconds, once"
  local src=$CACHE/src/etcd-$ETCD_VERSION
  rm -rf "$src" && mkdir -p "$src" "$out.tmp"
  cd "$src"
  go mod init failover.dev/testbed/etcd >/dev/null 2>&1
  go mod edit -require=go.etcd.io/etcd/server/v3@$ETCD_VERSION
  printf '//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3"\n' >tools.go
  GOFLAGS="-mod=mod -buildvcs=false" go mod tidy >&2
  go build -tags tools -ldflags "$LDFLAGS_STRIP" -o "$out.tmp/etcd" go.etcd.io/etcd/server/v3
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# go install for modules that build as they are published.
install_tool() { # <name> <version> <package@version> <binary name>
  local out=$CACHE/$1-$2
  have "$out/$4" && return
  log "building $1 $2 ($4)"
  mkdir -p "$out"
  GOBIN=$out go install -ldflags "$LDFLAGS_STRIP" "$3"
}

# The operator publishes DNSEndpoints; tests install the CRD external-dns itself ships, so
# they check our records against the real schema. Nothing to build: copy it from the module.
fetch_external_dns_crd() {
  local out=$CACHE/external-dns-$EXTERNAL_DNS_VERSION
  [ -f "$out/dnsendpoints.yaml" ] && return
  log "fetching the DNSEndpoint CRD of external-dns $EXTERNAL_DNS_VERSION"
  local dir
  # Outside any go.mod, so no wrapper module's go.mod or go.sum is touched.
  dir=$(cd "$CACHE" && go mod download -json sigs.k8s.io/external-dns@$EXTERNAL_DNS_VERSION \
    | sed -n 's/^\s*"Dir": "\(.*\)",\?$/\1/p')
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  cp "$dir/config/crd/standard/dnsendpoints.externaldns.k8s.io.yaml" "$out.tmp/dnsendpoints.yaml"
  rm -rf "$out" && mv "$out.tmp" "$out"
}

mkdir -p "$CACHE" "$BIN" "$CRDS"
start=$(date +%s)
build_etcd
install_tool kwok $KWOK_VERSION sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION kwok
install_tool kwok $KWOK_VERSION sigs.k8s.io/kwok/cmd/kwokctl@$KWOK_VERSION kwokctl
install_tool toxiproxy $TOXIPROXY_VERSION github.com/Shopify/toxiproxy/v2/cmd/server@$TOXIPROXY_VERSION server
install_tool helm $HELM_VERSION helm.sh/helm/v3/cmd/helm@$HELM_VERSION helm
install_tool metrics-server $METRICS_SERVER_VERSION sigs.k8s.io/metrics-server/cmd/metrics-server@$METRICS_SERVER_VERSION metrics-server
build_kubernetes
fetch_external_dns_crd

ln -sfn "$CACHE/kubernetes-$K8S_VERSION/kube-apiserver" "$BIN/kube-apiserver"
ln -sfn "$CACHE/kubernetes-$K8S_VERSION/kube-controller-manager" "$BIN/kube-controller-manager"
ln -sfn "$CACHE/kubernetes-$K8S_VERSION/kube-scheduler" "$BIN/kube-scheduler"
ln -sfn "$CACHE/kubernetes-$K8S_VERSION/kubectl" "$BIN/kubectl"
ln -sfn "$CACHE/etcd-$ETCD_VERSION/etcd" "$BIN/etcd"
ln -sfn "$CACHE/kwok-$KWOK_VERSION/kwok" "$BIN/kwok"
ln -sfn "$CACHE/kwok-$KWOK_VERSION/kwokctl" "$BIN/kwokctl"
ln -sfn "$CACHE/metrics-server-$METRICS_SERVER_VERSION/metrics-server" "$BIN/metrics-server"
ln -sfn "$CACHE/toxiproxy-$TOXIPROXY_VERSION/server" "$BIN/toxiproxy-server"
ln -sfn "$CACHE/helm-$HELM_VERSION/helm" "$BIN/helm"
ln -sfn "$CACHE/external-dns-$EXTERNAL_DNS_VERSION/dnsendpoints.yaml" "$CRDS/dnsendpoints.yaml"
log "binaries ready in $BIN ($(($(date +%s) - start)) s)"
echo "$BIN"
