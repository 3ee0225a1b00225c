import type { TypedArray } from "@flambeau/tensor";
import { owningScopeOpen } from "@flambeau/tensor/internal";
import { getWasm } from "./runtime.js";
import { simdOn } from "./settings.js";

/**
 * Large float32 and bool tensors that live in the kernels' WebAssembly memory, so kernels read and write
 * them in place (no copies in or out) and a freed one's memory, already touched, is handed to
 * the next tensor of its size instead of fresh pages (docs/design.md, "Tensors in WebAssembly
 * memory"). Only where that memory is shared: growing a shared memory never detaches a view.
 *
 * A resident tensor's array is a view on the memory. The tensor layer frees it through the
 * backend's `free` when it proves the storage dead (dispose, scopes, backward) or when the
 * collector finalizes the storage. An array handed to user code (`numpy()`) holds the block
 * too: it is reused only once the storage is freed *and* every such array is collected. A freed
 * array is remembered as dead, and the backend refuses it as an operand, so a bug that frees too
 * early raises instead of reading another tensor's values.
 *
 * Finalizers run late (only when the event loop turns, and only after a collection, which the
 * few bytes of a view hardly prompt), so tensors made outside an owning scope (`torch.tidy`,
 * backward, an optimizer step), which only the collector may free, get at most
 * {@link UNSCOPED_BUDGET} bytes of this memory; beyond it they are ordinary arrays again.
 */

/** From this many elements on, float32 and bool tensors live in WebAssembly memory. */
export const RESIDENT_MIN_ELEMENTS = 16384;
/** The most bytes of resident tensors made outside owning scopes (docs/design.md). */
const UNSCOPED_BUDGET = 64 * 2 ** 20;
let unscopedBytes = 0;

interface Block {
  readonly at: number;
  readonly bytes: number;
  /** The storage and each array lent to user code; the block is reused when none is left. */
  holders: number;
  /** The storage was freed: the array must not be an operand again. */
  dead: boolean;
  /** Made outside an owning scope: counted in {@link unscopedBytes}. */
  readonly unscoped: boolean;
}

const blocks = new WeakMap<TypedArray, Block>();

/** Blocks whose lent arrays the collector found unreachable. */
const lent = new FinalizationRegistry<Block>(drop);

/** Counters for tests and the bench: blocks handed out fresh or reused, and frees. */
export const residentStats = { allocated: 0, freed: 0 };

/**
 * A float32 array of `n` elements in WebAssembly memory, contents undefined, or null where
 * tensors do not live there (too small, plain kernels, no shared memory, budget spent).
 */
export function residentFloat32(n: number): Float32Array | null {
  return resident(n, 4) as Float32Array | null;
}

/**
 * A bool array (bytes 0/1) of `n` elements in WebAssembly memory, as {@link residentFloat32}:
 * masks such as ReLU's `y > 0`, which the rows kernels then write and read in place. A fresh
 * array of tens of KiB costs tens of microseconds to allocate and first touch.
 */
export function residentBool(n: number): Uint8Array | null {
  return resident(n, 1) as Uint8Array | null;
}

function resident(n: number, size: 1 | 4): Float32Array | Uint8Array | null {
  if (n < RESIDENT_MIN_ELEMENTS || !simdOn()) return null;
  const w = getWasm()!;
  if (!w.shared) return null;
  const bytes = n * size;
  const unscoped = !owningScopeOpen();
  if (unscoped && unscopedBytes + bytes > UNSCOPED_BUDGET) return null;
  const at = w.heap.alloc(bytes, true);
  if (at < 0) return null;
  if (unscoped) unscopedBytes += bytes;
  const a = size === 4 ? new Float32Array(w.memory.buffer, at, n) : new Uint8Array(w.memory.buffer, at, n);
  blocks.set(a, { at, bytes, holders: 1, dead: false, unscoped });
  residentStats.allocated++;
  return a;
}

/** Whether `a` is a live resident array (one the backend must be told to free). */
export function isResident(a: TypedArray): boolean {
  if (a.length < RESIDENT_MIN_ELEMENTS) return false;
  const b = blocks.get(a);
  return b !== undefined && !b.dead;
}

/** The byte address of element `i` of `a` in WebAssembly memory, or -1 if `a` is not resident. */
export function addressOf(a: TypedArray, i: number): number {
  if (a.length < RESIDENT_MIN_ELEMENTS) return -1;
  const b = blocks.get(a);
  return b === undefined ? -1 : b.at + a.BYTES_PER_ELEMENT * i;
}

/** Throw if `a` is a resident array that was already freed (its memory may hold another tensor). */
export function checkLive(a: TypedArray, op: string): void {
  if (a.length < RESIDENT_MIN_ELEMENTS) return;
  const b = blocks.get(a);
  if (b !== undefined && b.dead)
    throw new Error(`${op}: this tensor has been disposed; its memory was freed (by dispose(), torch.tidy or backward) and cannot be used`);
}

/** The storage of `a` was freed: its block goes back once no lent array holds it. */
export function freeResident(a: TypedArray): void {
  const b = blocks.get(a);
  if (b === undefined || b.dead) return;
  b.dead = true;
  drop(b);
}

/** `view` (on `a`'s memory) goes to user code: keep the block until the collector takes `view` too. */
export function lendResident(a: TypedArray, view: TypedArray): void {
  const b = blocks.get(a);
  if (b === undefined || b.dead) return;
  b.holders++;
  lent.register(view, b);
}

function drop(b: Block): void {
  if (--b.holders > 0) return;
  if (b.unscoped) unscopedBytes -= b.bytes;
  getWasm()!.heap.release(b.at, b.bytes, true);
  residentStats.freed++;
}
