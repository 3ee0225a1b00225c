import type { Shape } from "@flambeau/tensor";
import { opsKernels } from "../wasm/ops-module.js";
import type { Wasm } from "../wasm/runtime.js";
import { addressOf } from "../wasm/resident.js";

/**
 * float32 sums, maxima and minima over one run of adjacent axes of a contiguous tensor, on the
 * axis kernels (../wasm/axis-kernel.ts): the tensor is `[outer, red, inner]`; with inner > 1
 * (e.g. a bias gradient's sum over the batch) each output row is folded down the reduced rows,
 * with inner = 1 (sums over the last axis) each row is summed across. A resident input
 * (../wasm/resident.ts) is read in place; others are copied into the scratch region first.
 */

/** Kernel calls so far (for tests: that a reduction really took this path). */
export const axisCalls = { count: 0 };

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/**
 * Reduce contiguous `X` (from `xi`, of `shape`) over sorted `axes` into `out`; false, with
 * nothing written, when the axes are not adjacent or the op has no kernel for that layout.
 */
export function axisWasm(w: Wasm, op: "sum" | "max" | "min", out: Float32Array, X: Float32Array, xi: number, shape: Shape, axes: readonly number[]): boolean {
  const first = axes[0]!;
  const last = axes[axes.length - 1]!;
  if (last - first !== axes.length - 1) return false;
  let outer = 1, red = 1, inner = 1;
  shape.forEach((s, d) => {
    if (d < first) outer *= s;
    else if (d <= last) red *= s;
    else inner *= s;
  });
  if (inner === 1 && op !== "sum") return false;
  const k = opsKernels(w);
  if (k === null) return false;
  const n = outer * red * inner;
  const accBytes = outer * inner * (op === "sum" ? 8 : 4);
  const resident = addressOf(X, xi);
  const inBytes = resident >= 0 ? 0 : align16(n * 4);
  const base = w.scratch(inBytes + align16(accBytes));
  const x = resident >= 0 ? resident : base;
  const acc = base + inBytes;
  const M = w.f32;
  if (resident < 0) M.set(X.subarray(xi, xi + n), x >> 2);
  if (inner === 1) {
    k.row_sum(acc, x, outer, red);
    out.set(M.subarray(acc >> 2, (acc >> 2) + outer));
  } else if (op === "sum") {
    M.fill(0, acc >> 2, (acc + accBytes) >> 2);
    for (let i = 0; i < outer; i++) k.col_sum(acc + i * inner * 8, x + i * red * inner * 4, inner * 4, red, inner);
    out.set(new Float64Array(w.memory.buffer, acc, outer * inner));
  } else {
    // Each output row starts as the first reduced row, as the plain fold's first step leaves it.
    const fold = op === "max" ? k.col_max : k.col_min;
    for (let i = 0; i < outer; i++) {
      const from = x + i * red * inner * 4;
      M.copyWithin((acc >> 2) + i * inner, from >> 2, (from >> 2) + inner);
      fold(acc + i * inner * 4, from + inner * 4, inner * 4, red - 1, inner);
    }
    out.set(M.subarray(acc >> 2, (acc >> 2) + outer * inner));
  }
  axisCalls.count++;
  return true;
}
