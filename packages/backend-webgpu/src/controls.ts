/**
 * `torch.backends.webgpu`: this package's controls, published on import so a lesson written
 * against the facade (`import * as torch from "flambeau"`) reaches them as PyTorch code reaches
 * `torch.backends.mps` or `torch.cuda`.
 */
import { registerBackendControls } from "@flambeau/tensor/internal";
import {
  empty_cache, init, init_error, is_available, is_initialized, max_memory_allocated, memory_allocated, pool_stats,
  reset_peak_memory_stats, synchronize,
} from "./index.js";

/** What `torch.backends.webgpu` holds once `@flambeau/backend-webgpu` is imported. */
export const controls = {
  init, is_available, is_initialized, init_error, synchronize, pool_stats,
  empty_cache, memory_allocated, max_memory_allocated, reset_peak_memory_stats,
};

declare module "@flambeau/tensor" {
  interface Backends {
    /**
     * The WebGPU backend's controls (present once `@flambeau/backend-webgpu` is imported).
     *
     * @example
     * ```ts
     * import "@flambeau/backend-webgpu";
     * await torch.backends.webgpu.init();
     * ```
     */
    readonly webgpu: typeof controls;
  }
}

registerBackendControls("webgpu", controls);
