#!/usr/bin/env bash
# /usr/bin/nginx-prometheus-exporter, the official image's entrypoint, as a link to
# Debian's binary; drops the package's service files (no init runs in a container) and
# docs (keeping copyrights).
set -euo pipefail
ln -s prometheus-nginx-exporter "$ROOTFS/usr/bin/nginx-prometheus-exporter"
rm -f "$ROOTFS/etc/init.d/prometheus-nginx-exporter" "$ROOTFS/etc/logrotate.d/prometheus-nginx-exporter" \
  "$ROOTFS/lib/systemd/system/prometheus-nginx-exporter.service"
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
