#!/bin/sh
# preStop of a cluster node: a master hands its slots to its replica before it stops
# (CLUSTER FAILOVER on the replica, which first catches up with the master), so that
# deleting or rolling a master's pod pauses writes for a moment instead of
# cluster-node-timeout plus an election. Nothing to do on a replica or without a
# healthy replica; gives up after 10 s and lets the pod stop as it would have.
set -u
cli() { timeout 5 redis-cli --no-auth-warning "$@"; }
role() { cli -h localhost -p "$REDIS_PORT" role | head -n 1 | tr -d '\r'; }

[ "$(role)" = master ] || exit 0
me=$(cli -h localhost -p "$REDIS_PORT" cluster myid | tr -d '\r')
# Field 2 of CLUSTER NODES is ip:port@busport[,hostname]: prefer the hostname.
replica=$(cli -h localhost -p "$REDIS_PORT" cluster nodes | awk -v me="$me" '
  $3 ~ /slave/ && $3 !~ /fail/ && $4 == me {
    n = split($2, parts, ",")
    if (n > 1 && parts[2] != "") print parts[2]; else { split(parts[1], addr, ":"); print addr[1] }
    exit
  }')
[ -n "$replica" ] || exit 0
echo "handing the slots over to $replica"
cli -h "$replica" -p "$REDIS_PORT" cluster failover >/dev/null || exit 0
tries=0
while [ "$tries" -lt 20 ]; do
  [ "$(role)" = slave ] && exit 0
  sleep 0.5
  tries=$((tries + 1))
done
echo "the replica did not take over within 10 s; stopping anyway"
