#!/usr/bin/env bash
# The page busybox httpd serves and its start script, for any uid. Drops docs (keeping copyrights).
set -euo pipefail
install -D -m 644 "$(dirname "$0")/index.html" "$ROOTFS/srv/www/index.html"
install -m 755 "$(dirname "$0")/httpd.sh" "$ROOTFS/usr/local/bin/httpd.sh"
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
