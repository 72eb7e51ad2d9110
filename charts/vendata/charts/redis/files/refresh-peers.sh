#!/bin/sh
# Rewrites the peers' addresses in a Redis Cluster nodes.conf with what their
# hostnames resolve to now. Without it, a cluster whose pods all came back on new
# addresses never heals: every node keeps dialling its peers' old addresses.
# Peers whose names do not resolve yet are retried for a few seconds, then kept as
# they are (gossip corrects them once any peer reaches them).
# Usage: refresh-peers.sh /path/to/nodes.conf
set -eu
nodes_conf=$1
[ -s "$nodes_conf" ] || exit 0

# Resolve in the address family of this pod.
family=ahostsv4
case ${POD_IP:-} in *:*) family=ahostsv6 ;; esac

# Field 2 is ip:port@cport[,hostname[,aux=value...]] (7.0 and 7.2 alike).
peers=$(awk '$3 !~ /myself/ && NF >= 8 { split($2, a, ","); if (a[2] != "" && a[2] !~ /=/) print a[2] }' "$nodes_conf")

deadline=$(($(date +%s) + 10))
mapping=""
for host in $peers; do
  while :; do
    ip=$(getent "$family" "$host" | awk '{ print $1; exit }')
    if [ -n "$ip" ] || [ "$(date +%s)" -ge "$deadline" ]; then break; fi
    sleep 1
  done
  if [ -n "$ip" ]; then mapping="$mapping $host=$ip"; else echo "refresh-peers: $host does not resolve, keeping its address"; fi
done
[ -n "$mapping" ] || exit 0

awk -v mapping="$mapping" '
  BEGIN {
    n = split(mapping, pairs, " ")
    for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); address[kv[1]] = kv[2] }
  }
  $3 !~ /myself/ && NF >= 8 {
    split($2, a, ",")
    if ((a[2] in address) && match(a[1], /:[0-9]+@[0-9]+$/)) {
      $2 = address[a[2]] substr(a[1], RSTART) substr($2, length(a[1]) + 1)
    }
  }
  { print }
' "$nodes_conf" > "$nodes_conf.refreshed"
mv "$nodes_conf.refreshed" "$nodes_conf"
echo "refresh-peers: peers now at$mapping"
