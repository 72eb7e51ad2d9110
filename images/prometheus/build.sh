#!/usr/bin/env bash
# prometheus and promtool from scripts/build-prometheus.sh (which builds them once into
# ${VENDATA_CACHE:-$HOME/.cache/vendata}/prometheus-<version>-<build>/ and prints that
# directory last) at /bin, as in the official image; the release's example config at
# /etc/prometheus/prometheus.yml (the chart mounts its own there); /prometheus for the
# TSDB, owned by nobody (65534) and group-writable like the official image's.
set -euo pipefail
dir=$(bash "$REPO/scripts/build-prometheus.sh" | tail -n 1)
if [ ! -x "$dir/prometheus" ] || [ ! -x "$dir/promtool" ]; then
  echo "scripts/build-prometheus.sh gave no binaries ($dir)" >&2
  exit 1
fi
[ "$(id -u)" = 0 ] || { echo "prometheus: needs root (/prometheus is owned by uid 65534; the checks below chroot)" >&2; exit 1; }
install -d -m 755 "$ROOTFS/bin" "$ROOTFS/etc/prometheus"
install -m 755 "$dir/prometheus" "$dir/promtool" "$ROOTFS/bin/"
install -m 644 -o 65534 -g 65534 "$dir/prometheus.yml" "$ROOTFS/etc/prometheus/prometheus.yml"
install -m 644 "$dir/LICENSE" "$dir/NOTICE" "$ROOTFS/"
install -d -m 775 -o 65534 -g 65534 "$ROOTFS/prometheus"
# The tree has no loader or libc: the binaries must run in it as they are (static Go).
chroot "$ROOTFS" /bin/prometheus --version
chroot "$ROOTFS" /bin/promtool check config /etc/prometheus/prometheus.yml
