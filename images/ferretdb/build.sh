#!/usr/bin/env bash
# The static FerretDB binary from scripts/build-ferretdb.sh (which builds it once into
# ${VENDATA_CACHE:-$HOME/.cache/vendata}/ferretdb-<version>/ and prints its path last) at
# /ferretdb; /state for its SQLite files and state, owned by uid 1000; /tmp for SQLite's
# temporary files.
set -euo pipefail
binary=$(bash "$REPO/scripts/build-ferretdb.sh" | tail -n 1)
[ -x "$binary" ] || { echo "scripts/build-ferretdb.sh gave no binary ($binary)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "ferretdb: needs root (/state is owned by uid 1000; the check below chroots)" >&2; exit 1; }
install -m 755 "$binary" "$ROOTFS/ferretdb"
install -d -m 755 -o 1000 -g 1000 "$ROOTFS/state"
install -d -m 1777 "$ROOTFS/tmp"
# The tree has no loader or libc: the binary must run in it as it is (static Go, CGO off).
chroot "$ROOTFS" /ferretdb --version
