#!/usr/bin/env bash
# Puts the reference API into the image at /app: its sources compiled by tsc in a staging
# copy (npm ci with the lockfile, so the compiler is the pinned one), then the dev
# dependencies pruned, leaving dist/, the production node_modules and package.json.
# Runs on the host's node and npm; the dependencies are plain JavaScript (no native
# addons, no install scripts), so they run unchanged on the image's node. Drops docs.
set -euo pipefail
src=$REPO/reference-api
stage=$(mktemp -d "${TMPDIR:-/tmp}/vendata-api-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp "$src"/package.json "$src"/package-lock.json "$src"/tsconfig.json "$src"/tsconfig.build.json "$stage/"
cp -r "$src/src" "$stage/src"
npm_flags=(--no-audit --no-fund --no-update-notifier --ignore-scripts)
(cd "$stage" && npm ci "${npm_flags[@]}" && node node_modules/typescript/bin/tsc -p tsconfig.build.json && npm prune --omit=dev "${npm_flags[@]}")
rm -f "$stage/node_modules/.package-lock.json"
install -d -m 755 "$ROOTFS/app"
cp -r "$stage/dist" "$stage/node_modules" "$stage/package.json" "$ROOTFS/app/"
# The chart mounts an emptyDir at /app/logs (the root filesystem is read-only).
install -d -m 755 "$ROOTFS/app/logs"
# Readable by any uid, writable by none but root (the pod's root filesystem is read-only anyway).
chown -R 0:0 "$ROOTFS/app"
chmod -R u=rwX,go=rX "$ROOTFS/app"
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
