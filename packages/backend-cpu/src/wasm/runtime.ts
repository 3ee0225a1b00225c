import { ModuleBuilder } from "./emitter.js";
import { addGemm } from "./gemm-kernel.js";
import { addPack } from "./pack-kernel.js";
import { addElementwise } from "./elementwise-kernel.js";
import { Heap } from "./heap.js";

/**
 * The one WebAssembly instance of the CPU kernels and its memory. Where the memory is shared (a
 * SharedArrayBuffer, so growing it never detaches a view) large float32 tensors live in it
 * (./resident.ts) and kernels work on them in place; other operands are copied into this
 * memory's scratch region, and results that are not resident copied out. The scratch region
 * grows to the largest operation seen and is reused, so memory stays flat over a training loop.
 *
 * The memory is shared where the platform allows it, so worker threads can run the same kernels
 * on it (./threads.ts); otherwise it is private, holds no tensors, and the kernels run on the
 * calling thread only.
 */

/** Bytes at the start of memory kept for the thread pool's control block. */
export const CONTROL_BYTES = 256;
/** 1 GiB: the reservation a shared memory needs up front (address space, not RAM). */
const MAX_PAGES = 16384;
/** The most bytes of tensors the memory holds (docs/design.md: what bounds it, and why this much). */
const TENSOR_BUDGET = 256 * 2 ** 20;

export interface KernelExports {
  sum_f32(x: number, n4: number): number;
  max_f32(x: number, n4: number): number;
  [binary: `binary_${string}`]: (o: number, a: number, as: number, b: number, bs: number, n4: number) => void;
  [unary: `unary_${string}`]: (o: number, x: number, n4: number) => void;
  gemm(ap: number, bp: number, c: number, k: number, ldc: number, ip0: number, ip1: number, jp0: number, jp1: number): void;
  [pack: `pack_${string}`]: (d: number, s: number, ld: number, k: number) => void;
}

export interface Wasm {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly shared: boolean;
  readonly exports: KernelExports;
  /** The memory as float32, valid until the next {@link scratch} call or resident allocation. */
  f32: Float32Array;
  /** The blocks of the memory: resident tensors and the scratch region. */
  readonly heap: Heap;
  /** Refresh {@link f32} after the memory grew. */
  refresh(): void;
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
  addPack(mod);
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
  let scratchAt = -1;
  let scratchBytes = 0;
  const w: Wasm = {
    module,
    memory,
    shared,
    exports: instance.exports as unknown as KernelExports,
    f32: new Float32Array(memory.buffer),
    heap: new Heap(memory, CONTROL_BYTES, shared ? TENSOR_BUDGET : 0),
    refresh(): void {
      // A private memory's old buffer is detached by grow; a shared one's is only shorter.
      if (w.f32.buffer !== memory.buffer || w.f32.length * 4 < memory.buffer.byteLength) w.f32 = new Float32Array(memory.buffer);
    },
    scratch(need: number): number {
      if (need > scratchBytes) {
        if (scratchAt >= 0) w.heap.release(scratchAt, scratchBytes, false);
        scratchBytes = need;
        scratchAt = w.heap.alloc(scratchBytes, false);
        if (scratchAt < 0) {
          scratchBytes = 0;
          throw new RangeError(`CPU backend: the kernels' WebAssembly memory cannot grow to ${need} more bytes`);
        }
      }
      w.refresh();
      return scratchAt;
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
