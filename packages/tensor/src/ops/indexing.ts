import { record } from "../graph.js";
import { fmtShape, normalizeDim } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { asIndex, checkIndexTensor, checkScatter } from "./checks.js";
import { wrap } from "./make.js";
import { indexOutOfBoundsAt, indexSite, type IndexSite } from "../errors.js";
import { expand, reshape } from "./view.js";

/**
 * `torch.gather(input, dim, index)`: `out[i][j] = input[i][index[i][j]]` along `dim`.
 *
 * @example
 * ```ts
 * torch.tensor([[1, 2], [3, 4]]).gather(1, torch.tensor([[0, 0], [1, 0]])); // [[1, 1], [4, 3]]
 * ```
 *
 * `site` (internal callers: `index_select`, `nll_loss`, ...) is the user's call a bad index reports.
 */
export function gather(x: Tensor, dim: number, index: Tensor, site?: IndexSite): Tensor {
  const d = normalizeDim(dim, x.ndim, "gather");
  index = asIndex("gather", index);
  site ??= indexSite("gather", { input: x.shape, index: index.shape });
  checkIndexTensor("gather", x, index);
  if (index.ndim !== x.ndim && !(x.ndim === 0 && index.ndim <= 1))
    throw new Error("gather(): Index tensor must have the same number of dimensions as input tensor");
  for (let i = 0; i < x.ndim; i++)
    if (i !== d && index.shape[i]! > x.shape[i]!)
      throw new Error(
        `gather(): Size does not match at dimension ${i} expected index ${fmtShape(index.shape)} to be no larger than self ${fmtShape(x.shape)} apart from dimension ${d}`,
      );
  const backend = x._storage.backend;
  const out = wrap(backend, backend.gather(x, d, index, x.dtype, site), x.dtype, index.shape);
  return x.requires_grad ? record("gather", [x], out, null, { dim: d, index }) : out;
}

/**
 * `torch.scatter_add`: `x` plus `src` added at the positions `index` gives along `dim`. `op`
 * (internal callers: `scatter(..., { reduce: "add" })`) is the user's call errors name.
 */
export function scatter_add(x: Tensor, dim: number, index: Tensor, src: Tensor, op = "scatter_add"): Tensor {
  const d = normalizeDim(dim, x.ndim, op);
  index = asIndex(op, index);
  checkScatter(op, x, d, index, src);
  const backend = x._storage.backend;
  const site = indexSite(op, { input: x.shape, index: index.shape, src: src.shape });
  const scattered = wrap(backend, backend.scatterAdd(x.shape, d, index, src, x.dtype, site), x.dtype, x.shape);
  const added = src.requires_grad ? record("scatter_add", [src], scattered, null, { dim: d, index }) : scattered;
  return x.add(added);
}

/**
 * `torch.index_select`: the entries of `x` at positions `index` (1-D) along `dim`. `site`
 * (internal callers: `x.index(t)`, `embedding`) is the user's call a bad index reports.
 */
export function index_select(x: Tensor, dim: number, index: Tensor, site?: IndexSite): Tensor {
  const d = normalizeDim(dim, x.ndim, "index_select");
  if (index.ndim > 1) throw new Error("index_select(): Index is supposed to be a vector");
  index = asIndex("index_select", index);
  checkIndexTensor("index_select", x, index);
  site ??= indexSite("index_select", { input: x.shape, index: index.shape }, d);
  const k = index.numel();
  const n = x.shape[d] ?? 1;
  const bad = k > 0 ? outOfRange(index, 0, n) : null;
  if (bad !== null) throw indexOutOfBoundsAt(site, "index_select", bad, d, n);
  const idxShape = x.shape.map((_, i) => (i === d ? k : 1));
  const outShape = x.shape.map((s, i) => (i === d ? k : s));
  return gather(x, d, expand(reshape(index, idxShape), outShape), site);
}

/** The first value of `index` outside `[lo, hi)`, where it can be read now (null otherwise: the kernel reports it). */
export function outOfRange(index: Tensor, lo: number, hi: number): number | null {
  if (!index._storage.backend.canReadSync) return null;
  for (const v of index.dataSync()) if (v < lo || v >= hi) return v;
  return null;
}

/**
 * The gradient of a slice: zeros of `shape` with `g` written into the sliced window. Recorded
 * so that second derivatives through slicing work.
 */
export function slice_backward(g: Tensor, shape: readonly number[], dim: number, start: number, step: number): Tensor {
  const backend = g._storage.backend;
  let size = 1;
  for (const s of shape) size *= s;
  const out = wrap(backend, backend.full(size, 0, g.dtype), g.dtype, shape);
  const strides = out.strides.slice();
  strides[dim] = strides[dim]! * step;
  backend.assign({ buffer: out.buffer, dtype: g.dtype, shape: g.shape, strides, offset: start * out.strides[dim]! }, g);
  return g.requires_grad ? record("slice_backward", [g], out, null, { dim, start, step, len: g.shape[dim] }) : out;
}
