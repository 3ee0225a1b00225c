/**
 * `torch.backends.gpujs`: this package's controls, published on import so code written against
 * the facade (`import * as torch from "flambeau"`) reaches them as PyTorch code reaches
 * `torch.backends.mps`.
 */
import { registerBackendControls } from "@flambeau/tensor";
import { fallbackReason, mode } from "./mode.js";
import { isGPUMode } from "./runtime.js";
import { textureStats } from "./texture-stats.js";

/** What `torch.backends.gpujs` holds once `@flambeau/backend-gpujs` is imported. */
export const controls = {
  /**
   * Whether the "gpujs" device runs on a GPU (WebGL, or headless-gl in Node). False where gpu.js
   * fell back to JavaScript kernels: the device still works there, only on the CPU.
   */
  is_available: (): boolean => isGPUMode(mode()),
  mode,
  fallbackReason,
  textureStats,
};

declare module "@flambeau/tensor" {
  interface Backends {
    /**
     * The gpu.js backend's controls (present once `@flambeau/backend-gpujs` is imported).
     *
     * @example
     * ```ts
     * import "@flambeau/backend-gpujs";
     * torch.backends.gpujs.mode(); // "webgl2" in a browser, "headlessgl" in Node under Xvfb
     * ```
     */
    readonly gpujs: typeof controls;
  }
}

registerBackendControls("gpujs", controls);
