import type { Shape } from "@flambeau/tensor";
import { isContiguous } from "@flambeau/tensor/internal";

/** Whether every element reads the same address (a broadcast scalar, or a single element). */
export function isUniform(shape: Shape, strides: Shape): boolean {
  for (let i = 0; i < shape.length; i++) if (strides[i] !== 0 && shape[i] !== 1) return false;
  return true;
}

/**
 * The step of a view read as one flat run: 1 when dense, 0 when every element is the same
 * one, -1 when it needs the n-d walk of {@link Rows}. The kernels' fast path is "every
 * operand has a flat step", which covers contiguous tensors and scalar operands.
 */
export function flatStep(shape: Shape, strides: Shape): number {
  if (isContiguous(shape, strides)) return 1;
  return isUniform(shape, strides) ? 0 : -1;
}

/**
 * Walks several views that share one shape, an innermost run ("row") at a time: the kernels
 * run a tight loop over each row of `n` elements, stepping view `v` by `step[v]` from `off[v]`.
 *
 * Dims of size 1 are dropped and neighbouring dims that every view steps through uniformly are
 * merged, so a contiguous view is one long row and e.g. a broadcast `[n, 1] + [1, m]` is n rows
 * of m. Rows come in row-major order, so an output written sequentially stays row-major.
 * Callers handle empty shapes before constructing one.
 */
export class Rows {
  /** Elements per row. */
  readonly n: number;
  /** Per view, the element step inside a row. */
  readonly step: number[];
  /** Per view, the offset of the current row's first element. */
  readonly off: number[];
  private readonly views: number;
  /** Outer (non-row) dims, innermost first: their sizes and, flattened `[dim * views + v]`, strides. */
  private readonly sizes: number[] = [];
  private readonly strides: number[] = [];
  private readonly idx: number[];

  constructor(shape: Shape, strides: readonly Shape[], offsets: readonly number[]) {
    const k = strides.length;
    this.views = k;
    this.off = offsets.slice();
    // Collapse from the innermost dim outwards into (size, strides) groups.
    const sizes = this.sizes;
    const st = this.strides;
    for (let d = shape.length - 1; d >= 0; d--) {
      const s = shape[d]!;
      if (s === 1) continue;
      const g = sizes.length - 1;
      let merge = g >= 0;
      for (let v = 0; merge && v < k; v++) merge = strides[v]![d] === st[g * k + v]! * sizes[g]!;
      if (merge) sizes[g]! *= s;
      else {
        sizes.push(s);
        for (let v = 0; v < k; v++) st.push(strides[v]![d]!);
      }
    }
    // The innermost group is the row; the rest are walked by `next`.
    if (sizes.length === 0) {
      this.n = 1; // every dim had size 1: a single element
      this.step = new Array<number>(k).fill(0);
    } else {
      this.n = sizes.shift()!;
      this.step = st.splice(0, k);
    }
    this.idx = new Array<number>(sizes.length).fill(0);
  }

  /** Move every view's offset to the next row; false after the last row. */
  next(): boolean {
    const { sizes, strides, idx, off, views } = this;
    for (let d = 0; d < sizes.length; d++) {
      const base = d * views;
      if (++idx[d]! < sizes[d]!) {
        for (let v = 0; v < views; v++) off[v]! += strides[base + v]!;
        return true;
      }
      // Wrap this dim back to its start and carry into the next outer one.
      idx[d] = 0;
      const back = sizes[d]! - 1;
      for (let v = 0; v < views; v++) off[v]! -= strides[base + v]! * back;
    }
    return false;
  }
}
