import type { DType, TypedArray } from "@flambeau/tensor";
import { ITEM_SIZE, type View } from "@flambeau/tensor/internal";
import { RESIDENT_MIN_ELEMENTS, residentBool, residentFloat32 } from "../wasm/resident.js";

/**
 * Small arrays are carved out of shared slabs. V8 keeps a typed array of up to 64 bytes on its
 * own heap, but gives every larger one an off-heap backing store, which costs about a
 * microsecond to create and to collect: on 100-element tensors that alone would be most of a
 * step of a training loop. A view on an existing ArrayBuffer costs a twentieth of that.
 *
 * Slabs are only ever bump-allocated, so carved memory is still zero. A slab is collected
 * once every array carved from it is; the price is that one long-lived small array keeps its
 * whole slab (16 KiB) alive. Code that wraps an array's memory must therefore use its
 * `byteOffset` and `byteLength`, never its whole `.buffer`.
 */
const SLAB_BYTES = 16384;
/** Larger arrays pay the fixed cost of their own buffer once against much more work. */
const POOL_MAX_BYTES = 2048;
/** Up to this size V8 allocates typed arrays on its heap, which is already fast. */
const ON_HEAP_BYTES = 64;

let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** The byte offset of a fresh zeroed region of `bytes` bytes in the current slab. */
function carve(bytes: number): number {
  const size = (bytes + 7) & ~7; // keep every region 8-byte aligned for Float64Array
  if (slabUsed + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += size;
  return at;
}

/** A zero-filled host array of `n` elements of `dtype` (a switch keeps this call monomorphic). */
export function alloc(dtype: DType, n: number): TypedArray {
  const bytes = n * ITEM_SIZE[dtype];
  if (bytes <= ON_HEAP_BYTES || bytes > POOL_MAX_BYTES) {
    switch (dtype) {
      case "float32":
        return new Float32Array(n);
      case "float64":
      case "int64":
        return new Float64Array(n);
      case "int32":
        return new Int32Array(n);
      case "bool":
        return new Uint8Array(n);
    }
  }
  const at = carve(bytes);
  switch (dtype) {
    case "float32":
      return new Float32Array(slab, at, n);
    case "float64":
    case "int64":
      return new Float64Array(slab, at, n);
    case "int32":
      return new Int32Array(slab, at, n);
    case "bool":
      return new Uint8Array(slab, at, n);
  }
}

/**
 * The array of a kernel's result, the buffer a new tensor gets: in WebAssembly memory when it
 * is a large float32 or bool one (../wasm/resident.ts), else {@link alloc}'s. Never for temporaries:
 * a resident array is only freed through its tensor. Zero-filled unless `filled` (the kernel
 * writes every element, so a reused block's old values need not be cleared first).
 */
export function allocResult(dtype: DType, n: number, filled = false): TypedArray {
  if (n >= RESIDENT_MIN_ELEMENTS && (dtype === "float32" || dtype === "bool")) {
    const r = dtype === "float32" ? residentFloat32(n) : residentBool(n);
    if (r !== null) return filled ? r : r.fill(0);
  }
  return alloc(dtype, n);
}

/**
 * Whether two arrays may share memory. Reading `.buffer` makes V8 move an on-heap array (at
 * most 64 bytes, at offset 0) to an off-heap store, as costly as allocating one, and such an
 * array cannot share memory with another array object anyway until something has read its
 * `.buffer`; so those are only compared by identity.
 */
export function overlaps(a: TypedArray, b: TypedArray): boolean {
  if (a === b) return true;
  if (mayBeOnHeap(a) || mayBeOnHeap(b)) return false;
  return (
    a.buffer === b.buffer &&
    a.byteOffset < b.byteOffset + b.byteLength &&
    b.byteOffset < a.byteOffset + a.byteLength
  );
}

function mayBeOnHeap(x: TypedArray): boolean {
  return x.byteOffset === 0 && x.byteLength <= ON_HEAP_BYTES;
}

/** The host array behind a CPU view. */
export function data(v: View): TypedArray {
  return v.buffer as TypedArray;
}

/**
 * Storing a number into a typed array already casts it the way PyTorch does for every dtype
 * but bool (float -> int32 truncates toward zero) and int64 (a Float64Array: see int64.ts), so
 * only a bool destination from a non-bool source needs an explicit `x !== 0` (NaN is true, as
 * in PyTorch).
 */
export function needsBoolCast(from: DType, to: DType): boolean {
  return to === "bool" && from !== "bool";
}

/** Rewrite every element of a bool array produced by arithmetic to 0 or 1. */
export function normalizeBool(out: TypedArray): void {
  for (let i = 0; i < out.length; i++) out[i] = out[i] !== 0 ? 1 : 0;
}
