#!/bin/sh
# preStop of redis-server in sentinel mode: a master asks a sentinel of another pod for a
# failover (SENTINEL FAILOVER promotes a replica, then turns this server into its
# replica), so that rolling or deleting the master's pod pauses writes for a moment
# instead of down-after-milliseconds plus an election, and clients asking the sentinels
# find the new master at once. This pod's own sentinel is stopping too, so it is not
# asked. Nothing to do on a replica, or when no sentinel can fail over (no replica in
# sync: NOGOODSLAVE); gives up after 10 s and lets the pod stop as it would have.
set -u
cli() { timeout 5 redis-cli --no-auth-warning "$@"; }
[ "$(cli -h localhost -p "$REDIS_PORT" role | head -n 1 | tr -d '\r')" = master ] || exit 0
asked=""
for node in $REDIS_NODES; do
  [ "$node" = "$POD_HOSTNAME" ] && continue
  if [ "$(cli -h "$node" -p "$SENTINEL_PORT" sentinel failover "$SENTINEL_MASTER_NAME" | tr -d '\r')" = OK ]; then
    asked=$node
    break
  fi
done
[ -n "$asked" ] || { echo "no sentinel could fail over; stopping anyway"; exit 0; }
echo "the sentinel of $asked is handing the master role over"
# Done when the sentinels name the new master: clients that ask them (and reconnect when
# this server stops) go there. The sentinels turn this server into a replica a few
# seconds later (their next INFO round); it is stopping anyway.
tries=0
while [ "$tries" -lt 20 ]; do
  master=$(cli -h "$asked" -p "$SENTINEL_PORT" sentinel get-master-addr-by-name "$SENTINEL_MASTER_NAME" | head -n 1 | tr -d '\r')
  if [ -n "$master" ] && [ "$master" != "$POD_HOSTNAME" ]; then
    echo "$master is the master now"
    exit 0
  fi
  sleep 0.5
  tries=$((tries + 1))
done
echo "no replica took over within 10 s; stopping anyway"
