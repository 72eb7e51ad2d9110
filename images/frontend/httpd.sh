#!/bin/sh
# busybox httpd sets no SIGTERM handler, and PID 1 ignores signals it does not handle:
# this shell stops it on TERM, so the pod ends at once, not after its grace period.
trap 'kill "$pid"; exit 0' TERM INT
busybox httpd -f -v -p 5173 -h /srv/www &
pid=$!
wait "$pid"
