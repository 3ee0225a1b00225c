import { numel, type View } from "@flambeau/tensor/internal";
import { data } from "./arrays.js";

/**
 * The positions that stably sort each row (last axis) of `x`: NaN orders as the largest
 * value, equal values keep their order (ascending and descending alike), as PyTorch's
 * `sort(stable=True)`. Ties are broken by position, so the comparison is a total order.
 */
export function argsort(x: View, descending: boolean): Int32Array {
  const rank = x.shape.length;
  const n = rank === 0 ? 1 : x.shape[rank - 1]!;
  const total = numel(x.shape);
  const out = new Int32Array(total);
  if (total === 0) return out;
  const X = data(x);
  const along = rank === 0 ? 0 : x.strides[rank - 1]!;
  const outer = x.shape.slice(0, -1), outerStrides = x.strides.slice(0, -1);
  const row = new Float64Array(n);
  const order = new Int32Array(n);
  const sign = descending ? -1 : 1;
  const compare = (i: number, j: number): number => {
    const a = row[i]!, b = row[j]!;
    if (a < b) return -sign;
    if (a > b) return sign;
    const an = a !== a, bn = b !== b;
    if (an !== bn) return an ? sign : -sign;
    return i - j;
  };
  for (let r = 0, o = 0; o < total; r++, o += n) {
    let base = x.offset;
    for (let d = outer.length - 1, rest = r; d >= 0; d--) {
      base += (rest % outer[d]!) * outerStrides[d]!;
      rest = Math.floor(rest / outer[d]!);
    }
    for (let i = 0; i < n; i++) {
      row[i] = X[base + i * along]!;
      order[i] = i;
    }
    order.sort(compare);
    out.set(order, o);
  }
  return out;
}
