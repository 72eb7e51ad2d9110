#!/bin/sh
# Starts a sentinel that watches the current master (or pod 0 on the first start).
# Sentinel rewrites its own config, so it gets a fresh one on a writable volume.
set -eu
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

umask 077
master=$(current_master)
password=$(quote "$REDIS_PASSWORD")
name=$SENTINEL_MASTER_NAME
cat > /tmp/sentinel.conf <<CONF
port $SENTINEL_PORT
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip $POD_HOSTNAME
requirepass $password
sentinel sentinel-pass $password
sentinel monitor $name $master $REDIS_PORT $SENTINEL_QUORUM
sentinel auth-pass $name $password
sentinel down-after-milliseconds $name $SENTINEL_DOWN_AFTER_MS
sentinel failover-timeout $name $SENTINEL_FAILOVER_TIMEOUT_MS
sentinel parallel-syncs $name 1
CONF
echo "watching $master"
exec redis-sentinel /tmp/sentinel.conf
