#!/usr/bin/env bash
# System packages the browser and GPU tests need, installed when missing so that the README's
# test command works on a fresh Debian machine (as root, which CI is). Elsewhere it names what
# to install and stops: a missing browser or GPU driver is a failure, never a silent skip.
#
# Add a package here (not in .ci/run) when a test needs one: `pnpm test` runs this first.
set -euo pipefail

need=()
# Browser tests (plotting, WebGPU, gpu.js, the web apps) drive Debian's Chromium.
command -v chromium >/dev/null || need+=(chromium)
# gpu.js in Node renders through headless-gl, Mesa and an X server (Xvfb, started by the tests).
command -v Xvfb >/dev/null || need+=(xvfb xauth)
[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so ] || [ ! -d /usr/lib/x86_64-linux-gnu ] || need+=(libgl1-mesa-dri)

if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "system-deps: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "system-deps: the tests need these Debian packages: ${need[*]} (apt-get install them as root)" >&2
  exit 1
fi
