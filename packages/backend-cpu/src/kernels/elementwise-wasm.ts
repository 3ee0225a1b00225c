import type { TypedArray } from "@flambeau/tensor";
import { SIMD_BINARY, SIMD_UNARY } from "../wasm/elementwise-kernel.js";
import type { Wasm } from "../wasm/runtime.js";

/**
 * Large float32 elementwise ops and full reductions on the WebAssembly SIMD kernels
 * (../wasm/elementwise-kernel.ts). Operands are copied into the kernels' memory and the result
 * out again (docs/design.md: the copies cost about as much as the op, so only large flat
 * operands come here, where the four-lane loop still wins).
 */

export type SimdBinaryOp = (typeof SIMD_BINARY)[number];
export const isSimdBinary = (op: string): op is SimdBinaryOp => (SIMD_BINARY as readonly string[]).includes(op);

/** Kernel calls so far (for tests: that an op really took this path). */
export const simdCalls = { binary: 0, unary: 0, fold: 0 };

export type SimdUnaryOp = (typeof SIMD_UNARY)[number];
export const isSimdUnary = (op: string): op is SimdUnaryOp => (SIMD_UNARY as readonly string[]).includes(op);

/** `out = op(X)` over n > 0 contiguous float32 elements from `xi`. */
export function unaryWasm(w: Wasm, op: SimdUnaryOp, out: Float32Array, X: Float32Array, xi: number, n: number): void {
  const bytes = ((n + 3) >> 2) * 16;
  const x = w.scratch(2 * bytes);
  const o = x + put(w.f32, x, X, xi, 1, n);
  w.exports[`unary_${op}`]!(o, x, bytes >> 4);
  out.set(w.f32.subarray(o >> 2, (o >> 2) + n));
  simdCalls.unary++;
}

/** Copy `n` elements of X from `xi` (step `xs`, 1 or 0) to byte address `at`; the bytes its kernel reads. */
function put(M: Float32Array, at: number, X: TypedArray, xi: number, xs: number, n: number): number {
  const d = at >> 2;
  if (xs === 0) {
    M.fill(X[xi]!, d, d + 4);
    return 16;
  }
  M.set(X.subarray(xi, xi + n), d);
  return ((n + 3) >> 2) * 16;
}

/** `out = A op B` over n elements of flat operands (steps 1 or 0), n > 0. */
export function binaryWasm(w: Wasm, op: SimdBinaryOp, out: Float32Array, A: TypedArray, ai: number, as: number, B: TypedArray, bi: number, bs: number, n: number): void {
  const bytes = ((n + 3) >> 2) * 16;
  const base = w.scratch(3 * bytes);
  const M = w.f32;
  const a = base;
  const b = a + put(M, a, A, ai, as, n);
  const o = b + put(M, b, B, bi, bs, n);
  w.exports[`binary_${op}`]!(o, a, as * 16, b, bs * 16, bytes >> 4);
  simdCalls.binary++;
  out.set(M.subarray(o >> 2, (o >> 2) + n));
}

/** The sum (accumulated in doubles) or the max of n > 0 contiguous float32 elements. */
export function foldWasm(w: Wasm, op: "sum" | "max", X: Float32Array, xi: number, n: number): number {
  const n4 = (n + 3) >> 2;
  const at = w.scratch(n4 * 16);
  const M = w.f32;
  const d = at >> 2;
  M.set(X.subarray(xi, xi + n), d);
  // Padding lanes: 0 adds nothing; a copy of an element changes no max.
  M.fill(op === "sum" ? 0 : X[xi]!, d + n, d + n4 * 4);
  simdCalls.fold++;
  return op === "sum" ? w.exports.sum_f32(at, n4) : w.exports.max_f32(at, n4);
}
