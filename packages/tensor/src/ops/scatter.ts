import { record } from "../graph.js";
import { indexSite, type IndexSite } from "../errors.js";
import { normalizeDim } from "../shape.js";
import { Tensor } from "../tensor.js";
import { asIndex, checkOperand, checkScatter, checkTensor } from "./checks.js";
import { arange } from "./creation.js";
import { binary } from "./elementwise.js";
import { constant, wrap } from "./make.js";
import { any } from "./reduce.js";
import { where } from "./select.js";
import { expand, reshape, unsqueeze } from "./view.js";

/**
 * Which entries of `index` are overwritten by a later entry (along `d`) naming the same
 * target: PyTorch's CPU kernel writes in order along `d`, so the last write wins.
 */
function overwritten(index: Tensor, d: number): Tensor | null {
  const m = index.shape[d] ?? 1;
  if (m <= 1) return null;
  const same = binary("eq", unsqueeze(index, d + 1), unsqueeze(index, d));
  const pos = arange(m, { device: index.device });
  const later = binary("gt", reshape(pos, [1, m]), reshape(pos, [m, 1]));
  const laterAligned = reshape(later, index.shape.map((s, i) => (i === d ? m : 1)).flatMap((s, i) => (i === d ? [m, m] : [s])));
  return any(binary("logical_and", same, laterAligned), d + 1);
}

/**
 * `torch.scatter(input, dim, index, src)` (or a scalar `value`): a copy of `input` with
 * `out[...][index[i][j]][...] = src[i][j]` along `dim`. Where several entries of `index` name
 * one position, the last along `dim` wins (as PyTorch on the CPU). Gradients: `input` gets
 * the gradient of the positions not written, `src` the gradient at the positions it wrote to.
 *
 * @example
 * ```ts
 * torch.zeros([2, 4]).scatter(1, torch.tensor([[1], [3]]), 1); // one-hot rows
 * torch.zeros([3]).scatter(0, torch.tensor([2, 0]), torch.tensor([5, 7])); // [7, 0, 5]
 * ```
 *
 * `site` (internal callers: `one_hot`) is the user's call a bad index reports.
 */
export function scatter(x: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, site?: IndexSite): Tensor {
  checkTensor("scatter", "input", x);
  checkTensor("scatter", "index", index);
  checkOperand("scatter", "src", src);
  const d = normalizeDim(dim, x.ndim, "scatter");
  const backend = x._storage.backend;
  const srcT = src instanceof Tensor ? src : null;
  index = asIndex("scatter", index);
  checkScatter("scatter", x, d, index, srcT);
  const value = srcT ?? expand(constant(backend, +src, x.dtype), index.shape);
  const idx = x.ndim === 0 ? reshape(index, []) : index;
  site ??= indexSite("scatter", { input: x.shape, index: index.shape, ...(srcT ? { src: srcT.shape } : {}) });
  const drop = overwritten(idx, d);
  const ones = expand(constant(backend, 1, "int32"), idx.shape);
  const written = binary("gt", wrap(backend, backend.scatterAdd(x.shape, d, idx, ones, "int32", site), "int32", x.shape), 0);
  const kept = drop === null ? value.detach() : where(drop, 0, value.detach());
  const placed = wrap(backend, backend.scatterAdd(x.shape, d, idx, kept, x.dtype, site), x.dtype, x.shape);
  const out = where(written, placed, x.detach());
  if (!x.requires_grad && !(srcT?.requires_grad ?? false)) return out;
  return record("scatter", srcT ? [x, srcT] : [x], out, null, { dim: d, index: idx, written });
}
