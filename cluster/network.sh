#!/usr/bin/env bash
# The cluster's network: one private bridge for the node and its pods, the service range
# routed onto it, and no way off the machine for pod traffic.
# Usage: cluster/network.sh up | down
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"

CHAIN=VENDATA-NO-EGRESS

network_up() {
  if command -v modprobe >/dev/null; then modprobe br_netfilter 2>/dev/null || true; fi
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip -4 addr show dev "$BRIDGE" | grep -q "inet $NODE_IP/" || ip addr add "$NODE_IP/24" dev "$BRIDGE"
  sysctl -qw "net.ipv6.conf.$BRIDGE.disable_ipv6=1" || true
  ip link set "$BRIDGE" up
  # The host reaches ClusterIPs from its bridge address (kube-proxy DNATs them).
  ip route replace "$SERVICE_CIDR" dev "$BRIDGE" src "$NODE_IP"
  # Pods reach ClusterIPs through the host, and bridged traffic must see kube-proxy's rules.
  sysctl -qw net.ipv4.ip_forward=1
  sysctl -qw net.bridge.bridge-nf-call-iptables=1 || die "br_netfilter is not loaded (modprobe br_netfilter)"
  # No egress: forwarding between the bridge and any other interface is dropped both ways.
  iptables -w -t mangle -N "$CHAIN" 2>/dev/null || true
  iptables -w -t mangle -F "$CHAIN"
  iptables -w -t mangle -A "$CHAIN" -i "$BRIDGE" -o "$BRIDGE" -j RETURN
  iptables -w -t mangle -A "$CHAIN" -i "$BRIDGE" -j DROP
  iptables -w -t mangle -A "$CHAIN" -o "$BRIDGE" -j DROP
  iptables -w -t mangle -C FORWARD -j "$CHAIN" 2>/dev/null || iptables -w -t mangle -I FORWARD -j "$CHAIN"
}

network_down() {
  if iptables -w -t mangle -C FORWARD -j "$CHAIN" 2>/dev/null; then
    iptables -w -t mangle -D FORWARD -j "$CHAIN"
  fi
  iptables -w -t mangle -F "$CHAIN" 2>/dev/null || true
  iptables -w -t mangle -X "$CHAIN" 2>/dev/null || true
  # kube-proxy's, the kubelet's (KUBE-*) and the portmap plugin's (CNI-*) chains.
  local proxy table chain
  proxy="$(bin_dir kubernetes)/kube-proxy"
  if [ -x "$proxy" ]; then "$proxy" --cleanup >/dev/null 2>&1 || true; fi
  for table in nat filter mangle; do
    for chain in $(iptables -w -t "$table" -S 2>/dev/null | awk '$1 == "-N" && $2 ~ /^(KUBE|CNI)-/ {print $2}'); do
      # Rules that jump to it first, then the chain itself.
      iptables -w -t "$table" -S | awk -v c="$chain" '$1 == "-A" && $0 ~ ("-j " c "( |$)")' | sed 's/^-A/-D/' |
        while read -r rule; do eval "iptables -w -t $table $rule" || true; done
      iptables -w -t "$table" -F "$chain" || true
    done
    for chain in $(iptables -w -t "$table" -S 2>/dev/null | awk '$1 == "-N" && $2 ~ /^(KUBE|CNI)-/ {print $2}'); do
      iptables -w -t "$table" -X "$chain" || true
    done
  done
  ip route del "$SERVICE_CIDR" dev "$BRIDGE" 2>/dev/null || true
  if ip link show "$BRIDGE" >/dev/null 2>&1; then ip link del "$BRIDGE"; fi
}

case "${1:-}" in
  up) network_up ;;
  down) network_down ;;
  *) die "usage: cluster/network.sh up | down" ;;
esac
