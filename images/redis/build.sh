#!/usr/bin/env bash
# Fits Debian's redis to what the chart runs: the redis user and group become 999 (the
# chart's runAsUser and fsGroup, as in the official image), redis-sentinel is on PATH
# (a symlink, as in the official image: redis-server reads its argv[0]). Drops docs.
set -euo pipefail
old_uid=$(chroot "$ROOTFS" id -u redis)
old_gid=$(chroot "$ROOTFS" id -g redis)
chroot "$ROOTFS" groupmod -g 999 redis
chroot "$ROOTFS" usermod -u 999 -g 999 redis
# usermod re-owns only the home directory (/var/lib/redis): also /etc/redis, /var/log/redis.
find "$ROOTFS" -xdev -uid "$old_uid" -exec chown -h 999 {} +
find "$ROOTFS" -xdev -gid "$old_gid" -exec chgrp -h 999 {} +
ln -s redis-server "$ROOTFS/usr/bin/redis-sentinel"
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
