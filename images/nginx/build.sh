#!/usr/bin/env bash
# Puts nginx 1.30.4 into the image, laid out as the chart expects: `nginx` on PATH, its
# config at /etc/nginx/nginx.conf (with mime.types beside it), logs to stdout/stderr.
# build-nginx.sh takes only a prefix, which the binary keeps: it is built once at
# /opt/nginx (in a mount namespace where a cache directory is mounted over /opt, so the
# host's /opt is untouched) and kept under $VENDATA_CACHE, keyed by the script's hash.
set -euo pipefail
script=$REPO/../shared/tools/build-nginx.sh
if [ ! -f "$script" ]; then
  echo "missing $script: the nginx 1.30.4 build script (and ../shared/vendor) beside the repository" >&2
  exit 1
fi
cache=${VENDATA_CACHE:-$HOME/.cache/vendata}/nginx-$(sha256sum "$script" | cut -c1-16)
if [ ! -x "$cache/nginx/sbin/nginx" ]; then
  rm -rf "$cache.tmp"
  mkdir -p "$cache.tmp"
  # shellcheck disable=SC2016 # the inner bash expands them
  unshare -m bash -c 'mount --bind "$1" /opt && bash "$2" /opt/nginx' _ "$cache.tmp" "$script"
  rm -rf "$cache"
  mv "$cache.tmp" "$cache"
fi

nginx=$ROOTFS/opt/nginx
cp -a "$cache/nginx" "$nginx"
# The compiled-in config path is /opt/nginx/conf/nginx.conf: make it /etc/nginx/nginx.conf.
mkdir -p "$ROOTFS/etc/nginx"
rm "$nginx"/conf/*.default
mv "$nginx"/conf/* "$ROOTFS/etc/nginx/"
cp "$(dirname "$0")/nginx.conf" "$ROOTFS/etc/nginx/nginx.conf"
rmdir "$nginx/conf"
ln -s /etc/nginx "$nginx/conf"
# nginx opens its compiled-in error log before it reads the config (the root is read-only).
ln -sf /dev/stderr "$nginx/logs/error.log"
ln -sf /dev/stdout "$nginx/logs/access.log"
ln -s /opt/nginx/sbin/nginx "$ROOTFS/usr/sbin/nginx"
chroot "$ROOTFS" groupadd --system --gid 101 nginx
chroot "$ROOTFS" useradd --system --uid 101 --gid 101 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin nginx
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*
