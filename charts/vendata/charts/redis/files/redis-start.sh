#!/bin/sh
# Starts redis-server in any mode. The static settings come from redis.conf (the
# ConfigMap); this adds the password and the pod's own name and address, in a copy
# on a memory-backed volume, so the password never appears on a command line.
set -eu
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

umask 077
conf=/tmp/redis.conf
cat /etc/redis/redis.conf > "$conf"
# printf, not echo: sh's echo would read backslashes in the password as escapes.
password=$(quote "$REDIS_PASSWORD")
printf 'requirepass %s\nmasterauth %s\n' "$password" "$password" >> "$conf"

case $REDIS_MODE in
  cluster)
    # Peers are announced by hostname, which survives a pod moving to a new address.
    {
      echo "cluster-announce-hostname $POD_HOSTNAME"
      echo "cluster-announce-ip $POD_IP"
    } >> "$conf"
    # The cluster bus still connects to addresses: after every pod came back on a
    # new one, nodes.conf points at dead addresses. Refresh them from the hostnames.
    sh "$(dirname "$0")/refresh-peers.sh" "$REDIS_DATA_DIR/nodes.conf"
    ;;
  sentinel)
    echo "replica-announce-ip $POD_HOSTNAME" >> "$conf"
    master=$(current_master)
    if [ "$master" != "$POD_HOSTNAME" ]; then
      echo "replicaof $master $REDIS_PORT" >> "$conf"
    fi
    echo "starting as $([ "$master" = "$POD_HOSTNAME" ] && echo master || echo "replica of $master")"
    ;;
esac

exec redis-server "$conf"
