import { ModuleBuilder } from "./emitter.js";
import { addGemm } from "./gemm-kernel.js";
import { addElementwise } from "./elementwise-kernel.js";

/**
 * The one WebAssembly instance of the CPU kernels and its memory. Tensors stay in JavaScript
 * typed arrays (owned by the garbage collector, as before); a kernel copies its operands into
 * this memory's scratch region, runs, and copies the result out. The scratch region grows to the
 * largest operation seen and is reused, so memory stays flat over a training loop.
 *
 * The memory is shared (a SharedArrayBuffer) where the platform allows it, so worker threads can
 * run the same kernels on it (./threads.ts); otherwise it is private and the kernels run on the
 * calling thread only.
 */

/** Bytes at the start of memory kept for the thread pool's control block. */
export const CONTROL_BYTES = 256;
const PAGE = 65536;
/** 1 GiB: the reservation a shared memory needs up front (address space, not RAM). */
const MAX_PAGES = 16384;

export interface KernelExports {
  sum_f32(x: number, n4: number): number;
  max_f32(x: number, n4: number): number;
  [binary: `binary_${string}`]: (o: number, a: number, as: number, b: number, bs: number, n4: number) => void;
  [unary: `unary_${string}`]: (o: number, x: number, n4: number) => void;
  gemm(ap: number, bp: number, c: number, k: number, ldc: number, ip0: number, ip1: number, jp0: number, jp1: number): void;
}

export interface Wasm {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly shared: boolean;
  readonly exports: KernelExports;
  /** The memory as float32, valid until the next {@link scratch} call. */
  f32: Float32Array;
  /** The byte address of a scratch region of at least `bytes` bytes (previous contents undefined). */
  scratch(bytes: number): number;
}

function sharedMemoryAvailable(): boolean {
  if (typeof SharedArrayBuffer === "undefined") return false;
  // In a browser, shared memory needs a cross-origin isolated page.
  const g = globalThis as { crossOriginIsolated?: boolean; process?: unknown };
  return g.process !== undefined || g.crossOriginIsolated !== false;
}

/** The module bytes; `shared` decides the memory import's type. */
export function kernelModuleBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  const mod = new ModuleBuilder({ initial: 1, maximum: MAX_PAGES, shared });
  addGemm(mod);
  addElementwise(mod);
  return mod.bytes();
}

function instantiate(shared: boolean): Wasm | null {
  const bytes = kernelModuleBytes(shared);
  if (!WebAssembly.validate(bytes)) return null; // no SIMD128 (or no shared memory) here
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared } as WebAssembly.MemoryDescriptor);
  // Synchronous compilation: the module is a few KiB, under browsers' main-thread limit.
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const w: Wasm = {
    module,
    memory,
    shared,
    exports: instance.exports as unknown as KernelExports,
    f32: new Float32Array(memory.buffer),
    scratch(need: number): number {
      const total = CONTROL_BYTES + need;
      const have = memory.buffer.byteLength;
      if (total > have) memory.grow(Math.ceil((total - have) / PAGE));
      // A private memory's old buffer is detached by grow; a shared one's is only shorter.
      if (w.f32.buffer !== memory.buffer || w.f32.length * 4 < total) w.f32 = new Float32Array(memory.buffer);
      return CONTROL_BYTES;
    },
  };
  return w;
}

function tryInstantiate(shared: boolean): Wasm | null {
  try {
    return instantiate(shared);
  } catch {
    return null;
  }
}

let wasm: Wasm | null | undefined;

/** The instance if one was made already (null: none, or no SIMD here). */
export function peekWasm(): Wasm | null {
  return wasm ?? null;
}

/** The kernels' instance, or null where WebAssembly SIMD is unavailable. */
export function getWasm(): Wasm | null {
  if (wasm !== undefined) return wasm;
  wasm = typeof WebAssembly === "undefined" ? null : (sharedMemoryAvailable() && tryInstantiate(true)) || tryInstantiate(false);
  return wasm;
}
