#!/usr/bin/env bash
# Builds prometheus and promtool (Prometheus 3.x, the chart's bundled Prometheus on the
# local cluster: images/prometheus; and promtool for the tests) from the Go module proxy into
#   ${VENDATA_CACHE:-$HOME/.cache/vendata}/prometheus-<version>-<build>/
# (prometheus, promtool, and the release's example prometheus.yml, LICENSE and NOTICE that
# the official image carries), and reuses them when they are already there. Prints that
# directory last. With --check it builds nothing: it prints the directory when both
# binaries are there, and otherwise says how to build them and exits 1.
#
# The versions below are the only place they are written: images/prometheus and the tests
# (test/support/prometheus.ts) ask this script. Prometheus 3.x.y is tagged v0.3xx.y in Go
# (3.16.0 is v0.316.0); the module's VERSION file must agree, or the build stops.
#
# What differs from the official release build (.promu.yml):
# - no builtinassets tag: the web UI's compiled assets (web/ui/static, made by npm from
#   web/ui/mantine-ui) are not in the module, and builtinassets does not compile without
#   them. The binary then serves its UI pages from ./web/ui/static relative to its working
#   directory, which does not exist: the UI answers 500, the HTTP API, /metrics and the
#   /-/healthy and /-/ready endpoints work (images/README.md).
# - service discovery: only Kubernetes (the chart's kubernetes_sd_configs), file and http
#   (remove_all_sd,enable_kubernetes_sd, Prometheus's own build tags for this): the cloud
#   SDKs of the other mechanisms (AWS, Azure, GCE, ...) are most of a full build's time.
#   A config that names another mechanism is refused by this promtool and prometheus.
set -euo pipefail

PROMETHEUS_VERSION=3.16.0
PROMETHEUS_MODULE_VERSION=v0.316.0
PROMETHEUS_TAGS=netgo,remove_all_sd,enable_kubernetes_sd

module=github.com/prometheus/prometheus
cache=${VENDATA_CACHE:-$HOME/.cache/vendata}
# The build's settings are part of the directory's name: other tags build elsewhere.
build=$(printf '%s %s' "$PROMETHEUS_MODULE_VERSION" "$PROMETHEUS_TAGS" | sha256sum | cut -c1-8)
dest="$cache/prometheus-$PROMETHEUS_VERSION-$build"

if [ -x "$dest/prometheus" ] && [ -x "$dest/promtool" ]; then
  echo "prometheus $PROMETHEUS_VERSION already built" >&2
  echo "$dest"
  exit 0
fi
if [ "${1:-}" = --check ]; then
  echo "prometheus $PROMETHEUS_VERSION is not built ($dest is missing); build it with: bash scripts/build-prometheus.sh" >&2
  exit 1
fi

command -v go >/dev/null || { echo "go is not installed (Prometheus $PROMETHEUS_VERSION builds with the Go toolchain, 1.26.7 or newer)" >&2; exit 1; }

started=$(date +%s)
echo "== go mod download $module@$PROMETHEUS_MODULE_VERSION" >&2
download=$(GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download -json "$module@$PROMETHEUS_MODULE_VERSION")
field() { sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" <<<"$download"; }
dir=$(field Dir)
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "go mod download $module@$PROMETHEUS_MODULE_VERSION gave no module directory" >&2
  exit 1
fi
version=$(cat "$dir/VERSION")
if [ "$version" != "$PROMETHEUS_VERSION" ]; then
  echo "$module@$PROMETHEUS_MODULE_VERSION is Prometheus $version, not $PROMETHEUS_VERSION: fix the versions in $0" >&2
  exit 1
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/.prometheus-$PROMETHEUS_VERSION.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The version stamp the release build gives (promu's ldflags), with the module's date.
v=github.com/prometheus/common/version
date=$(sed -n 's/.*"Time":"\([0-9-]*\)T\([0-9:]*\)Z".*/\1 \2/p' "$(field Info)" 2>/dev/null || true)
ldflags="-X $v.Version=$PROMETHEUS_VERSION -X $v.Revision=$PROMETHEUS_MODULE_VERSION -X $v.Branch=module -X $v.BuildUser=vendata"
if [ -n "$date" ]; then ldflags="$ldflags -X $v.BuildDate=$(date -u -d "$date" +%Y%m%d-%H:%M:%S)"; fi
echo "== go install ./cmd/prometheus ./cmd/promtool (tags $PROMETHEUS_TAGS)" >&2
# No replace directives in the module's go.mod: go install pkg@version builds it as
# released, with its go.sum. Static (CGO off, netgo): it runs in an empty image.
GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=0 GOBIN="$work/bin" \
  go install -trimpath -tags "$PROMETHEUS_TAGS" -ldflags "$ldflags" \
  "$module/cmd/prometheus@$PROMETHEUS_MODULE_VERSION" "$module/cmd/promtool@$PROMETHEUS_MODULE_VERSION"
install -m 644 "$dir/documentation/examples/prometheus.yml" "$dir/LICENSE" "$dir/NOTICE" "$work/bin/"
"$work/bin/prometheus" --version >&2
chmod 755 "$work/bin"
rm -rf "$dest"
mv "$work/bin" "$dest"
echo "== built prometheus and promtool $PROMETHEUS_VERSION in $(($(date +%s) - started)) s" >&2
echo "$dest"
