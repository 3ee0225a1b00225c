import type { Shape, TypedArray } from "@flambeau/tensor";
import type { View } from "@flambeau/tensor/internal";
import { opsKernels } from "../wasm/ops-module.js";
import { ROWS_ARITHMETIC, ROWS_COMPARISON } from "../wasm/rows-kernel.js";
import type { Wasm } from "../wasm/runtime.js";
import { addressOf } from "../wasm/resident.js";

/**
 * Broadcast float32 arithmetic, comparisons and `where` on the rows kernels
 * (../wasm/rows-kernel.ts). Operands and results that live in the kernels' memory
 * (../wasm/resident.ts: float32 and bool masks) are read and written in place; any other operand's span is copied into
 * the scratch region (a bias vector once, not once per row) and a result that is not resident
 * is copied out. The kernels read and write only the elements they compute (whole vectors, then
 * a scalar tail), so in-place use never touches a neighbouring block. The shape is walked as
 * 2-d blocks of rows.
 */

export type RowsOp = keyof typeof ROWS_ARITHMETIC | keyof typeof ROWS_COMPARISON | "where";
export const isRowsArithmetic = (op: string): op is keyof typeof ROWS_ARITHMETIC => op in ROWS_ARITHMETIC;
export const isRowsComparison = (op: string): op is keyof typeof ROWS_COMPARISON => op in ROWS_COMPARISON;

/** Kernel calls so far (for tests: that an op really took this path). */
export const rowsCalls = { count: 0 };

/**
 * The dims the views walk together, innermost first, with each view's stride per dim: size-1
 * dims dropped, and a dim merged into the one inside it where every view steps through both
 * uniformly (a contiguous view is one dim; `[B, N] + [N]` stays two).
 */
function mergedDims(shape: Shape, strides: readonly Shape[]): { sizes: number[]; steps: number[][] } {
  const sizes: number[] = [];
  const steps: number[][] = strides.map(() => []);
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d]!;
    if (size === 1) continue;
    const g = sizes.length - 1;
    if (g >= 0 && strides.every((s, v) => s[d] === steps[v]![g]! * sizes[g]!)) sizes[g]! *= size;
    else {
      sizes.push(size);
      strides.forEach((s, v) => steps[v]!.push(s[d]!));
    }
  }
  return { sizes, steps };
}

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/**
 * `out = op(...views)` over `shape` (n > 0 elements) on the rows kernels; false, with nothing
 * written, where the layout does not fit them: a view whose innermost elements are neither
 * adjacent nor one repeated element (a bool condition must be adjacent), a negative stride, or
 * a view spread over more than twice the elements it holds (its span would be copied).
 */
export function rowsWasm(w: Wasm, op: RowsOp, out: Float32Array | Uint8Array, shape: Shape, views: readonly View[], n: number): boolean {
  const k = opsKernels(w);
  if (k === null) return false;
  const { sizes, steps } = mergedDims(shape, views.map((v) => v.strides));
  if (sizes.length === 0) return false;
  const spans: number[] = [];
  for (let v = 0; v < views.length; v++) {
    const bool = views[v]!.dtype === "bool";
    const inner = steps[v]![0]!;
    if (bool ? inner !== 1 : inner !== 0 && inner !== 1) return false;
    let span = 1;
    for (let d = 0; d < sizes.length; d++) {
      if (steps[v]![d]! < 0) return false;
      span += (sizes[d]! - 1) * steps[v]![d]!;
    }
    if (span > 2 * n) return false;
    spans.push(span);
  }
  const bytesOf = (v: number): number => (views[v]!.dtype === "bool" ? 1 : 4);
  const outBytes = out instanceof Uint8Array ? 1 : 4;
  // Resident operands and result are used where they are; -1: copy.
  const at = views.map((v) => addressOf(v.buffer as TypedArray, v.offset));
  const outAt = addressOf(out, 0);
  let total = outAt < 0 ? align16(n * outBytes) : 0;
  for (let v = 0; v < views.length; v++) if (at[v]! < 0) total += align16(spans[v]! * bytesOf(v));
  let next = total > 0 ? w.scratch(total) : 0;
  const o = outAt < 0 ? next : outAt;
  if (outAt < 0) next += align16(n * outBytes);
  for (let v = 0; v < views.length; v++) {
    if (at[v]! >= 0) continue;
    const { buffer, offset } = views[v]!;
    const X = (buffer as TypedArray).subarray(offset, offset + spans[v]!);
    if (bytesOf(v) === 4) w.f32.set(X, next >> 2);
    else new Uint8Array(w.memory.buffer, next, spans[v]!).set(X);
    at[v] = next;
    next += align16(spans[v]! * bytesOf(v));
  }
  const cols = sizes[0]!;
  const rows = sizes[1] ?? 1;
  const kernel = k[`rows_${op}`]!;
  const args = new Array<number>(3 + 3 * views.length);
  // Dims outside the first two are walked here, one 2-d block of rows x cols per call.
  const outer = sizes.slice(2);
  const idx = outer.map(() => 0);
  const off = views.map(() => 0);
  let oAt = o;
  for (;;) {
    args[0] = oAt;
    for (let v = 0; v < views.length; v++) {
      const eb = bytesOf(v);
      args[1 + 3 * v] = at[v]! + off[v]! * eb;
      args[2 + 3 * v] = (steps[v]![1] ?? 0) * eb;
      args[3 + 3 * v] = steps[v]![0]! * eb;
    }
    args[1 + 3 * views.length] = rows;
    args[2 + 3 * views.length] = cols;
    kernel(...args);
    oAt += rows * cols * outBytes;
    let d = 0;
    for (; d < outer.length; d++) {
      for (let v = 0; v < views.length; v++) off[v]! += steps[v]![d + 2]!;
      if (++idx[d]! < outer[d]!) break;
      for (let v = 0; v < views.length; v++) off[v]! -= outer[d]! * steps[v]![d + 2]!;
      idx[d] = 0;
    }
    if (d === outer.length) break;
  }
  if (outAt < 0) {
    if (out instanceof Float32Array) out.set(w.f32.subarray(o >> 2, (o >> 2) + n));
    else out.set(new Uint8Array(w.memory.buffer, o, n));
  }
  rowsCalls.count++;
  return true;
}
