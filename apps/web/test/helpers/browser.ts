// Debian's Chromium, headless, with both GPUs of the app on: WebGPU (SwiftShader's Vulkan) and
// WebGL2 for gpu.js (SwiftShader through ANGLE). A missing browser or adapter fails the test.
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../../../../packages/plotting/test/browser/chromium.js";

// The plotting tests' flags, less --disable-gpu: the app computes on the (software) GPU.
const ARGS = [
  ...CHROMIUM_ARGS.filter((a) => a !== "--disable-gpu"),
  "--enable-unsafe-webgpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
];

/** Launches the browser the tests drive. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
}
