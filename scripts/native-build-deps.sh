#!/usr/bin/env bash
# What `pnpm install` needs before it builds anything: `gl` (headless-gl, gpu.js's WebGL in Node)
# compiles from source and links against libXi, and at run time renders through Mesa on an X
# server. pnpm runs this as the root project's `pnpm:devPreinstall`, before any dependency is
# installed, so a fresh Debian machine builds `gl` on the first install.
#
# As root with apt-get it installs what is missing; elsewhere it names the packages and lets the
# install go on (`gl` is optional: without it gpu.js falls back to its CPU kernels, and the gpu.js
# tests fail and say so).
set -euo pipefail
. "$(dirname "$0")/lib/apt.sh"

command -v dpkg >/dev/null || exit 0   # not Debian: nothing this script knows to install
need=()
for p in python3 make g++ pkg-config libxi-dev libgl1-mesa-dri xvfb xauth; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0
if can_apt; then
  apt_install native-build-deps "${need[@]}"
else
  echo "native-build-deps: gpu.js's headless-gl needs these Debian packages: ${need[*]} (apt-get install them as root, then pnpm rebuild gl)" >&2
fi
