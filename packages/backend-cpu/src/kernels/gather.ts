import type { DType, Shape, TypedArray } from "@flambeau/tensor";
import { contiguousStrides, indexOutOfBoundsAt, numel, type IndexSite, type View } from "@flambeau/tensor/internal";
import { allocResult, data, normalizeBool } from "./arrays.js";
import { Rows } from "./strided.js";

/**
 * Both ops walk `index.shape`. The tensor indexed along `dim` is read through its own strides
 * with a 0 stride on `dim`, so the walk lands on the start of the line each index selects in.
 */
function lineStrides(strides: Shape, dim: number): number[] {
  const s = strides.slice();
  if (s.length > 0) s[dim] = 0;
  return s;
}

/** `out[i][j] = x[i][index[i][j]]` along `dim` (torch.gather); the output has `index.shape`. */
export function gather(x: View, dim: number, index: View, outDtype: DType, site?: IndexSite): TypedArray {
  const n = numel(index.shape);
  const out = allocResult(outDtype, n);
  if (n === 0) return out;
  const X = data(x);
  const I = data(index);
  const scalar = x.shape.length === 0; // a 0-d x has one line of one element
  const extent = scalar ? 1 : x.shape[dim]!;
  const along = scalar ? 0 : x.strides[dim]!;
  const rows = new Rows(index.shape, [index.strides, lineStrides(x.strides, dim)], [index.offset, x.offset]);
  const { off, step } = rows;
  let o = 0;
  do {
    let ii = off[0]!;
    let xi = off[1]!;
    for (let t = 0; t < rows.n; t++, o++, ii += step[0]!, xi += step[1]!) {
      const j = I[ii]!;
      if (j < 0 || j >= extent) throw indexOutOfBoundsAt(site, "gather", j, dim, extent);
      out[o] = X[xi + j * along]!;
    }
  } while (rows.next());
  return out;
}

/** Zeros of `shape`, then `out[i][index[i][j]] += src[i][j]` along `dim` (torch.scatter_add). */
export function scatterAdd(shape: Shape, dim: number, index: View, src: View, outDtype: DType, site?: IndexSite): TypedArray {
  const out = allocResult(outDtype, numel(shape));
  if (numel(index.shape) === 0 || out.length === 0) return out;
  const I = data(index);
  const S = data(src);
  const outStrides = contiguousStrides(shape);
  const scalar = shape.length === 0;
  const extent = scalar ? 1 : shape[dim]!;
  const along = scalar ? 0 : outStrides[dim]!;
  // src may be larger than index in every dim: only the part index covers is added.
  const rows = new Rows(index.shape, [index.strides, src.strides, lineStrides(outStrides, dim)], [index.offset, src.offset, 0]);
  const { off, step } = rows;
  do {
    let ii = off[0]!;
    let si = off[1]!;
    let oi = off[2]!;
    for (let t = 0; t < rows.n; t++, ii += step[0]!, si += step[1]!, oi += step[2]!) {
      const j = I[ii]!;
      if (j < 0 || j >= extent) throw indexOutOfBoundsAt(site, "scatter_add", j, dim, extent);
      out[oi + j * along]! += S[si]!;
    }
  } while (rows.next());
  if (outDtype === "bool") normalizeBool(out);
  return out;
}
