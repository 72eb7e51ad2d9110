#!/usr/bin/env bash
# Builds every component of the local cluster from the Go module proxy at the versions in
# versions.env, into $VENDATA_CACHE/cluster/bin/<component>-<version>/ (reused when present).
# Usage: cluster/build.sh [component ...]   (default: all)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

ALL=(kubernetes etcd containerd runc cni coredns local_path_provisioner metrics_server)
SRC_ROOT=$CACHE/cluster/src
export GOFLAGS="-buildvcs=false -mod=mod" GOTOOLCHAIN=local GOWORK=off

# module_dir <module@version>: a writable copy of a module's source (for modules that
# `go install` refuses because of replace directives or a vendor/ folder).
module_copy() {
  local dir dest=$2
  dir=$(go mod download -json "$1" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || die "go mod download $1 gave no source folder"
  rm -rf "$dest"; cp -r "$dir" "$dest"; chmod -R u+w "$dest"; rm -rf "$dest/vendor"
}

# wrapper_module <dir> <module path> <requirement>: a fresh module that requires one other.
wrapper_module() {
  rm -rf "$1"; mkdir -p "$1"
  printf 'module %s\n\ngo 1.24\n\nrequire %s\n' "$2" "$3" > "$1/go.mod"
}

build_kubernetes() {
  local out=$1 src=$SRC_ROOT/kubernetes v=$KUBERNETES_VERSION gomod pkg=k8s.io/component-base/version
  local minor=${v#*.}; minor=${minor%%.*}
  wrapper_module "$src" vendata.local/cluster-kubernetes "k8s.io/kubernetes v$v"
  # k8s.io/kubernetes points its ~31 staging modules at ./staging: use their releases instead.
  gomod=$(go mod download -json "k8s.io/kubernetes@v$v" | sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')
  grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$gomod" | awk '{print $1}' | while read -r m; do
    echo "replace $m => $m v0.${v#1.}" >> "$src/go.mod"
  done
  printf 'package main\n' > "$src/doc.go"
  # Built from the module, the binaries would report v0.0.0-master; stamp the real version.
  local flags="-s -w" p
  for p in $pkg k8s.io/client-go/pkg/version; do
    flags="$flags -X $p.gitVersion=v$v -X $p.gitMajor=1 -X $p.gitMinor=$minor"
    flags="$flags -X $p.gitTreeState=clean -X $p.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  done
  (cd "$src" && go build -ldflags "$flags" -o "$out/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubelet \
    k8s.io/kubernetes/cmd/kube-proxy k8s.io/kubernetes/cmd/kubectl)
}

build_etcd() {
  local out=$1 src=$SRC_ROOT/etcd
  wrapper_module "$src" vendata.local/cluster-etcd "go.etcd.io/etcd/server/v3 v$ETCD_VERSION"
  printf 'package main\n\nimport (\n\t"os"\n\n\t"go.etcd.io/etcd/server/v3/etcdmain"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n' > "$src/main.go"
  (cd "$src" && go build -ldflags "-s -w" -o "$out/etcd" .)
}

build_containerd() {
  local out=$1 m=github.com/containerd/containerd/v2
  GOBIN=$out go install -ldflags "-s -w -X $m/version.Version=v$CONTAINERD_VERSION" \
    -tags "no_btrfs urfave_cli_no_docs" "$m/cmd/containerd@v$CONTAINERD_VERSION" "$m/cmd/ctr@v$CONTAINERD_VERSION"
  CGO_ENABLED=0 GOBIN=$out go install -ldflags "-s -w" "$m/cmd/containerd-shim-runc-v2@v$CONTAINERD_VERSION"
}

build_runc() {
  local out=$1 src=$SRC_ROOT/runc
  module_copy "github.com/opencontainers/runc@v$RUNC_VERSION" "$src"
  (cd "$src" && go mod edit -dropreplace github.com/opencontainers/selinux &&
    go build -tags seccomp -ldflags "-s -w -X main.version=$RUNC_VERSION" -o "$out/runc" .)
}

build_cni() {
  local out=$1 m=github.com/containernetworking/plugins/plugins v=v$CNI_PLUGINS_VERSION
  GOBIN=$out go install -ldflags "-s -w" "$m/main/bridge@$v" "$m/main/loopback@$v" "$m/ipam/host-local@$v" "$m/meta/portmap@$v"
}

build_coredns() {
  local out=$1 src=$SRC_ROOT/coredns c=github.com/coredns/coredns
  wrapper_module "$src" vendata.local/cluster-coredns "$c v$COREDNS_VERSION"
  # Only the plugins the cluster's Corefile uses (the full set pulls every cloud SDK),
  # listed in CoreDNS's own directive order.
  cat > "$src/main.go" <<GO
package main

import (
	"$c/core/dnsserver"
	"$c/coremain"
	_ "$c/plugin/bind"
	_ "$c/plugin/cache"
	_ "$c/plugin/errors"
	_ "$c/plugin/health"
	_ "$c/plugin/kubernetes"
	_ "$c/plugin/log"
	_ "$c/plugin/ready"
)

func init() {
	dnsserver.Directives = []string{"bind", "ready", "health", "errors", "log", "cache", "kubernetes"}
}

func main() { coremain.Run() }
GO
  (cd "$src" && go build -ldflags "-s -w" -o "$out/coredns" .)
}

build_local_path_provisioner() {
  local out=$1 src=$SRC_ROOT/local-path-provisioner
  module_copy "github.com/rancher/local-path-provisioner@v$LOCAL_PATH_PROVISIONER_VERSION" "$src"
  (cd "$src" && go build -ldflags "-s -w" -o "$out/local-path-provisioner" .)
}

build_metrics_server() {
  local out=$1 src=$SRC_ROOT/metrics-server
  module_copy "sigs.k8s.io/metrics-server@v$METRICS_SERVER_VERSION" "$src"
  (cd "$src" && go build -ldflags "-s -w" -o "$out/metrics-server" ./cmd/metrics-server)
}

command -v go >/dev/null || die "go is needed to build the cluster (apt-get install golang, or Go 1.24+)"
components=("$@"); [ ${#components[@]} -gt 0 ] || components=("${ALL[@]}")
mkdir -p "$BIN_ROOT" "$SRC_ROOT"
# One build at a time per cache (another clone may be building into it).
exec 9>"$BIN_ROOT/.build.lock"
flock 9
all_start=$(date +%s)
for c in "${components[@]}"; do
  dir=$(bin_dir "$c")
  if [ -d "$dir" ]; then say "$c: cached in $dir"; continue; fi
  say "$c: building"
  start=$(date +%s)
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
  "build_$c" "$dir.tmp"
  mv "$dir.tmp" "$dir"   # only a complete build is ever seen as cached
  say "$c: built in $(( $(date +%s) - start )) s"
done
say "cluster binaries ready in $(( $(date +%s) - all_start )) s"
