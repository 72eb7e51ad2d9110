#!/usr/bin/env bash
# Checks what the local cluster needs from the machine, naming the fix for each gap.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || die "the local cluster runs as root (it creates a bridge, iptables rules and mounts)"
missing=""
for tool in iptables ip openssl curl findmnt setsid debootstrap gcc pkg-config; do
  command -v "$tool" >/dev/null || missing="$missing $tool"
done
[ -z "$missing" ] || die "missing:$missing (apt-get install iptables iproute2 openssl curl util-linux debootstrap gcc pkg-config libseccomp-dev; .ci/run installs them)"
[ -f /usr/include/seccomp.h ] || die "runc needs libseccomp (apt-get install libseccomp-dev)"
for c in memory pids cpu; do
  [ -d "/sys/fs/cgroup/$c" ] || die "cgroup v1 controller $c is not mounted at /sys/fs/cgroup/$c"
done
for port in 2379 2380; do
  if ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && ! is_running etcd; then
    die "port $port is taken by another process (another clone's cluster? one cluster per machine: run its cluster:down)"
  fi
done
