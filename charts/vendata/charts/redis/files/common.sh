# shellcheck shell=sh
# Shared by the start scripts (sourced, not run). Every input comes from the
# container's environment, which the StatefulSet sets.

# A config-file string: the value in double quotes, with \ and " escaped.
quote() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"
}

# The master the sentinels report now (a pod hostname), or nothing when no
# sentinel answers. Asks each pod's sentinel in turn; the first answer wins.
sentinel_master() {
  for node in $REDIS_NODES; do
    reply=$(timeout 3 redis-cli --no-auth-warning -h "$node" -p "$SENTINEL_PORT" \
      sentinel get-master-addr-by-name "$SENTINEL_MASTER_NAME" 2>/dev/null | head -n 1 | tr -d '\r') || true
    # Errors (NOAUTH, connection refused) and nil replies are not hostnames.
    case $reply in
      "" | *[!A-Za-z0-9.:-]*) continue ;;
    esac
    echo "$reply"
    return 0
  done
}

# The master to follow: the sentinels' answer, else pod 0 (the first start).
current_master() {
  master=$(sentinel_master)
  [ -n "$master" ] || master=${REDIS_NODES%% *}
  echo "$master"
}
