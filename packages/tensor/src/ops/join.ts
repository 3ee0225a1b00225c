import { promoteTypes } from "../dtype.js";
import { record } from "../graph.js";
import { fmtShape, normalizeDim, numel } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { checkSameDevice, checkTensors } from "./checks.js";
import { wrap } from "./make.js";
import { expand, narrow, reshape, unsqueeze } from "./view.js";

/**
 * `torch.cat`: join tensors along an existing dimension.
 *
 * @example
 * ```ts
 * torch.cat([torch.zeros([2, 3]), torch.ones([1, 3])], 0).shape; // [3, 3]
 * ```
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  checkTensors("cat", "tensors", tensors);
  if (tensors.length === 0) throw new Error("torch.cat(): expected a non-empty list of Tensors");
  // PyTorch skips 1-D empty tensors, a legacy allowance kept for compatibility.
  const parts = tensors.filter((t) => !(t.ndim === 1 && t.shape[0] === 0));
  if (parts.length === 0) return tensors[0]!;
  const first = parts[0]!;
  const d = normalizeDim(dim, first.ndim, "cat");
  let dtype = first.dtype;
  for (const t of parts) {
    checkSameDevice("cat", first, t);
    if (t.ndim !== first.ndim)
      throw new Error(
        `torch.cat(): Tensors must have same number of dimensions: got ${first.ndim} and ${t.ndim}`,
      );
    for (let i = 0; i < t.ndim; i++)
      if (i !== d && t.shape[i] !== first.shape[i])
        throw new Error(
          `torch.cat(): Sizes of tensors must match except in dimension ${d}. Expected size ${first.shape[i]} but got size ${t.shape[i]} for tensor number ${parts.indexOf(t)} in the list (shapes ${fmtShape(first.shape)} and ${fmtShape(t.shape)}).`,
        );
    dtype = promoteTypes(dtype, t.dtype);
  }
  const shape = first.shape.slice();
  shape[d] = parts.reduce((s, t) => s + t.shape[d]!, 0);
  const backend = first._storage.backend;
  const out = wrap(backend, backend.full(numel(shape), 0, dtype), dtype, shape);
  let offset = 0;
  for (const t of parts) {
    backend.assign({ buffer: out.buffer, dtype, shape: t.shape, strides: out.strides, offset: offset * out.strides[d]! }, t);
    offset += t.shape[d]!;
  }
  if (!tensors.some((t) => t.requires_grad)) return out;
  // Skipped legacy empty inputs stay in the graph (size -1) so they get an empty gradient, as in PyTorch.
  return record("cat", tensors, out, null, { dim: d, sizes: tensors.map((t) => (parts.includes(t) ? t.shape[d]! : -1)) });
}

/** `torch.stack`: join tensors of equal shape along a new dimension. */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  checkTensors("stack", "tensors", tensors);
  if (tensors.length === 0) throw new Error("stack expects a non-empty TensorList");
  const s = tensors[0]!.shape;
  tensors.forEach((t, i) => {
    if (t.shape.length !== s.length || t.shape.some((v, j) => v !== s[j]))
      throw new Error(
        `stack expects each tensor to be equal size, but got ${fmtShape(s)} at entry 0 and ${fmtShape(t.shape)} at entry ${i}`,
      );
  });
  const d = normalizeDim(dim, s.length + 1, "stack");
  return cat(tensors.map((t) => unsqueeze(t, d)), d);
}

/** `torch.split`: views of `split_size` elements along `dim` (the last may be smaller), or of the given sizes. */
export function split(x: Tensor, split_size_or_sections: number | readonly number[], dim = 0): Tensor[] {
  const d = normalizeDim(dim, x.ndim, "split");
  const n = x.shape[d]!;
  const sizes: number[] = [];
  if (typeof split_size_or_sections === "number") {
    const k = split_size_or_sections;
    if (!(k > 0) && !(k === 0 && n === 0)) throw new Error(`split expects split_size be non-negative, but got split_size=${k}`);
    for (let s = 0; s < n; s += k) sizes.push(Math.min(k, n - s));
    if (sizes.length === 0) sizes.push(0);
  } else {
    const total = split_size_or_sections.reduce((a, b) => a + b, 0);
    if (total !== n)
      throw new Error(
        `split_with_sizes expects split_sizes to sum exactly to ${n} (input tensor's size at dimension ${d}), but got split_sizes=${fmtShape(split_size_or_sections)}`,
      );
    sizes.push(...split_size_or_sections);
  }
  let start = 0;
  return sizes.map((len) => {
    const part = narrow(x, d, start, len);
    start += len;
    return part;
  });
}

/** `torch.chunk`: split into `chunks` nearly equal views along `dim`. */
export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  if (!(chunks > 0)) throw new Error("chunk expects `chunks` to be greater than 0, got: " + chunks);
  const d = normalizeDim(dim, x.ndim, "chunk");
  return split(x, Math.max(1, Math.ceil(x.shape[d]! / chunks)), d);
}

/** `Tensor.repeat`: tile the tensor `sizes[i]` times along each dimension. */
export function repeat(x: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < x.ndim)
    throw new Error(
      "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
    );
  const lead = sizes.length - x.ndim;
  const src = [...new Array(lead).fill(1), ...x.shape];
  // Interleave a new size-1 axis before every axis, broadcast it to the repeat count, then merge.
  const inter: number[] = [], expanded: number[] = [];
  src.forEach((s, i) => {
    inter.push(1, s);
    expanded.push(sizes[i]!, s);
  });
  const tiled = expand(reshape(x, inter), expanded);
  return reshape(tiled, src.map((s, i) => s * sizes[i]!));
}
