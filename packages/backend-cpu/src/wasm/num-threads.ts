import { getWasm } from "./runtime.js";
import { getNumThreads, setNumThreads } from "./threads.js";

/**
 * `torch.get_num_threads()`: how many threads large CPU kernels (matrix products) run on. By
 * default every logical core; 1 where threads are unavailable (no WebAssembly SIMD, no
 * SharedArrayBuffer, e.g. a page that is not cross-origin isolated).
 *
 * @example
 * ```ts
 * import * as torch from "flambeau";
 * console.log(torch.get_num_threads()); // e.g. 8
 * ```
 */
export function get_num_threads(): number {
  return getNumThreads(getWasm());
}

/**
 * `torch.set_num_threads(n)`: run large CPU kernels on `n` threads (this one and n - 1
 * workers). Where threads are unavailable they still run on one.
 *
 * @example
 * ```ts
 * import * as torch from "flambeau";
 * torch.set_num_threads(1); // single-threaded, e.g. to measure
 * ```
 */
export function set_num_threads(n: number): void {
  setNumThreads(n);
}
