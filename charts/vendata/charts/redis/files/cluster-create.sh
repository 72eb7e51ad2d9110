#!/bin/sh
# Forms the Redis Cluster; a Helm hook Job runs it after every install and upgrade.
# - No node belongs to a cluster yet: create it from every node, with
#   REDIS_CLUSTER_REPLICAS replicas per master.
# - Some nodes are not in the cluster yet (the StatefulSet grew, or a pod lost its
#   volume): each joins as a replica of a master short of replicas, else as a new
#   master, and the slots are then rebalanced onto the new masters.
# - Every node is in the cluster: nothing changes.
# - Nodes that hold keys but belong to no cluster (a standalone or sentinel Redis that
#   this upgrade turned into cluster nodes): first form the cluster from empty nodes,
#   copy the keys into it from the node that has the most, then empty those nodes so
#   they join like new ones (README, "Moving to cluster mode"). Without enough empty
#   nodes for the masters: stop, and say so.
# - Nodes that hold slots but are not in one cluster: stop, and say so.
# Inputs (environment): REDIS_NODES (pod hostnames, in ordinal order), REDIS_PORT,
# REDIS_CLUSTER_REPLICAS, REDISCLI_AUTH.
set -eu

cli() { redis-cli --no-auth-warning "$@"; }
address() { printf '%s:%s\n' "$1" "$REDIS_PORT"; }
cluster_info() { timeout 5 redis-cli --no-auth-warning -h "$1" -p "$REDIS_PORT" cluster info 2>/dev/null | tr -d '\r'; }
# One field of CLUSTER INFO on a node, or a failure when the node does not answer (a pod
# restarting under the Job): callers assign it first, so that the Job stops, and its next
# try starts over, rather than take "no answer" for "no other node" or "no keys".
info_field() {
  value=$(cluster_info "$1" | sed -n "s/^$2://p")
  if [ -z "$value" ]; then echo "$1 does not answer CLUSTER INFO ($2): stopping; the Job's next try starts over" >&2; return 1; fi
  echo "$value"
}

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

keys_of() {
  value=$(cli -h "$1" -p "$REDIS_PORT" dbsize 2>/dev/null | tr -d '\r')
  case $value in
    ''|*[!0-9]*) echo "$1 does not answer DBSIZE: stopping; the Job's next try starts over" >&2; return 1 ;;
  esac
  echo "$value"
}

# Nodes that hold keys and know no other node: data from before cluster mode.
data_outside_cluster() {
  for node in $REDIS_NODES; do
    known=$(info_field "$node" cluster_known_nodes)
    keys=$(keys_of "$node")
    if [ "$known" -eq 1 ] && [ "$keys" -gt 0 ]; then echo "$node"; fi
  done
}

# Nodes that know no other node and hold neither slots nor keys.
empty_nodes() {
  for node in $REDIS_NODES; do
    known=$(info_field "$node" cluster_known_nodes)
    slots=$(info_field "$node" cluster_slots_assigned)
    keys=$(keys_of "$node")
    if [ "$known" -eq 1 ] && [ "$slots" -eq 0 ] && [ "$keys" -eq 0 ]; then echo "$node"; fi
  done
}

# Moves the keys of the nodes in $1 (standalone or sentinel data) into a cluster formed
# from empty nodes. redis-cli imports only from a non-cluster server, so the keys go
# through a temporary redis-server in this pod, loaded from the fullest node's RDB. The
# old nodes are emptied only once the cluster holds every key; a run cut short is safe
# to repeat (the copy replaces keys of the same name).
move_data_into_cluster() {
  source="" most=0
  for node in $1; do
    n=$(keys_of "$node")
    if [ "$n" -gt "$most" ]; then source=$node most=$n; fi
  done
  masters=$(( $(echo "$REDIS_NODES" | wc -w) / (REDIS_CLUSTER_REPLICAS + 1) ))
  seed=""
  for node in $REDIS_NODES; do
    known=$(info_field "$node" cluster_known_nodes)
    if [ "$known" -gt 1 ]; then seed=$node; break; fi
  done
  if [ -z "$seed" ]; then
    empty=$(empty_nodes)
    fresh=$(echo "$empty" | head -n "$masters" | tr '\n' ' ')
    if [ "$(echo "$fresh" | wc -w)" -lt "$masters" ] || [ "$masters" -lt 3 ]; then
      echo "Redis holds $most keys from before cluster mode (on $(echo "$1" | tr '\n' ' '| sed 's/ $//'))," >&2
      echo "but only $(echo "$fresh" | wc -w) nodes are empty and the cluster needs $masters masters (at least 3) to start from." >&2
      echo "Nothing was changed. Follow the redis chart README, \"Moving to cluster mode\", or raise cluster.nodes." >&2
      exit 1
    fi
    echo "forming the cluster from the empty nodes $fresh to move the data of $source into it"
    # shellcheck disable=SC2046 # one host:port argument per node
    cli --cluster create $(for node in $fresh; do address "$node"; done) --cluster-replicas 0 --cluster-yes
    seed=${fresh%% *}
    wait_until_consistent "$seed"
  fi

  echo "copying $most keys of $source into the cluster"
  dir=/tmp/migration
  mkdir -p "$dir"
  rm -f "$dir/dump.rdb"
  cli -h "$source" -p "$REDIS_PORT" --rdb "$dir/dump.rdb"
  # Reachable only from this pod; no password, so the import needs none for its source.
  redis-server --bind 127.0.0.1 --port 6390 --dir "$dir" --dbfilename dump.rdb --appendonly no --save "" &
  copy=$!
  trap 'kill "$copy" 2>/dev/null || true' EXIT
  local_cli() { env -u REDISCLI_AUTH redis-cli -h 127.0.0.1 -p 6390 "$@"; }
  until [ "$(local_cli ping 2>/dev/null | tr -d '\r')" = PONG ]; do sleep 1; done
  copied=$(local_cli dbsize | tr -d '\r')
  cli --cluster import "$(address "$seed")" --cluster-from 127.0.0.1:6390 --cluster-copy --cluster-replace
  in_cluster=0
  for node in $REDIS_NODES; do
    known=$(info_field "$node" cluster_known_nodes)
    if [ "$known" -gt 1 ] && cli -h "$node" -p "$REDIS_PORT" role | head -n 1 | grep -q master; then
      keys=$(keys_of "$node")
      in_cluster=$((in_cluster + keys))
    fi
  done
  if [ "$in_cluster" -lt "$copied" ]; then
    echo "the cluster holds $in_cluster keys after copying $copied: the old nodes keep theirs; inspect and run the Job again" >&2
    exit 1
  fi
  kill "$copy"
  trap - EXIT
  for node in $1; do
    echo "emptying $node so that it joins the cluster"
    cli -h "$node" -p "$REDIS_PORT" flushall >/dev/null
    cli -h "$node" -p "$REDIS_PORT" cluster reset hard >/dev/null
  done
  echo "moved $copied keys into the cluster"
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
    until cluster_info "$node" | grep -qx cluster_state:ok; do sleep 1; done
  done
}

# The Job runs beside the StatefulSet's rollout: wait until every node answers in cluster
# mode (a pod of the previous revision, standalone or sentinel, runs with it off).
for node in $REDIS_NODES; do
  until timeout 5 redis-cli --no-auth-warning -h "$node" -p "$REDIS_PORT" info cluster 2>/dev/null | tr -d '\r' | grep -qx cluster_enabled:1; do
    echo "waiting for $node to answer in cluster mode"
    sleep 2
  done
done

outside=$(data_outside_cluster)
if [ -n "$outside" ]; then move_data_into_cluster "$outside"; fi

members=""
newcomers=""
for node in $REDIS_NODES; do
  known=$(info_field "$node" cluster_known_nodes)
  slots=$(info_field "$node" cluster_slots_assigned)
  if [ "$known" -gt 1 ] || [ "$slots" -gt 0 ]; then
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
