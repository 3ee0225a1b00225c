import type { TypedArray } from "@flambeau/tensor";
import { SIMD_BINARY, SIMD_UNARY } from "../wasm/elementwise-kernel.js";
import type { Wasm } from "../wasm/runtime.js";
import { addressOf } from "../wasm/resident.js";
import { runBinarySpan, runUnarySpan } from "../wasm/threads.js";

/**
 * Large float32 elementwise ops and full reductions on the WebAssembly SIMD kernels
 * (../wasm/elementwise-kernel.ts). Operands and results that live in the kernels' memory
 * (../wasm/resident.ts) are used in place; others are copied into its scratch region and the
 * result out again (docs/design.md: such copies cost about as much as the op). Large spans are
 * split over the worker threads (../wasm/threads.ts).
 */

export type SimdBinaryOp = (typeof SIMD_BINARY)[number];
export const isSimdBinary = (op: string): op is SimdBinaryOp => (SIMD_BINARY as readonly string[]).includes(op);

/** Kernel calls so far (for tests: that an op really took this path). */
export const simdCalls = { binary: 0, unary: 0, fold: 0 };

export type SimdUnaryOp = (typeof SIMD_UNARY)[number];
export const isSimdUnary = (op: string): op is SimdUnaryOp => (SIMD_UNARY as readonly string[]).includes(op);

/** `out = op(X)` over n > 0 contiguous float32 elements from `xi`. */
export function unaryWasm(w: Wasm, op: SimdUnaryOp, out: Float32Array, X: Float32Array, xi: number, n: number): void {
  const n4 = (n + 3) >> 2;
  let o = addressOf(out, 0);
  let x = addressOf(X, xi);
  const copyOut = o < 0;
  if (copyOut || x < 0) {
    let at = w.scratch((copyOut ? n4 * 16 : 0) + (x < 0 ? n4 * 16 : 0));
    if (x < 0) at += put(w.f32, (x = at), X, xi, 1, n);
    if (copyOut) o = at;
  }
  runUnarySpan(w, `unary_${op}`, o, x, n4);
  if (copyOut) out.set(w.f32.subarray(o >> 2, (o >> 2) + n));
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
  const n4 = (n + 3) >> 2;
  let o = addressOf(out, 0);
  // A broadcast scalar is read as one vector of four copies, which only the scratch holds.
  let a = as === 0 ? -1 : addressOf(A, ai);
  let b = bs === 0 ? -1 : addressOf(B, bi);
  const copyOut = o < 0;
  const size = (addr: number, step: number): number => (addr >= 0 ? 0 : step === 0 ? 16 : n4 * 16);
  const need = (copyOut ? n4 * 16 : 0) + size(a, as) + size(b, bs);
  if (need > 0) {
    let at = w.scratch(need);
    if (a < 0) at += put(w.f32, (a = at), A, ai, as, n);
    if (b < 0) at += put(w.f32, (b = at), B, bi, bs, n);
    if (copyOut) o = at;
  }
  runBinarySpan(w, `binary_${op}`, o, a, as * 16, b, bs * 16, n4);
  simdCalls.binary++;
  if (copyOut) out.set(w.f32.subarray(o >> 2, (o >> 2) + n));
}

/** The sum (accumulated in doubles) or the max of n > 0 contiguous float32 elements. */
export function foldWasm(w: Wasm, op: "sum" | "max", X: Float32Array, xi: number, n: number): number {
  const x = addressOf(X, xi);
  if (x >= 0 && n >= 4) {
    // In place: whole vectors in the kernel, the last n % 4 elements here (the sum stays in doubles).
    const whole = n >> 2;
    simdCalls.fold++;
    if (op === "sum") {
      let s = w.exports.sum_f32(x, whole);
      for (let i = xi + whole * 4; i < xi + n; i++) s += X[i]!;
      return s;
    }
    let m = w.exports.max_f32(x, whole);
    for (let i = xi + whole * 4; i < xi + n; i++) m = Math.max(m, X[i]!);
    return m;
  }
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
