#!/usr/bin/env bash
# System packages the browser and GPU tests need, installed when missing so that the README's
# test command works on a fresh Debian machine (as root, which CI is). Elsewhere it names what
# to install and stops: a missing browser or GPU driver is a failure, never a silent skip.
#
# Add a package here (not in .ci/run) when a test needs one: `pnpm test` runs this first.
set -euo pipefail
. "$(dirname "$0")/lib/apt.sh"

need=()
# Browser tests (plotting, WebGPU, gpu.js, the web apps) drive Debian's Chromium.
command -v chromium >/dev/null || need+=(chromium)
# gpu.js in Node renders through headless-gl, Mesa and an X server (Xvfb, started by the tests).
command -v Xvfb >/dev/null || need+=(xvfb xauth)
[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so ] || [ ! -d /usr/lib/x86_64-linux-gnu ] || need+=(libgl1-mesa-dri)

# WebGPU in Node (Dawn) needs a Vulkan driver; without a GPU that is Mesa's lavapipe, which
# Dawn accepts from Mesa 23 on. Debian 12 has 22, so it comes from bookworm-backports (from the
# mirror the machine already uses).
vulkan_ok() { dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null | grep -qE '^(2[3-9]|[3-9][0-9])[.]'; }
if [ -d /usr/lib/x86_64-linux-gnu ] && ! vulkan_ok; then
  if can_apt && grep -qs bookworm /etc/os-release; then
    if ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/; then
      mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ && /debian/ {print $2; exit}')
      [ -n "$mirror" ] || mirror=$(awk '/^deb / && / bookworm / {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
      echo "deb ${mirror%/} bookworm-backports main" >/etc/apt/sources.list.d/bookworm-backports.list
    fi
    apt_install system-deps -t bookworm-backports mesa-vulkan-drivers
  else
    echo "system-deps: the WebGPU tests need Mesa >= 23's Vulkan driver (mesa-vulkan-drivers; on Debian 12 from bookworm-backports)" >&2
    exit 1
  fi
fi

# gl's native module: an install that ran before its build tools were here (native-build-deps.sh
# could not install them, or they were removed since) left it unbuilt; build it now that they are.
rebuild_gl() {
  if ! (cd "$(dirname "$0")/../packages/backend-gpujs" && node -e 'require("gl")' >/dev/null 2>&1); then
    bash "$(dirname "$0")/native-build-deps.sh"
    echo "system-deps: building headless-gl (gl), which the install could not build"
    (cd "$(dirname "$0")/../packages/backend-gpujs" && pnpm rebuild gl)
  fi
}

if [ ${#need[@]} -eq 0 ]; then rebuild_gl; exit 0; fi
if can_apt; then
  apt_install system-deps "${need[@]}"
else
  echo "system-deps: the tests need these Debian packages: ${need[*]} (apt-get install them as root)" >&2
  exit 1
fi
rebuild_gl
