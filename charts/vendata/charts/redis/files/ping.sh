#!/bin/sh
# Probe of a redis-server or sentinel in this pod. "ready" wants PONG; "alive" also
# accepts LOADING (a large append-only file still being read is not a hung server).
# Usage: ping.sh ready|alive PORT
set -u
reply=$(timeout 4 redis-cli --no-auth-warning -h localhost -p "$2" ping 2>&1 | head -n 1 | tr -d '\r')
case $1:$reply in
  *:PONG | alive:LOADING*) exit 0 ;;
esac
echo "$reply"
exit 1
