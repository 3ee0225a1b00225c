/**
 * `torch.backends.gpujs`: this package's controls, published on import so code written against
 * the facade (`import * as torch from "flambeau"`) reaches them as PyTorch code reaches
 * `torch.backends.mps`.
 */
import { max_memory_allocated, memory_allocated, reset_peak_memory_stats } from "@flambeau/tensor";
import { registerBackendControls } from "@flambeau/tensor/internal";
import { emptyPool } from "./texture-pool.js";
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
  /**
   * Delete the textures freed tensors left in the reuse pool, as `torch.cuda.empty_cache()`
   * gives cached blocks back; live tensors are untouched.
   *
   * @example
   * ```ts
   * torch.backends.gpujs.empty_cache();
   * ```
   */
  empty_cache: (): void => emptyPool(),
  /**
   * Bytes held by live tensors on `"gpujs"` (`torch.cuda.memory_allocated()`), counted as
   * elements times element size; `textureStats()` gives the textures' own sizes.
   *
   * @example
   * ```ts
   * torch.backends.gpujs.memory_allocated(); // 4096
   * ```
   */
  memory_allocated: (): number => memory_allocated("gpujs"),
  /**
   * The most bytes live tensors held on `"gpujs"` at once since the start or the last
   * `reset_peak_memory_stats()` (`torch.cuda.max_memory_allocated()`).
   *
   * @example
   * ```ts
   * torch.backends.gpujs.reset_peak_memory_stats(); step();
   * torch.backends.gpujs.max_memory_allocated();
   * ```
   */
  max_memory_allocated: (): number => max_memory_allocated("gpujs"),
  /**
   * Restart `max_memory_allocated()` from what is live now (`torch.cuda.reset_peak_memory_stats()`).
   *
   * @example
   * ```ts
   * torch.backends.gpujs.reset_peak_memory_stats();
   * ```
   */
  reset_peak_memory_stats: (): void => reset_peak_memory_stats("gpujs"),
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
