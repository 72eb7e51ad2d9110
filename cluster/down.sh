#!/usr/bin/env bash
# npm run cluster:down [-- --purge]: stops every process cluster:up started, by PID.
# --purge also removes the cluster's state (etcd, volumes, images), network rules and mounts.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

purge=false
case "${1:-}" in
  "") ;;
  --purge) purge=true ;;
  *) die "usage: cluster/down.sh [--purge]" ;;
esac

for p in metrics-server local-path-provisioner coredns kube-proxy kubelet; do stop_process "$p"; done

# The pods' processes: every PID in the kubelet's cgroups, then the shims that ran them.
pods=$(find /sys/fs/cgroup/pids/kubepods -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u || true)
shim="$(bin_dir containerd)/containerd-shim-runc-v2"
shims=$(for exe in /proc/[0-9]*/exe; do
  [ "$(readlink "$exe" 2>/dev/null)" = "$shim" ] && basename "$(dirname "$exe")"
done || true)
if [ -n "$pods$shims" ]; then
  # shellcheck disable=SC2086 # one PID per word
  kill -KILL $pods $shims 2>/dev/null || true
  echo "stopped $(echo "$pods" "$shims" | wc -w) container processes"
fi

for p in containerd kube-scheduler kube-controller-manager kube-apiserver etcd; do stop_process "$p"; done

# Mounts left by containers and pods (rootfs, shm, secret volumes): nothing uses them now.
unmount_under() {
  findmnt -rn -o TARGET | grep -E "^($1)(/|$)" | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
}
unmount_under "$RUN_DIR|$STATE"

if $purge; then
  bash "$CLUSTER_SCRIPTS/network.sh" down
  rm -rf "$CLUSTER_DIR" "$RUN_DIR"
  echo "purged: state, network rules and mounts of the local cluster are gone"
fi
