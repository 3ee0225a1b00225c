import { MATH_UNARY } from "../wasm/math-kernel.js";
import { opsKernels } from "../wasm/ops-module.js";
import type { Wasm } from "../wasm/runtime.js";

/**
 * Large contiguous float32 `exp` and `tanh` on the math kernels (../wasm/math-kernel.ts):
 * computed in doubles and rounded once, like the plain kernels' `Math.exp`/`Math.tanh`.
 */

export type MathOp = (typeof MATH_UNARY)[number];
export const isMathUnary = (op: string): op is MathOp => (MATH_UNARY as readonly string[]).includes(op);

/** Kernel calls so far (for tests: that an op really took this path). */
export const mathCalls = { count: 0 };

/** `out = op(X)` over n > 0 contiguous float32 elements from `xi`; false where the kernels are missing. */
export function mathWasm(w: Wasm, op: MathOp, out: Float32Array, X: Float32Array, xi: number, n: number): boolean {
  const k = opsKernels(w);
  if (k === null) return false;
  const bytes = ((n + 3) >> 2) * 16;
  const x = w.scratch(2 * bytes);
  const o = x + bytes;
  const M = w.f32;
  M.set(X.subarray(xi, xi + n), x >> 2);
  k[`math_${op}`]!(o, x, bytes >> 4);
  out.set(M.subarray(o >> 2, (o >> 2) + n));
  mathCalls.count++;
  return true;
}
