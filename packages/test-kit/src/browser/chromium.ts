// The browser the tests drive: Debian's Chromium (a missing browser fails the test; scripts/
// system-deps.sh installs it), with the flags a test page's GPUs need.
import { existsSync } from "node:fs";

/** The Chromium executable: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path))
    throw new Error(
      `Chromium is not installed at ${path}: the browser test needs it. Install it with ` +
        "'apt-get update && apt-get install -y chromium' (Debian), or set CHROMIUM_PATH to a Chromium executable.",
    );
  return path;
}

/** Which of the page's GPU APIs to turn on (both run on SwiftShader, Chromium's software GPU, without a GPU). */
export interface GpuFlags {
  /** WebGL (and WebGL2) through ANGLE on SwiftShader, as gpu.js needs. */
  webgl?: boolean;
  /** `navigator.gpu` (on SwiftShader's Vulkan without a GPU). */
  webgpu?: boolean;
}

/** Chromium's command line for a headless test page: no sandbox (containers), no GPU unless asked for. */
export function chromiumArgs({ webgl = false, webgpu = false }: GpuFlags, extra: readonly string[] = []): string[] {
  const args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
  if (webgl) args.push("--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist");
  if (webgpu) args.push("--enable-unsafe-webgpu");
  // A page that computes nothing on a GPU draws (charts, screenshots) the same way everywhere.
  if (!webgl && !webgpu) args.push("--disable-gpu");
  return [...args, ...extra];
}
