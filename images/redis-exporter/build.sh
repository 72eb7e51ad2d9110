#!/usr/bin/env bash
# /redis_exporter, the official image's entrypoint, as a link to Debian's binary; drops
# the package's service files (no init runs in a container) and docs (keeping copyrights).
set -euo pipefail
ln -s usr/bin/prometheus-redis-exporter "$ROOTFS/redis_exporter"
rm -f "$ROOTFS/etc/init.d/prometheus-redis-exporter" "$ROOTFS/etc/logrotate.d/prometheus-redis-exporter" \
  "$ROOTFS/lib/systemd/system/prometheus-redis-exporter.service"
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
