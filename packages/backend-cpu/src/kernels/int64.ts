/**
 * `int64` on the CPU: whole numbers held in a Float64Array, exact to ±(2^53 − 1). Sums,
 * differences and products of such numbers are exact in doubles whenever the true result is
 * within that range, and round to a magnitude of at least 2^53 otherwise; so a result checked
 * after each operation is either exact or refused, never silently rounded (docs/design.md,
 * "Whole numbers and dtypes").
 */
import type { TypedArray } from "@flambeau/tensor";
import { int64OverflowError, type View } from "@flambeau/tensor/internal";
import { alloc, data } from "./arrays.js";
import { eachMatrix } from "./batches.js";

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Refuse an int64 result past ±(2^53 − 1) (NaN included), and store -0 (a double's, from
 * `-0 * 3`) as the 0 an integer is.
 */
export function checkInt64(op: string, out: TypedArray): void {
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!(v <= MAX && v >= -MAX)) throw int64OverflowError(op, v);
    if (v === 0) out[i] = 0;
  }
}

/** One value cast to int64: truncated toward zero, refused past ±(2^53 − 1). */
export function toInt64(v: number, op = "to"): number {
  const t = Math.trunc(v);
  if (!(t <= MAX && t >= -MAX)) throw int64OverflowError(op, v);
  return t + 0;
}

/** Cast every element of a float array, in place, to int64 (as a float-to-integer store would). */
export function truncInt64(out: Float64Array, op = "to"): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!Number.isSafeInteger(v) || v === 0) out[i] = toInt64(v, op);
  }
  return out;
}

/**
 * `base ** exp` by squaring, each product checked; a negative (tensor) exponent gives 1 for 1,
 * ±1 for -1, else 0, as PyTorch (and `powInt`).
 */
export function powInt64(base: number, exp: number): number {
  if (exp < 0) return base === 1 ? 1 : base === -1 ? (exp % 2 === 0 ? 1 : -1) : 0;
  let result = 1;
  let b = base;
  let e = exp;
  while (e > 0) {
    if (e % 2 === 1) {
      result *= b;
      if (!(result <= MAX && result >= -MAX)) throw int64OverflowError("pow", result);
    }
    e = Math.floor(e / 2);
    if (e > 0) {
      b *= b;
      // A base past 2^26.5 squared is past 2^53 and still needed: the result would be too.
      if (b > MAX) throw int64OverflowError("pow", b);
    }
  }
  return result;
}

/** A running int64 sum or product, refused the moment it passes ±(2^53 − 1). */
export function foldInt64(op: "sum" | "prod", acc: number, X: TypedArray, xi: number, xs: number, n: number): number {
  if (op === "sum") {
    for (let t = 0; t < n; t++, xi += xs) {
      acc += X[xi]!;
      if (!(acc <= MAX && acc >= -MAX)) throw int64OverflowError(op, acc);
    }
  } else {
    for (let t = 0; t < n; t++, xi += xs) {
      acc *= X[xi]!;
      if (!(acc <= MAX && acc >= -MAX)) throw int64OverflowError(op, acc);
    }
  }
  return acc;
}

/** `acc[ai + t*as] op= X[xi + t*xs]`, each partial result checked. */
export function foldEachInt64(op: "sum" | "prod", acc: Float64Array, ai: number, as: number, X: TypedArray, xi: number, xs: number, n: number): void {
  for (let t = 0; t < n; t++, ai += as, xi += xs) {
    const v = op === "sum" ? acc[ai]! + X[xi]! : acc[ai]! * X[xi]!;
    if (!(v <= MAX && v >= -MAX)) throw int64OverflowError(op, v);
    acc[ai] = v;
  }
}

/**
 * Integer matrix product into int64: plain dot products, every product and partial sum
 * checked (a partial sum past 2^53 that comes back in range would otherwise look exact).
 */
export function matmulInt64(a: View, b: View): Float64Array {
  const nd = a.shape.length;
  const m = a.shape[nd - 2]!, k = a.shape[nd - 1]!, n = b.shape[nd - 1]!;
  let batch = 1;
  for (let d = 0; d < nd - 2; d++) batch *= a.shape[d]!;
  const C = alloc("int64", batch * m * n) as Float64Array;
  const A = data(a), B = data(b);
  const sam = a.strides[nd - 2]!, sak = a.strides[nd - 1]!, sbk = b.strides[nd - 2]!, sbn = b.strides[nd - 1]!;
  eachMatrix(a, b, m * n, (ai, bi, ci) => {
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0, pa = ai + i * sam, pb = bi + j * sbn; p < k; p++, pa += sak, pb += sbk) {
          const prod = A[pa]! * B[pb]!;
          s += prod;
          if (!(prod <= MAX && prod >= -MAX && s <= MAX && s >= -MAX)) throw int64OverflowError("matmul", Math.abs(prod) > MAX ? prod : s);
        }
        C[ci + i * n + j] = s + 0;
      }
  });
  return C;
}
