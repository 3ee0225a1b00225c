import type { View } from "@flambeau/tensor/internal";
import { Rows } from "./strided.js";

/**
 * Call `one(ai, bi, ci)` for every matrix of a batched product `a` `[...batch, m, k]` times
 * `b` `[...batch, k, n]`: the offsets of its operands (through their batch strides, 0 where
 * broadcast) and of its `m x n` block in the row-major output.
 */
export function eachMatrix(a: View, b: View, mn: number, one: (ai: number, bi: number, ci: number) => void): void {
  const nd = a.shape.length;
  if (nd === 2) return one(a.offset, b.offset, 0);
  const batchShape = a.shape.slice(0, nd - 2);
  const rows = new Rows(batchShape, [a.strides.slice(0, nd - 2), b.strides.slice(0, nd - 2)], [a.offset, b.offset]);
  const { off, step } = rows;
  let ci = 0;
  do {
    for (let t = 0; t < rows.n; t++, ci += mn) one(off[0]! + t * step[0]!, off[1]! + t * step[1]!, ci);
  } while (rows.next());
}
