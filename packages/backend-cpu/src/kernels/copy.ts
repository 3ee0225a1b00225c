import type { DType, TypedArray } from "@flambeau/tensor";
import { contiguousStrides, isContiguous, numel, type View } from "@flambeau/tensor/internal";
import { alloc, allocResult, data, needsBoolCast, overlaps } from "./arrays.js";
import { isUniform, Rows } from "./strided.js";
import { toInt64, truncInt64 } from "./int64.js";

/** `o[oi + t*os] = X[xi + t*xs]`, cast by the store itself (float -> int32 truncates). */
function copyRun(o: TypedArray, oi: number, os: number, X: TypedArray, xi: number, xs: number, n: number): void {
  for (let t = 0; t < n; t++, oi += os, xi += xs) o[oi] = X[xi]!;
}

/** The same into a bool array: nonzero (NaN included) is true. */
function boolRun(o: TypedArray, oi: number, os: number, X: TypedArray, xi: number, xs: number, n: number): void {
  for (let t = 0; t < n; t++, oi += os, xi += xs) o[oi] = X[xi] !== 0 ? 1 : 0;
}

/**
 * `D[di + t] = S[si + t]` for t < n. TypedArray#set converts element types exactly as a store
 * does, in native code, but it needs a `subarray`, which would move a small on-heap array to
 * the heap (see `overlaps`); small copies loop instead.
 */
function copyDense(D: TypedArray, di: number, S: TypedArray, si: number, n: number): void {
  if (n <= 64) copyRun(D, di, 1, S, si, 1, n);
  else D.set(S.subarray(si, si + n), di);
}

/** Write `src` into the strided window `dst` of `D`, element by element in row-major order. */
function copyStrided(D: TypedArray, dst: View, S: TypedArray, src: View, toBool: boolean): void {
  const rows = new Rows(dst.shape, [dst.strides, src.strides], [dst.offset, src.offset]);
  const run = toBool ? boolRun : copyRun;
  do run(D, rows.off[0]!, rows.step[0]!, S, rows.off[1]!, rows.step[1]!, rows.n);
  while (rows.next());
}

/** A contiguous copy of a view, cast to `outDtype`; `result`: it becomes a tensor (arrays.ts `allocResult`). */
export function copy(x: View, outDtype: DType, result = false): TypedArray {
  const n = numel(x.shape);
  const out = result ? allocResult(outDtype, n, true) : alloc(outDtype, n);
  if (n === 0) return out;
  const X = data(x);
  const toBool = needsBoolCast(x.dtype, outDtype);
  if (!toBool && isContiguous(x.shape, x.strides)) copyDense(out, 0, X, x.offset, n);
  else copyStrided(out, { buffer: out, dtype: outDtype, shape: x.shape, strides: contiguousStrides(x.shape), offset: 0 }, X, x, toBool);
  // A Float64Array store does not truncate: floats cast to int64 are truncated (and checked) here.
  if (outDtype === "int64" && (x.dtype === "float32" || x.dtype === "float64")) truncInt64(out as Float64Array);
  return out;
}

/** Write `src` (same shape) into the window `dst`, cast to `dst.dtype`; safe when they overlap. */
export function assign(dst: View, src: View): void {
  if (numel(dst.shape) === 0) return;
  if (dst.dtype === "int64" && (src.dtype === "float32" || src.dtype === "float64")) src = castView(src, "int64");
  const D = data(dst);
  let S = data(src);
  // Reading and writing one buffer through two strided windows would read values already
  // overwritten, so a source sharing the destination's memory is copied out first.
  if (overlaps(S, D)) {
    S = copy(src, src.dtype);
    src = { buffer: S, dtype: src.dtype, shape: src.shape, strides: contiguousStrides(src.shape), offset: 0 };
  }
  const toBool = needsBoolCast(src.dtype, dst.dtype);
  if (!toBool && isContiguous(dst.shape, dst.strides) && isContiguous(src.shape, src.strides))
    copyDense(D, dst.offset, S, src.offset, numel(src.shape));
  else copyStrided(D, dst, S, src, toBool);
}

/**
 * Whether reading `from` as `to` can change a value (int32 -> float32 rounds past 2^24,
 * int64 -> float32 past 2^24 too, int64 -> int32 wraps, a float -> int64 truncates).
 */
function changesValues(from: DType, to: DType): boolean {
  if (from === to || from === "bool") return false;
  if (to === "float64") return false;
  if (to === "int64") return from === "float32" || from === "float64";
  return to === "bool" || to === "float32" || from !== "int32";
}

/** A value cast to a dtype, as storing it into that dtype's array would. */
function castValue(v: number, to: DType): number {
  if (to === "bool") return v !== 0 ? 1 : 0;
  if (to === "int32") return v | 0;
  if (to === "int64") return toInt64(v);
  return to === "float32" ? Math.fround(v) : v;
}

/**
 * `v` read as `dtype` (PyTorch casts operands to the computation's dtype before computing):
 * the view itself when no value can change, else a cast copy. A broadcast scalar is cast as
 * one element and kept broadcast, so scalar operands stay cheap.
 */
export function castView(v: View, dtype: DType): View {
  if (!changesValues(v.dtype, dtype)) return v;
  if (isUniform(v.shape, v.strides)) {
    const x = data(v)[v.offset]!;
    const c = castValue(x, dtype);
    if (c === x || (c !== c && x !== x)) return v;
    const one = alloc(dtype, 1);
    one[0] = c;
    return { buffer: one, dtype, shape: v.shape, strides: v.strides, offset: 0 };
  }
  return { buffer: copy(v, dtype), dtype, shape: v.shape, strides: contiguousStrides(v.shape), offset: 0 };
}
