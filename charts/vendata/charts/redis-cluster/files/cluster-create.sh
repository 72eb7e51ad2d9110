#!/bin/sh
# Forms the Redis Cluster; a Helm hook Job runs it after every install and upgrade.
# - No node belongs to a cluster yet: create it from every node, with
#   REDIS_CLUSTER_REPLICAS replicas per master.
# - Some nodes are not in the cluster yet (the StatefulSet grew, or a pod lost its
#   volume): each joins as a replica of a master short of replicas, else as a new
#   master, and the slots are then rebalanced onto the new masters.
# - Every node is in the cluster: nothing changes.
# - Nodes that hold slots but are not in one cluster: stop, and say so.
# Inputs (environment): REDIS_NODES (pod hostnames, in ordinal order), REDIS_PORT,
# REDIS_CLUSTER_REPLICAS, REDISCLI_AUTH.
set -eu

cli() { redis-cli --no-auth-warning "$@"; }
address() { printf '%s:%s\n' "$1" "$REDIS_PORT"; }
# One field of CLUSTER INFO on a node.
info_field() { timeout 5 redis-cli --no-auth-warning -h "$1" -p "$REDIS_PORT" cluster info | tr -d '\r' | sed -n "s/^$2://p"; }

# A master (its node id) with fewer than the wanted replicas, if any; failed nodes do not count.
short_master() {
  cli -h "$1" -p "$REDIS_PORT" cluster nodes | awk -v want="$REDIS_CLUSTER_REPLICAS" '
    $3 ~ /fail/ { next }
    $3 ~ /master/ { masters[++n] = $1 }
    $3 ~ /slave/ { replicas[$4]++ }
    END { for (i = 1; i <= n; i++) if (replicas[masters[i]] + 0 < want) { print masters[i]; exit } }'
}

# How many masters hold no slot (just added, or added by a run cut short).
empty_masters() {
  cli -h "$1" -p "$REDIS_PORT" cluster nodes | awk '$3 ~ /master/ && $3 !~ /fail/ && NF < 9 { n++ } END { print n + 0 }'
}

# Until the nodes agree on the configuration and all slots are served.
wait_until_consistent() {
  until cli --cluster check "$(address "$1")" >/dev/null 2>&1; do sleep 1; done
}

# Until the seed sees the node (by id) in its role: the next decision needs it.
wait_until_seen() {
  until cli -h "$1" -p "$REDIS_PORT" cluster nodes | awk -v id="$2" -v role="$3" '
      $1 == id && $3 ~ role && $3 !~ /handshake|noaddr/ { found = 1 } END { exit !found }'; do
    sleep 1
  done
}

# ... and, at the end, until every node reports cluster_state:ok.
wait_until_ok() {
  wait_until_consistent "$1"
  for node in $REDIS_NODES; do
    until [ "$(info_field "$node" cluster_state)" = ok ]; do sleep 1; done
  done
}

for node in $REDIS_NODES; do
  until [ "$(timeout 5 redis-cli --no-auth-warning -h "$node" -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; do
    echo "waiting for $node"
    sleep 2
  done
done

members=""
newcomers=""
for node in $REDIS_NODES; do
  if [ "$(info_field "$node" cluster_known_nodes)" -gt 1 ] || [ "$(info_field "$node" cluster_slots_assigned)" -gt 0 ]; then
    members="${members:+$members }$node"
  else
    newcomers="${newcomers:+$newcomers }$node"
  fi
done

if [ -z "$members" ]; then
  echo "creating the cluster: $newcomers"
  # shellcheck disable=SC2046 # one host:port argument per node
  cli --cluster create $(for node in $newcomers; do address "$node"; done) \
    --cluster-replicas "$REDIS_CLUSTER_REPLICAS" --cluster-yes
  wait_until_ok "${newcomers%% *}"
  echo "cluster created"
  exit 0
fi

seed=${members%% *}
# A member the seed does not know means a creation cut short, or two clusters: do not guess.
known=$(cli -h "$seed" -p "$REDIS_PORT" cluster nodes | awk '{ print $1 }')
for node in $members; do
  id=$(cli -h "$node" -p "$REDIS_PORT" cluster myid | tr -d '\r')
  if ! echo "$known" | grep -qx "$id"; then
    echo "$node holds slots or knows other nodes, but is not in the cluster of $seed:" >&2
    echo "a creation was cut short, or these are two clusters. Inspect with redis-cli --cluster check," >&2
    echo "repair with redis-cli --cluster fix; this Job does not guess." >&2
    exit 1
  fi
done

if [ -z "$newcomers" ] && [ "$(empty_masters "$seed")" -eq 0 ]; then
  echo "every node is in the cluster already: nothing to do"
  cli --cluster check "$(address "$seed")"
  exit 0
fi

wait_until_consistent "$seed"
added=""
for node in $newcomers; do
  id=$(cli -h "$node" -p "$REDIS_PORT" cluster myid | tr -d '\r')
  added="${added:+$added }$id"
  master=$(short_master "$seed")
  # Every node joins as an empty master; a replica then follows its master, retried
  # until the new node has heard of that master through gossip.
  echo "adding $node ${master:+as a replica of $master}"
  cli --cluster add-node "$(address "$node")" "$(address "$seed")"
  wait_until_seen "$seed" "$id" master
  if [ -n "$master" ]; then
    # redis-cli exits 0 on an error reply: look at the reply.
    until [ "$(cli -h "$node" -p "$REDIS_PORT" cluster replicate "$master" 2>&1 | tr -d '\r')" = OK ]; do sleep 1; done
    wait_until_seen "$seed" "$id" slave
  fi
  wait_until_consistent "$seed"
done
if [ "$(empty_masters "$seed")" -gt 0 ]; then
  # A master that has not yet heard of a new node refuses to move slots to it
  # ("ERR Unknown node"): wait until gossip has told every node about every new one.
  for node in $REDIS_NODES; do
    for id in $added; do wait_until_seen "$node" "$id" "master|slave"; done
  done
  echo "moving slots to the new masters"
  cli --cluster rebalance "$(address "$seed")" --cluster-use-empty-masters
fi
wait_until_ok "$seed"
echo "cluster grown: $newcomers"
