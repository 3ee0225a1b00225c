/**
 * `@flambeau/backend-webgpu`: Flambeau on WebGPU, in browsers (`navigator.gpu`) and in Node
 * (the `webgpu` package, Dawn). Importing it registers the `"webgpu"` device; initialise it
 * once, asynchronously, before use:
 *
 * ```ts
 * import * as torch from "flambeau";
 * import { init } from "@flambeau/backend-webgpu";
 * await init();                                   // torch.backends.webgpu.init() in the facade
 * const x = torch.ones([2, 3], { device: "webgpu" });
 * console.log(await x.sum().item());              // 6
 * ```
 *
 * dtypes: float32, int32 and bool (stored as one u32 per element). WebGPU has no float64 or int64:
 * creating or casting to it throws. Reads are asynchronous only (`await t.data()`).
 *
 * @packageDocumentation
 */
import {
  max_memory_allocated as maxAllocated, memory_allocated as allocated, reset_peak_memory_stats as resetPeak,
} from "@flambeau/tensor";
import { registerBackend } from "@flambeau/tensor/internal";
import { WebGPUBackend } from "./backend.js";
import { createContext } from "./device.js";
// Publishes `torch.backends.webgpu` (its functions are declared below; declarations hoist).
import "./controls.js";

export { WebGPUBackend } from "./backend.js";

/**
 * The backend instance registered as device `"webgpu"`.
 *
 * @example
 * ```ts
 * await init();
 * webgpu.adapterDescription;  // e.g. "mesa software llvmpipe …"
 * webgpu.context?.device;     // the GPUDevice, to share with other WebGPU code
 * ```
 */
export const webgpu = new WebGPUBackend();
registerBackend(webgpu, -1); // never the default device: it needs an asynchronous init first

let starting: Promise<WebGPUBackend> | null = null;
let failure: Error | null = null;

/**
 * Find a GPU adapter and device and make `torch.device("webgpu")` usable. Safe to call more
 * than once (later calls return the first one's result). Throws, saying how to fall back to
 * the CPU, when WebGPU or an adapter is missing.
 *
 * @example
 * ```ts
 * await torch.backends.webgpu.init();
 * const w = torch.randn([784, 10], { device: "webgpu" });
 * ```
 */
export function init(): Promise<WebGPUBackend> {
  starting ??= createContext().then(
    (ctx) => {
      webgpu.attach(ctx);
      return webgpu;
    },
    (e: Error) => {
      failure = e;
      throw e;
    },
  );
  return starting;
}

/**
 * Same as {@link init}.
 *
 * @example
 * ```ts
 * await initWebGPU();
 * ```
 */
export const initWebGPU = init;

/**
 * Whether the `"webgpu"` device can be used here: tries {@link init} once (an adapter is only
 * known asynchronously) and answers true or false; never throws or rejects. `init_error()` says
 * why it is false.
 *
 * @example
 * ```ts
 * const device = (await torch.backends.webgpu.is_available()) ? "webgpu" : "cpu";
 * ```
 */
export async function is_available(): Promise<boolean> {
  return init().then(
    () => true,
    () => false,
  );
}

/**
 * Whether {@link init} has already succeeded (synchronous).
 *
 * @example
 * ```ts
 * if (!is_initialized()) await init();
 * ```
 */
export function is_initialized(): boolean {
  return webgpu.ready;
}

/**
 * Why {@link init} failed, or null.
 *
 * @example
 * ```ts
 * if (!(await is_available())) console.warn(init_error()?.message);
 * ```
 */
export function init_error(): Error | null {
  return failure;
}

/**
 * Wait until the GPU has finished all work recorded so far, like `torch.cuda.synchronize()`
 * (for timing; reads already wait for the work they depend on).
 *
 * @example
 * ```ts
 * const t0 = performance.now(); a.matmul(b); await torch.backends.webgpu.synchronize();
 * ```
 */
export function synchronize(): Promise<void> {
  return webgpu.synchronize();
}

/**
 * The buffer pool: GPU buffers allocated (in use or idle) and their bytes, and compiled
 * pipelines. `torch.memory()` counts live tensors; this counts what the GPU holds.
 *
 * @example
 * ```ts
 * torch.backends.webgpu.pool_stats(); // { buffers: 42, bytes: 1048576, pipelines: 17 }
 * ```
 */
export function pool_stats(): { buffers: number; bytes: number; pipelines: number } {
  return webgpu.poolStats();
}

/**
 * Give the GPU buffers no tensor is using back to the driver, as `torch.cuda.empty_cache()`
 * does: freed tensors' buffers otherwise wait in a pool for reuse. Live tensors are untouched.
 *
 * @example
 * ```ts
 * model = null; torch.backends.webgpu.empty_cache();
 * ```
 */
export function empty_cache(): void {
  webgpu.emptyCache();
}

/**
 * Bytes held by live tensors on the `"webgpu"` device, as `torch.cuda.memory_allocated()`:
 * freed tensors' buffers waiting in the pool are not counted (`pool_stats()` counts those).
 *
 * @example
 * ```ts
 * const before = torch.backends.webgpu.memory_allocated();
 * const x = torch.ones([256], { device: "webgpu" });
 * torch.backends.webgpu.memory_allocated() - before; // 1024
 * ```
 */
export function memory_allocated(): number {
  return allocated("webgpu");
}

/**
 * The most bytes live tensors held on `"webgpu"` at once since the program started or the last
 * {@link reset_peak_memory_stats}, as `torch.cuda.max_memory_allocated()`.
 *
 * @example
 * ```ts
 * torch.backends.webgpu.reset_peak_memory_stats();
 * step();
 * console.log(torch.backends.webgpu.max_memory_allocated(), "bytes at the peak of a step");
 * ```
 */
export function max_memory_allocated(): number {
  return maxAllocated("webgpu");
}

/**
 * Restart {@link max_memory_allocated} from what is live now, as
 * `torch.cuda.reset_peak_memory_stats()`.
 *
 * @example
 * ```ts
 * torch.backends.webgpu.reset_peak_memory_stats();
 * ```
 */
export function reset_peak_memory_stats(): void {
  resetPeak("webgpu");
}
