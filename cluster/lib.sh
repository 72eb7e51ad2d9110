# Shared facts of the local cluster: paths, versions, network constants, process helpers.
# Sourced by the other cluster/*.sh scripts (and read by src/cluster/kube.ts through bash).
# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this file

CLUSTER_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$CLUSTER_SCRIPTS/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=versions.env
source "$CLUSTER_SCRIPTS/versions.env"

# Built binaries live outside the clone so that other clones and CI runs reuse them.
CACHE=${VENDATA_CACHE:-$HOME/.cache/vendata}
BIN_ROOT=$CACHE/cluster/bin

# Per-clone state (git-ignored): certificates, configuration, logs, PIDs, etcd, volumes.
CLUSTER_DIR=$REPO/.cluster
STATE=$CLUSTER_DIR/state
PIDS=$CLUSTER_DIR/pids
LOGS=$CLUSTER_DIR/logs
PKI=$CLUSTER_DIR/pki
CONF=$CLUSTER_DIR/conf
KUBECONFIG_FILE=$CLUSTER_DIR/kubeconfig
# Sockets and runtime state must be on a short path (unix socket names are limited to 108 bytes).
RUN_DIR=/run/vendata-cluster
CONTAINERD_SOCK=$RUN_DIR/containerd/containerd.sock

# One private bridge for pods and the node; nothing on it is routed off the machine.
BRIDGE=vendata0
NODE_IP=10.244.0.1
POD_CIDR=10.244.0.0/24
SERVICE_CIDR=10.96.0.0/16
KUBERNETES_SERVICE_IP=10.96.0.1
DNS_SERVICE_IP=10.96.0.10
APISERVER_PORT=6443
METRICS_SERVER_PORT=10251
NODE_NAME=vendata-node
CLUSTER_DOMAIN=cluster.local
# Image pulls go to this dead local address and fail at once.
DEAD_REGISTRY=http://127.0.0.1:9

# bin_dir <component>: where the build of a component at its pinned version lives.
bin_dir() {
  case "$1" in
    kubernetes) echo "$BIN_ROOT/kubernetes-$KUBERNETES_VERSION" ;;
    etcd) echo "$BIN_ROOT/etcd-$ETCD_VERSION" ;;
    containerd) echo "$BIN_ROOT/containerd-$CONTAINERD_VERSION" ;;
    runc) echo "$BIN_ROOT/runc-$RUNC_VERSION" ;;
    cni) echo "$BIN_ROOT/cni-$CNI_PLUGINS_VERSION" ;;
    coredns) echo "$BIN_ROOT/coredns-$COREDNS_VERSION" ;;
    local_path_provisioner) echo "$BIN_ROOT/local_path_provisioner-$LOCAL_PATH_PROVISIONER_VERSION" ;;
    metrics_server) echo "$BIN_ROOT/metrics_server-$METRICS_SERVER_VERSION" ;;
    *) echo "unknown component: $1" >&2; return 1 ;;
  esac
}

KUBECTL="$(bin_dir kubernetes)/kubectl"
CTR="$(bin_dir containerd)/ctr"

say() { echo "== $*"; }

# Writes stdin to a file only when the content differs: a running kube-proxy exits when
# its config file is written, even with the same content, so cluster:up on a running
# cluster must leave unchanged files alone.
write_file() {
  local tmp
  tmp=$(mktemp "$1.XXXXXX")
  cat > "$tmp"
  chmod 644 "$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv -f "$tmp" "$1"; fi
}
die() { echo "error: $*" >&2; exit 1; }

# is_running <name>: the process recorded in $PIDS/<name>.pid is alive.
is_running() {
  local pid
  [ -f "$PIDS/$1.pid" ] || return 1
  pid=$(cat "$PIDS/$1.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# start_process <name> <command...>: start it in its own session, log to $LOGS/<name>.log,
# record its PID. Does nothing when it already runs.
start_process() {
  local name=$1; shift
  if is_running "$name"; then return 0; fi
  mkdir -p "$PIDS" "$LOGS"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

# stop_process <name>: TERM the recorded PID, KILL it after 10 s, forget it.
stop_process() {
  local name=$1 pid i
  [ -f "$PIDS/$name.pid" ] || return 0
  pid=$(cat "$PIDS/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$PIDS/$name.pid"
}

# wait_until <seconds> <what> <command...>: poll the command every 0.5 s.
wait_until() {
  local seconds=$1 what=$2 i; shift 2
  for i in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "$what not ready after $seconds s (logs in $LOGS)"
}
