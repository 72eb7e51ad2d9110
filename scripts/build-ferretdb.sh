#!/usr/bin/env bash
# Builds FerretDB (the MongoDB wire-protocol server the Mongo script tests run the real
# mongosh against; SQLite backend) from the Go module proxy into
#   ${VENDATA_CACHE:-$HOME/.cache/vendata}/ferretdb-<version>/ferretdb
# and reuses that binary when it is already there. Prints the binary's path last.
#
# FERRETDB_VERSION below is the only place the version is written: the tests
# (test/mongo/ferretdb.ts) read it from this file.
#
# Built from a module download, FerretDB panics at start unless build/version/version.txt
# holds its version (`git describe` writes it in FerretDB's own builds), and the module
# cache is read-only: so the build runs in a writable copy of the module with that file.
set -euo pipefail

FERRETDB_VERSION=1.24.2

cache=${VENDATA_CACHE:-$HOME/.cache/vendata}
dest="$cache/ferretdb-$FERRETDB_VERSION"
binary="$dest/ferretdb"

if [ -x "$binary" ]; then
  echo "ferretdb $FERRETDB_VERSION already built" >&2
  echo "$binary"
  exit 0
fi

command -v go >/dev/null || { echo "go is not installed (FerretDB builds with the Go toolchain, 1.24 or newer)" >&2; exit 1; }

started=$(date +%s)
module=github.com/FerretDB/FerretDB@v$FERRETDB_VERSION
echo "== go mod download $module" >&2
dir=$(GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "go mod download $module gave no module directory" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$dir/." "$work/src"
chmod -R u+w "$work/src"
printf 'v%s\n' "$FERRETDB_VERSION" >"$work/src/build/version/version.txt"

mkdir -p "$dest"
echo "== go build ./cmd/ferretdb (SQLite backend; PostgreSQL left out)" >&2
(
  cd "$work/src"
  # -mod=mod: no vendor/ in the module download, and go.sum need not be rewritten in place.
  GOTOOLCHAIN=local GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 \
    go build -trimpath -tags ferretdb_no_postgresql -o "$binary.tmp" ./cmd/ferretdb
)
mv "$binary.tmp" "$binary"
"$binary" --version >&2
echo "== built ferretdb $FERRETDB_VERSION in $(($(date +%s) - started)) s" >&2
echo "$binary"
