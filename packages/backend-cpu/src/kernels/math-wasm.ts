import { MATH_UNARY } from "../wasm/math-kernel.js";
import { opsKernels } from "../wasm/ops-module.js";
import type { Wasm } from "../wasm/runtime.js";
import { addressOf } from "../wasm/resident.js";

/**
 * Large contiguous float32 `exp` and `tanh` on the math kernels (../wasm/math-kernel.ts):
 * computed in doubles and rounded once, like the plain kernels' `Math.exp`/`Math.tanh`.
 * Resident operands and results (../wasm/resident.ts) are read and written in place; others go
 * through the scratch region.
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
  // Whole vectors: up to 12 bytes past the last element, inside a resident block's slack
  // (wasm/heap.ts); a resident result starts its own block.
  let x = addressOf(X, xi);
  let o = addressOf(out, 0);
  const copyIn = x < 0;
  const copyOut = o < 0;
  if (copyIn || copyOut) {
    const at = w.scratch((copyIn ? bytes : 0) + (copyOut ? bytes : 0));
    if (copyIn) w.f32.set(X.subarray(xi, xi + n), (x = at) >> 2);
    if (copyOut) o = copyIn ? at + bytes : at;
  }
  k[`math_${op}`]!(o, x, bytes >> 4);
  if (copyOut) out.set(w.f32.subarray(o >> 2, (o >> 2) + n));
  mathCalls.count++;
  return true;
}
