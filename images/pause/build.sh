#!/usr/bin/env bash
# A static pause binary at /pause: no libc or loader needed in the image.
set -euo pipefail
command -v gcc >/dev/null || { echo "gcc is not installed: apt-get install gcc libc6-dev" >&2; exit 1; }
gcc -static -Os -s -Wall -Werror -o "$ROOTFS/pause" "$(dirname "$0")/pause.c"
