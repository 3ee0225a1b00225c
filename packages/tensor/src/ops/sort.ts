import { fmtShape, normalizeDim } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { arange, full, tensor } from "./creation.js";
import { toDType } from "./convert.js";
import { checkTensor } from "./checks.js";
import { checkOptions, optionKeys } from "../keywords.js";
import { checkKind, KIND } from "../kinds.js";
import { binary, unary } from "./elementwise.js";
import { gather } from "./indexing.js";
import { wrap } from "./make.js";
import { cat } from "./join.js";
import { sum, valuesIndices, type ValuesIndices } from "./reduce.js";
import { where } from "./select.js";
import { contiguous, expand, narrow, reshape, select, transpose, unsqueeze } from "./view.js";

/** Keyword arguments of `torch.sort`. */
export interface SortOptions {
  dim?: number;
  descending?: boolean;
  /** Accepted for PyTorch compatibility: Flambeau's sort is always stable. */
  stable?: boolean;
}

/** Keyword arguments of `torch.topk`. */
export interface TopkOptions {
  dim?: number;
  /** The k largest (default) or, with `false`, the k smallest. */
  largest?: boolean;
  /** Accepted for PyTorch compatibility: the result is always sorted. */
  sorted?: boolean;
}

const SORT_KEYS = optionKeys("sort", ["dim", "descending", "stable"]);
optionKeys("argsort", SORT_KEYS);
const TOPK_KEYS = optionKeys("topk", ["dim", "largest", "sorted"]);

type Pair = { v: Tensor; i: Tensor };

/**
 * Whether element `a` belongs after element `b` in a stable sort: by value (NaN greatest, as
 * PyTorch orders it), then by original index. Padding (index >= n) sorts after everything.
 */
function after(a: Pair, b: Pair, descending: boolean, floating: boolean, n: number, padded: boolean): Tensor {
  let valueAfter = binary(descending ? "lt" : "gt", a.v, b.v);
  let valueEq = binary("eq", a.v, b.v);
  if (floating) {
    const an = unary("isnan", a.v), bn = unary("isnan", b.v);
    const nanFirst = descending ? binary("logical_and", bn, unary("logical_not", an)) : binary("logical_and", an, unary("logical_not", bn));
    valueAfter = binary("logical_or", valueAfter, nanFirst);
    valueEq = binary("logical_or", valueEq, binary("logical_and", an, bn));
  }
  const indexAfter = binary("gt", a.i, b.i);
  if (!padded) return binary("logical_or", valueAfter, binary("logical_and", valueEq, indexAfter));
  // With a pad on either side the indices decide: pads carry the largest indices.
  const pad = binary("logical_or", binary("ge", a.i, n), binary("ge", b.i, n));
  const byIndex = binary("logical_and", indexAfter, binary("logical_or", pad, valueEq));
  return binary("logical_or", byIndex, binary("logical_and", unary("logical_not", pad), valueAfter));
}

/**
 * A stable sort of the rows of a contiguous `[rows, n]` tensor, as a bitonic network of
 * elementwise compare-and-swap steps over the rows padded to a power of two. Composed of
 * primitives, so every backend sorts the same way. Returns the sorted positions (int32).
 */
function sortRows(v0: Tensor, descending: boolean): Tensor {
  const [rows, n] = v0.shape as [number, number];
  let size = 1;
  while (size < n) size *= 2;
  const padded = size > n;
  const floating = v0.dtype === "float32" || v0.dtype === "float64";
  let v = padded ? cat([v0, full([rows, size - n], 0, { dtype: v0.dtype, device: v0.device })], 1) : v0;
  let i = expand(reshape(arange(size, { device: v0.device }), [1, size]), [rows, size]);
  for (let k = 2; k <= size; k *= 2) {
    for (let j = k / 2; j >= 1; j /= 2) {
      const blocks = size / (2 * j);
      // Blocks whose first element has bit k set sort the other way round (the bitonic merge).
      const flags = Array.from({ length: blocks }, (_, b) => ((b * 2 * j) & k) !== 0);
      const down = reshape(tensor(flags, { device: v0.device }), [1, blocks, 1]);
      const vv = reshape(v, [rows, blocks, 2, j]), ii = reshape(i, [rows, blocks, 2, j]);
      const lo = { v: select(vv, 2, 0), i: select(ii, 2, 0) }, hi = { v: select(vv, 2, 1), i: select(ii, 2, 1) };
      const swap = binary("logical_xor", after(lo, hi, descending, floating, n, padded), down);
      const join = (a: Tensor, b: Tensor) =>
        reshape(cat([unsqueeze(where(swap, b, a), 2), unsqueeze(where(swap, a, b), 2)], 2), [rows, size]);
      v = join(lo.v, hi.v);
      i = join(lo.i, hi.i);
    }
  }
  return padded ? narrow(i, 1, 0, n) : i;
}

// Rows up to this many pairwise comparisons in all are ranked by counting instead (a few ops
// on [rows, n, n] rather than ~30 ops per step of the network): short rows, such as a small
// vocabulary's logits, then cost a dozen dispatches on a GPU.
const COUNTING_LIMIT = 1 << 22;

/**
 * Stable sorted positions of the rows of a `[rows, n]` tensor by counting: each element's rank
 * is the number of elements that sort before it (by value, NaN largest, then by position), and
 * the positions are scattered to their ranks.
 */
function rankRows(v: Tensor, descending: boolean): Tensor {
  const [rows, n] = v.shape as [number, number];
  const a = unsqueeze(v, 1), b = unsqueeze(v, 2); // a: the other element j, b: the element i
  let before = binary(descending ? "gt" : "lt", a, b);
  let equal = binary("eq", a, b);
  if (v.dtype === "float32" || v.dtype === "float64") {
    const an = unary("isnan", a), bn = unary("isnan", b);
    const nanOrder = descending ? binary("logical_and", an, unary("logical_not", bn)) : binary("logical_and", bn, unary("logical_not", an));
    before = binary("logical_or", before, nanOrder);
    equal = binary("logical_or", equal, binary("logical_and", an, bn));
  }
  const pos = arange(n, { device: v.device });
  const earlier = binary("lt", reshape(pos, [1, n]), reshape(pos, [n, 1])); // [i][j]: j < i
  const rank = sum(binary("logical_or", before, binary("logical_and", equal, earlier)), 2);
  const backend = v._storage.backend;
  const positions = expand(reshape(pos, [1, n]), [rows, n]);
  return wrap(backend, backend.scatterAdd([rows, n], 1, rank, positions, "int32"), "int32", [rows, n]);
}

/** Sorted positions of `x` along `d`, shaped like `x` (int32, contiguous). */
function sortedIndices(x: Tensor, d: number, descending: boolean): Tensor {
  const moved = transpose(x.detach(), d, -1);
  const n = moved.shape[moved.ndim - 1]!;
  const batch = moved.shape.slice(0, -1);
  const rows = batch.reduce((a, b) => a * b, 1);
  const backend = x._storage.backend;
  if (backend.argsort) return contiguous(transpose(wrap(backend, backend.argsort(moved, descending), "int32", moved.shape), d, -1));
  let keys = reshape(moved, [rows, n]);
  if (keys.dtype === "bool") keys = toDType(keys, "int32");
  const idx = n <= 1 || rows === 0 ? contiguous(expand(reshape(arange(n, { device: x.device }), [1, n]), [rows, n])) : rows * n * n <= COUNTING_LIMIT ? rankRows(keys, descending) : sortRows(contiguous(keys), descending);
  return contiguous(transpose(reshape(idx, [...batch, n]), d, -1));
}

/**
 * `torch.sort(input, dim=-1, descending=False, stable=False)`: the values along `dim` in
 * order, and their original positions, as `[values, indices]` (also `.values`, `.indices`).
 * The sort is stable (equal values keep their order, as PyTorch with `stable=True`) and NaN
 * sorts as the largest value. Gradients flow to the input through the indices.
 *
 * @example
 * ```ts
 * const [values, indices] = torch.tensor([3, 1, 2]).sort();
 * // values: tensor([1, 2, 3]), indices: tensor([1, 2, 0])
 * x.sort(0, true); // descending along dim 0
 * x.sort({ dim: 0, descending: true });
 * ```
 */
export function sort(x: Tensor, dim: number | SortOptions = -1, descending = false, options: SortOptions = {}): ValuesIndices {
  checkTensor("sort", "input", x);
  checkOptions("sort", typeof dim === "object" ? dim : null, SORT_KEYS);
  checkOptions("sort", options, SORT_KEYS);
  const o = typeof dim === "object" ? { ...dim, ...options } : { dim, descending, ...options };
  checkKind("sort", "descending", KIND.bool, o.descending);
  checkKind("sort", "stable", KIND.bool, o.stable);
  const d = normalizeDim(o.dim ?? -1, x.ndim, "sort");
  if (x.ndim === 0) return valuesIndices(x.clone(), tensor(0, { device: x.device }));
  const indices = sortedIndices(x, d, o.descending ?? false);
  return valuesIndices(gather(x, d, indices), indices);
}

/**
 * `torch.argsort(input, dim=-1, descending=False, stable=False)`: the positions that sort
 * `input` along `dim` (the indices of {@link sort}).
 *
 * @example
 * ```ts
 * torch.tensor([3, 1, 2]).argsort(); // tensor([1, 2, 0])
 * ```
 */
export function argsort(x: Tensor, dim: number | SortOptions = -1, descending = false, options: SortOptions = {}): Tensor {
  checkOptions("argsort", typeof dim === "object" ? dim : null, SORT_KEYS);
  checkOptions("argsort", options, SORT_KEYS);
  return sort(x, dim, descending, options).indices;
}

/**
 * `torch.topk(input, k, dim=-1, largest=True, sorted=True)`: the `k` largest (or, with
 * `largest: false`, smallest) elements along `dim`, in order, as `[values, indices]`. Among
 * equal values the earlier position comes first.
 *
 * @example
 * ```ts
 * const [values, indices] = logits.topk(5);
 * torch.tensor([4, 1, 3]).topk(2, { largest: false }); // values [1, 3], indices [1, 2]
 * ```
 */
export function topk(x: Tensor, k: number, dim: number | TopkOptions = -1, largest = true, options: TopkOptions = {}): ValuesIndices {
  checkTensor("topk", "input", x);
  checkOptions("topk", typeof dim === "object" ? dim : null, TOPK_KEYS);
  checkOptions("topk", options, TOPK_KEYS);
  const o = typeof dim === "object" ? { ...dim, ...options } : { dim, largest, ...options };
  checkKind("topk", "k", KIND.int, k);
  checkKind("topk", "largest", KIND.bool, o.largest);
  checkKind("topk", "sorted", KIND.bool, o.sorted);
  const d = normalizeDim(o.dim ?? -1, x.ndim, "topk");
  const n = x.ndim === 0 ? 1 : x.shape[d]!;
  if (!Number.isInteger(k) || k < 0 || k > n)
    throw new RangeError(`topk(): selected index k out of range (k = ${k}, but dimension ${d} of input ${fmtShape(x.shape)} has size ${n})`);
  if (x.ndim === 0) return sort(x);
  const indices = contiguous(narrow(sortedIndices(x, d, o.largest ?? true), d, 0, k));
  return valuesIndices(gather(x, d, indices), indices);
}
