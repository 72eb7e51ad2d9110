#!/usr/bin/env bash
# Builds container images as OCI image layouts, without a registry or Docker, and imports
# them into the local cluster's containerd when it runs. Recipes: images/<name>/recipe.env
# (format in images/README.md). Built layouts are cached under $CACHE/images/.
# Usage: images/build.sh [--no-import] [name ...]   (default: every image)
set -euo pipefail
IMAGES=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR/../cluster source=../cluster/lib.sh
source "$IMAGES/../cluster/lib.sh"

DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
OUT=$CACHE/images
RECIPE_KEYS=(NAME BASE PACKAGES ENTRYPOINT CMD USER WORKDIR ENV SOURCES STOPSIGNAL)

known_images() {
  local r
  for r in "$IMAGES"/*/recipe.env; do
    if [ -f "$r" ]; then basename "$(dirname "$r")"; fi
  done
}

# load_recipe <name>: the recipe's keys as shell variables (USER from the caller's
# environment must not count as declared), checked.
load_recipe() {
  unset "${RECIPE_KEYS[@]}"
  # shellcheck source=/dev/null
  source "$IMAGES/$1/recipe.env"
  if [ -z "${NAME:-}" ] || [ -z "${BASE:-}" ] || [ -z "${USER:-}" ]; then die "$1/recipe.env must declare NAME, BASE and USER"; fi
  [[ $NAME == vendata.local/*:* ]] || die "$1: NAME must be vendata.local/<repository>:<tag>, not $NAME"
  # Pods run under the restricted Pod Security Standard: a numeric user that is not root.
  [[ $USER =~ ^[0-9]+$ && $USER != 0 ]] || die "$1: USER must be a numeric uid other than 0, not $USER"
  [[ $BASE == scratch || $BASE == debian:* ]] || die "$1: BASE must be scratch or debian:<suite>, not $BASE"
  PACKAGES=${PACKAGES:-} ENTRYPOINT=${ENTRYPOINT:-} CMD=${CMD:-} WORKDIR=${WORKDIR:-/} ENV=${ENV:-} SOURCES=${SOURCES:-} STOPSIGNAL=${STOPSIGNAL:-}
}

# cache_key <name>: hash of the image folder, its SOURCES and the build scripts (paths,
# modes and contents), so any change to them rebuilds the image.
cache_key() {
  local paths=("images/$1" images/build.sh images/oci-layout.mjs) s
  for s in $SOURCES; do
    [ -e "$REPO/$s" ] || die "$1: SOURCES path $s does not exist"
    paths+=("$s")
  done
  (
    cd "$REPO"
    find "${paths[@]}" -type f -printf '%m %p\n' | LC_ALL=C sort
    find "${paths[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  ) | sha256sum | cut -c1-16
}

# logged <log> <command...>: run quietly; on failure show the end of the log.
logged() {
  local log=$1; shift
  if ! "$@" >>"$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "failed: $* (log: $log)"
  fi
}

# base_tarball <suite>: a minimal Debian tree of that suite, debootstrapped once.
base_tarball() {
  local suite=$1 tar=$OUT/base/debian-$1.tar dir
  if [ ! -f "$tar" ]; then
    command -v debootstrap >/dev/null || die "debootstrap is not installed: apt-get install debootstrap"
    say "debootstrap $suite into $tar (once per suite)" >&2
    mkdir -p "$OUT/base"
    dir=$(mktemp -d "$OUT/base/.debootstrap-$suite.XXXXXX")
    logged "$dir.log" debootstrap --variant=minbase "$suite" "$dir" "$DEBIAN_MIRROR"
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*  # downloaded debs and indexes
    tar --sort=name --numeric-owner -C "$dir" -cf "$tar.tmp" .
    mv "$tar.tmp" "$tar"
    rm -rf "$dir" "$dir.log"
  fi
  echo "$tar"
}

# install_packages <rootfs> <log> <package...>: apt-get install inside the tree, leaving
# no apt lists, caches or host files behind. /proc is mounted for maintainer scripts.
install_packages() {
  local root=$1 log=$2; shift 2
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"  # start no services
  chmod 755 "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"
  MOUNTED=$root/proc
  local in_root=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C chroot "$root")
  logged "$log" "${in_root[@]}" apt-get update -q
  logged "$log" "${in_root[@]}" apt-get install -y -q --no-install-recommends "$@"
  logged "$log" "${in_root[@]}" apt-get clean
  umount "$root/proc"
  MOUNTED=
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root/usr/sbin/policy-rc.d" "$root/etc/resolv.conf"
}

# cleanup: never delete a tree while /proc is mounted inside it.
cleanup() {
  if [ -n "${MOUNTED:-}" ]; then umount "$MOUNTED" || { echo "warning: $MOUNTED still mounted, $WORK kept" >&2; return; }; fi
  if [ -n "${WORK:-}" ]; then rm -rf "$WORK"; fi
}

# build <name> <layout>: the root filesystem, its layer, and the OCI layout around it.
build() {
  local name=$1 layout=$2 root base
  WORK=$(mktemp -d "$OUT/.build-$name.XXXXXX")
  trap cleanup EXIT
  root=$WORK/rootfs
  mkdir -p "$root"
  if [[ $BASE == debian:* ]]; then
    [ "$(id -u)" = 0 ] || die "$name: a Debian base needs root (debootstrap, chroot)"
    base=$(base_tarball "${BASE#debian:}")
    tar --numeric-owner -C "$root" -xf "$base"
    # shellcheck disable=SC2086 # PACKAGES is a list of package names
    if [ -n "$PACKAGES" ]; then install_packages "$root" "$WORK/build.log" $PACKAGES; fi
  elif [ -n "$PACKAGES" ]; then
    die "$name: PACKAGES needs a Debian BASE"
  fi
  if [ -x "$IMAGES/$name/build.sh" ]; then
    logged "$WORK/build.log" env ROOTFS="$root" REPO="$REPO" "$IMAGES/$name/build.sh"
  fi
  if [ -d "$root/var/lib/dpkg" ]; then
    dpkg-query --admindir="$root/var/lib/dpkg" -W -f '${Package} ${Version}\n' > "$WORK/packages"
  else
    : > "$WORK/packages"
  fi
  # The runtime mounts /dev, /proc and /sys; the tree must be world-readable at its top.
  find "$root/dev" -mindepth 1 -delete 2>/dev/null || true
  chmod 755 "$root"
  tar --sort=name --numeric-owner -C "$root" -cf "$WORK/layer.tar" .
  node "$IMAGES/oci-layout.mjs" --layer "$WORK/layer.tar" --out "$WORK/layout" --name "$NAME" \
    --entrypoint "$ENTRYPOINT" --cmd "$CMD" --user "$USER" --workdir "$WORKDIR" --env "$ENV" \
    --stop-signal "$STOPSIGNAL" --created-by "images/build.sh $name"
  mv "$WORK/packages" "$layout.packages"
  mv "$WORK/layout" "$layout"
}

# ctr <args...>: the cluster's containerd, in the kubelet's namespace. Its cgroup v1
# deprecation warning is known (../shared/CLUSTER.md) and would repeat on every call.
ctr() { CONTAINERD_SUPPRESS_DEPRECATION_WARNINGS=1 "$CTR" --address "$CONTAINERD_SOCK" -n k8s.io "$@"; }

# import <layout>: into containerd's k8s.io namespace (the kubelet's), unless the name
# already points at this manifest.
import() {
  local layout=$1 want have
  want=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).manifests[0].digest' "$layout/index.json")
  have=$(ctr images ls | awk -v n="$NAME" '$1 == n { print $3 }')
  if [ "$have" = "$want" ]; then
    say "$NAME: already in containerd ($want)"
    return
  fi
  tar -C "$layout" -cf - . | ctr images import - >/dev/null
  say "$NAME: imported ($want)"
}

# one <name> <import?>: build (or reuse) one image, then import it.
one() {
  local name=$1 key layout start old
  load_recipe "$name"
  key=$(cache_key "$name")
  layout=$OUT/$name-$key
  if [ -f "$layout/index.json" ]; then
    say "$name: cached ($layout)"
  else
    start=$SECONDS
    build "$name" "$layout"
    # Keep only the newest build of each image (the key is 16 hex digits).
    for old in "$OUT/$name"-????????????????; do
      if [ "$old" != "$layout" ]; then rm -rf "$old" "$old.packages"; fi
    done
    say "$name: built in $((SECONDS - start)) s ($layout, $(du -sh "$layout" | cut -f1))"
  fi
  if [ "$2" = yes ]; then import "$layout"; fi
}

main() {
  local do_import=yes names=() known name
  if [ "${1:-}" = --no-import ]; then do_import=no; shift; fi
  known=$(known_images | tr '\n' ' ')
  for name in "$@"; do
    [ -f "$IMAGES/$name/recipe.env" ] || die "unknown image: $name (known: ${known% })"
  done
  if [ $# -gt 0 ]; then names=("$@"); else read -ra names <<< "$known"; fi
  command -v node >/dev/null || die "node is not installed (it writes the OCI JSON)"
  if [ "$do_import" = yes ]; then
    if [ ! -S "$CONTAINERD_SOCK" ]; then
      say "containerd is not running (no $CONTAINERD_SOCK): building only"
      do_import=no
    elif [ ! -x "$CTR" ]; then
      die "containerd runs but $CTR is missing: cluster/build.sh containerd"
    fi
  fi
  mkdir -p "$OUT"
  for name in "${names[@]}"; do
    ( one "$name" "$do_import" )
  done
}

main "$@"
