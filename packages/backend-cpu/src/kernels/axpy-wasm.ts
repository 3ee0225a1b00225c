import { numel, type View } from "@flambeau/tensor/internal";
import { opsKernels } from "../wasm/ops-module.js";
import { addressOf } from "../wasm/resident.js";
import { getWasm } from "../wasm/runtime.js";
import { simdOn } from "../wasm/settings.js";
import { flatStep } from "./strided.js";
import { overlaps } from "./arrays.js";

/**
 * The CPU backend's `addScaledInPlace` (an optimizer's `p += alpha * d_p`): large contiguous
 * float32 tensors are updated by one SIMD pass in the kernels' memory (in place where both live
 * there, ../wasm/resident.ts; through the scratch region otherwise); everything else is
 * declined, and the tensor layer runs `add_` (a multiply, an add and a write-back).
 */

/** From this many elements on the update runs on the SIMD kernel; smaller ones in a JavaScript loop. */
const WASM_MIN_ELEMENTS = 16384;

/** Updates done so far (for tests: that a step really took this path). */
export const axpyCalls = { count: 0 };

export function addScaledInPlace(dst: View, src: View, alpha: number): boolean {
  const n = numel(dst.shape);
  const D = dst.buffer;
  const S = src.buffer;
  if (n < WASM_MIN_ELEMENTS || !simdOn()) return addScaledSmall(dst, src, alpha, n);
  if (!(D instanceof Float32Array) || !(S instanceof Float32Array)) return false;
  if (flatStep(dst.shape, dst.strides) !== 1 || flatStep(src.shape, src.strides) !== 1) return false;
  const w = getWasm()!;
  const k = opsKernels(w);
  if (k === null) return false;
  const a = Math.fround(alpha);
  const dAt = addressOf(D, dst.offset);
  const sAt = addressOf(S, src.offset);
  if (dAt >= 0 && sAt >= 0 && (sAt >= dAt + 4 * n || dAt >= sAt + 4 * n || sAt === dAt)) {
    // Both live in the kernels' memory: update in place, whole vectors there, the last n % 4
    // elements here (a vector past the end could reach another view's elements of the storage).
    const n4 = n >> 2;
    k.axpy(dAt, sAt, n4, a);
    for (let i = 4 * n4; i < n; i++) D[dst.offset + i] = D[dst.offset + i]! + Math.fround(S[src.offset + i]! * a);
    axpyCalls.count++;
    return true;
  }
  const bytes = ((n + 3) >> 2) * 16;
  const d = w.scratch(2 * bytes);
  const s = d + bytes;
  const M = w.f32;
  // Both are copied before anything is written, so src may alias dst.
  M.set(D.subarray(dst.offset, dst.offset + n), d >> 2);
  M.set(S.subarray(src.offset, src.offset + n), s >> 2);
  k.axpy(d, s, bytes >> 4, a);
  D.set(M.subarray(d >> 2, (d >> 2) + n), dst.offset);
  axpyCalls.count++;
  return true;
}

/**
 * `D += fround(alpha) * S` over dense float32 or float64 operands, rounded as `add_` rounds it
 * (the product stored in the dtype, then the sum): the same values, without the two temporary
 * tensors and the write-back. Declined where the operands partly overlap, as an elementwise
 * loop would read elements it has already written.
 */
function addScaledSmall(dst: View, src: View, alpha: number, n: number): boolean {
  const D = dst.buffer, S = src.buffer;
  const f32 = D instanceof Float32Array && S instanceof Float32Array;
  if (!f32 && !(D instanceof Float64Array && S instanceof Float64Array)) return false;
  if (dst.dtype !== src.dtype || (dst.dtype !== "float32" && dst.dtype !== "float64")) return false; // int64 is a Float64Array too
  if (flatStep(dst.shape, dst.strides) !== 1 || flatStep(src.shape, src.strides) !== 1) return false;
  const d = dst.offset, s = src.offset;
  if (overlaps(D, S) && !(D === S && d === s)) return false;
  if (alpha === 1) for (let i = 0; i < n; i++) D[d + i] = D[d + i]! + S[s + i]!;
  else if (f32) for (let i = 0, a = Math.fround(alpha); i < n; i++) D[d + i] = D[d + i]! + Math.fround(S[s + i]! * a);
  else for (let i = 0; i < n; i++) D[d + i] = D[d + i]! + S[s + i]! * alpha;
  axpyCalls.count++;
  return true;
}
