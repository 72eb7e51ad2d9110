#!/usr/bin/env bash
# Links the busybox applets Debian's minimal tree lacks (wget, nc, nslookup, vi, ...) into
# /usr/local/bin; Debian's own sh and coreutils stay. Drops docs (keeping copyrights).
set -euo pipefail
for applet in $("$ROOTFS/usr/bin/busybox" --list); do
  if [ ! -e "$ROOTFS/usr/bin/$applet" ] && [ ! -e "$ROOTFS/usr/sbin/$applet" ]; then
    ln -s /usr/bin/busybox "$ROOTFS/usr/local/bin/$applet"
  fi
done
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
