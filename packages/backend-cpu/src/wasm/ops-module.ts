import { ModuleBuilder } from "./emitter.js";
import { addAxis } from "./axis-kernel.js";
import { addAxpy } from "./axpy-kernel.js";
import { addMath } from "./math-kernel.js";
import { addRows } from "./rows-kernel.js";
import type { Wasm } from "./runtime.js";

/**
 * More modules of kernels (broadcast rows, axis reductions and the optimizers' update in one;
 * exp and tanh in another) instantiated over the same memory
 * as the matmul and flat elementwise kernels, so they share its scratch region. Kept apart so
 * that each module stays under the 4 KiB that older browsers allow a synchronous compilation on
 * the main thread.
 */

export interface OpsExports {
  [rows: `rows_${string}`]: (...args: number[]) => void;
  col_sum(acc: number, x: number, ldx: number, rows: number, cols: number): void;
  col_max(acc: number, x: number, ldx: number, rows: number, cols: number): void;
  col_min(acc: number, x: number, ldx: number, rows: number, cols: number): void;
  row_sum(o: number, x: number, rows: number, cols: number): void;
  axpy(d: number, s: number, n4: number, alpha: number): void;
  [math: `math_${string}`]: (o: number, x: number, n4: number) => void;
}

/** The largest memory (pages) an instance may be given: at least the kernels' memory's maximum. */
const MAX_PAGES = 65536;

/** The modules' bytes; `shared` decides the memory import's type. */
export function opsModuleBytes(shared: boolean): Uint8Array<ArrayBuffer>[] {
  const module = (...add: ((mod: ModuleBuilder) => void)[]): Uint8Array<ArrayBuffer> => {
    const mod = new ModuleBuilder({ initial: 1, maximum: MAX_PAGES, shared });
    for (const a of add) a(mod);
    return mod.bytes();
  };
  return [module(addRows, addAxis, addAxpy), module(addMath)];
}

let instance: { w: Wasm; exports: OpsExports | null } | null = null;

/** The ops kernels over `w`'s memory, or null where this platform refuses a module. */
export function opsKernels(w: Wasm): OpsExports | null {
  if (instance?.w === w) return instance.exports;
  let exports: OpsExports | null = null;
  try {
    const all = opsModuleBytes(w.shared);
    if (all.every((bytes) => WebAssembly.validate(bytes)))
      exports = Object.assign({}, ...all.map((bytes) => new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: w.memory } }).exports)) as OpsExports;
  } catch {
    exports = null;
  }
  instance = { w, exports };
  return exports;
}
