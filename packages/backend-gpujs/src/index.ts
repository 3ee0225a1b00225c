/**
 * `@flambeau/backend-gpujs`: the "gpujs" device, every primitive of the backend interface as a
 * gpu.js kernel — WebGL2 or WebGL in browsers, headless-gl in Node (which needs an X display,
 * e.g. `xvfb-run`). Importing the package registers the device; the WebGL context opens on
 * first use.
 *
 * @example
 * ```ts
 * import * as torch from "flambeau";
 * import { mode } from "@flambeau/backend-gpujs";
 *
 * const x = torch.randn([128, 784]).to("gpujs");
 * const w = torch.randn([784, 10], { device: "gpujs" });
 * console.log(mode(), x.matmul(w).sum().itemSync());
 * ```
 *
 * @packageDocumentation
 */
import { registerBackend } from "@flambeau/tensor/internal";
import { GpujsBackend } from "./backend.js";
import "./controls.js"; // publishes torch.backends.gpujs

export { GpujsBackend } from "./backend.js";
export { mode, fallbackReason, renderer, type GpujsMode } from "./mode.js";
export { textureStats, type TextureStats } from "./texture-stats.js";
export { kernelStats, MAX_ELEMENTS } from "./kernel-cache.js";
export { INT_LIMIT } from "./values.js";

/**
 * The backend instance; importing this package registers it as device "gpujs" (priority 1:
 * ranked above the CPU by `registeredDevices()`, while the CPU stays the default device).
 *
 * @example
 * ```ts
 * import { gpujs } from "@flambeau/backend-gpujs";
 * gpujs.supportsDType("float64"); // false
 * ```
 */
export const gpujs = new GpujsBackend();
registerBackend(gpujs, 1);
