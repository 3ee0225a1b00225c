import { record } from "../graph.js";
import {
  broadcastShapesFor, broadcastStrides, fmtShape, inferShape, isContiguous, normalizeDim, numel, shapesEqual, viewStrides,
} from "../shape.js";
import type { Tensor } from "../tensor.js";
import { viewOf, wrap } from "./make.js";
import { indexOutOfBounds } from "../errors.js";
import { checkTensors } from "./checks.js";

/** A view with the given shape when the strides allow it, else an error naming `reshape`. */
export function view(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, numel(x.shape), "view");
  const strides = viewStrides(x.shape, x.strides, target);
  if (strides === null)
    throw new Error(
      `view: view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces): shape ${fmtShape(x.shape)} with strides ${fmtShape(x.strides)} cannot be viewed as ${fmtShape(target)}. Use .reshape(...) instead.`,
    );
  return asView(x, target, strides, x.offset);
}

/** Records a reshape-like view so its gradient is reshaped back. */
function asView(x: Tensor, shape: number[], strides: number[], offset: number): Tensor {
  const out = viewOf(x, shape, strides, offset);
  return x.requires_grad ? record("reshape", [x], out) : out;
}

/** `reshape`: a view when possible, a copy otherwise; one dimension may be `-1`. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, numel(x.shape), "reshape");
  if (shapesEqual(target, x.shape)) return x;
  const strides = viewStrides(x.shape, x.strides, target);
  if (strides !== null) return asView(x, target, strides, x.offset);
  return view(contiguous(x), target);
}

/** Remove size-1 dimensions (all of them, or only `dim`). */
export function squeeze(x: Tensor, dim?: number | readonly number[]): Tensor {
  const dims =
    dim === undefined ? null : (typeof dim === "number" ? [dim] : dim).map((d) => normalizeDim(d, x.ndim, "squeeze"));
  const shape: number[] = [], strides: number[] = [];
  for (let i = 0; i < x.ndim; i++) {
    const drop = x.shape[i] === 1 && (dims === null || dims.includes(i));
    if (!drop) {
      shape.push(x.shape[i]!);
      strides.push(x.strides[i]!);
    }
  }
  return shape.length === x.ndim ? x : asView(x, shape, strides, x.offset);
}

/** Insert a size-1 dimension at `dim`. */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.ndim + 1, "unsqueeze");
  const shape = x.shape.slice(), strides = x.strides.slice();
  shape.splice(d, 0, 1);
  strides.splice(d, 0, d < x.ndim ? x.shape[d]! * x.strides[d]! : 1);
  return asView(x, shape, strides, x.offset);
}

/** Flatten dimensions `start_dim..end_dim` into one. */
export function flatten(x: Tensor, start_dim = 0, end_dim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normalizeDim(start_dim, x.ndim, "flatten"), e = normalizeDim(end_dim, x.ndim, "flatten");
  if (s > e) throw new Error("flatten() has invalid args: start_dim cannot come after end_dim");
  const shape = [...x.shape.slice(0, s), numel(x.shape.slice(s, e + 1)), ...x.shape.slice(e + 1)];
  return reshape(x, shape);
}

/** Reorder dimensions. */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== x.ndim)
    throw new Error(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${x.ndim} is not equal to len(dims) = ${dims.length}`.replace("(sparse_coo)", ""),
    );
  const norm = dims.map((d) => normalizeDim(d, x.ndim, "permute"));
  if (new Set(norm).size !== norm.length) throw new Error("permute(): duplicate dims are not allowed.");
  const out = viewOf(x, norm.map((d) => x.shape[d]!), norm.map((d) => x.strides[d]!), x.offset);
  return x.requires_grad ? record("permute", [x], out, null, { dims: norm }) : out;
}

/** Swap two dimensions. */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  if (x.ndim === 0) return x;
  const a = normalizeDim(dim0, x.ndim, "transpose"), b = normalizeDim(dim1, x.ndim, "transpose");
  const dims = Array.from({ length: x.ndim }, (_, i) => i);
  dims[a] = b;
  dims[b] = a;
  return permute(x, dims);
}

/** Transpose of a tensor of at most 2 dimensions. */
export function t(x: Tensor): Tensor {
  if (x.ndim > 2) throw new Error(`t() expects a tensor with <= 2 dimensions, but self is ${x.ndim}D`);
  return x.ndim < 2 ? x : transpose(x, 0, 1);
}

/** A broadcast view to a larger shape (`-1` keeps a size); no memory is copied. */
export function expand(x: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < x.ndim)
    throw new Error(
      `expand: the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${x.ndim})`,
    );
  const off = sizes.length - x.ndim;
  const shape = sizes.map((s, i) => {
    const cur = i >= off ? x.shape[i - off]! : 1;
    if (s === -1) {
      if (i < off) throw new Error("expand: -1 is not allowed in a leading, non-existing dimension");
      return cur;
    }
    if (cur !== 1 && cur !== s)
      throw new Error(
        `The expanded size of the tensor (${s}) must match the existing size (${cur}) at non-singleton dimension ${i}.  Target sizes: ${fmtShape(sizes)}.  Tensor sizes: ${fmtShape(x.shape)}`,
      );
    return s;
  });
  if (shapesEqual(shape, x.shape)) return x;
  const out = viewOf(x, shape, broadcastStrides(x.shape, x.strides, shape), x.offset);
  return x.requires_grad ? record("expand", [x], out) : out;
}

/** `torch.broadcast_to`. */
export function broadcast_to(x: Tensor, shape: readonly number[]): Tensor {
  return expand(x, shape);
}

/** `torch.broadcast_tensors`. */
export function broadcast_tensors(...xs: Tensor[]): Tensor[] {
  checkTensors("broadcast_tensors", "tensors", xs);
  const shape = broadcastShapesFor("broadcast_tensors", xs.map((x) => x.shape));
  return xs.map((x) => expand(x, shape));
}

/** The same tensor if already contiguous, else a contiguous copy. */
export function contiguous(x: Tensor): Tensor {
  return isContiguous(x.shape, x.strides) ? x : clone(x);
}

/** A copy with its own memory (differentiable). */
export function clone(x: Tensor): Tensor {
  const backend = x._storage.backend;
  const out = wrap(backend, backend.copy(x, x.dtype), x.dtype, x.shape);
  return x.requires_grad ? record("clone", [x], out) : out;
}

/** Elements `start, start+step, …` (< `end`) of dimension `dim`, as a view (Python slice rules). */
export function slice(x: Tensor, dim: number, start: number | null = null, end: number | null = null, step = 1): Tensor {
  const d = normalizeDim(dim, x.ndim, "slice");
  if (!Number.isInteger(step) || step <= 0) throw new Error("slice step must be positive");
  const n = x.shape[d]!;
  const clampIdx = (i: number) => Math.min(Math.max(i < 0 ? i + n : i, 0), n);
  const s = start === null ? 0 : clampIdx(start);
  const e = end === null ? n : clampIdx(end);
  const len = e > s ? Math.ceil((e - s) / step) : 0;
  const shape = x.shape.slice(), strides = x.strides.slice();
  shape[d] = len;
  strides[d] = x.strides[d]! * step;
  const out = viewOf(x, shape, strides, x.offset + s * x.strides[d]!);
  return x.requires_grad ? record("slice", [x], out, null, { dim: d, start: s, step, len }) : out;
}

/** `narrow(dim, start, length)`: a view of `length` elements from `start`. */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const d = normalizeDim(dim, x.ndim, "narrow");
  const n = x.shape[d]!;
  const s = start < 0 ? start + n : start;
  if (s < 0 || length < 0 || s + length > n)
    throw new Error(`start (${start}) + length (${length}) exceeds dimension size (${n}).`);
  return slice(x, d, s, s + length);
}

/** `select(dim, index)`: the slice at `index`, with `dim` removed. */
export function select(x: Tensor, dim: number, index: number): Tensor {
  const d = normalizeDim(dim, x.ndim, "select");
  const n = x.shape[d]!;
  if (index < -n || index >= n) throw indexOutOfBounds(null, index, d, n);
  const i = index < 0 ? index + n : index;
  return squeeze(slice(x, d, i, i + 1), d);
}

/** Reverse the order of elements along `dims` (a copy, as in PyTorch). */
export function flip(x: Tensor, dims: readonly number[]): Tensor {
  const norm = dims.map((d) => normalizeDim(d, x.ndim, "flip"));
  let offset = x.offset;
  const strides = x.strides.slice();
  for (const d of norm) {
    if (x.shape[d]! > 0) offset += (x.shape[d]! - 1) * strides[d]!;
    strides[d] = -strides[d]!;
  }
  const backend = x._storage.backend;
  const reversed = { buffer: x.buffer, dtype: x.dtype, shape: x.shape, strides, offset };
  const out = wrap(backend, backend.copy(reversed, x.dtype), x.dtype, x.shape);
  return x.requires_grad ? record("flip", [x], out, null, { dims: norm }) : out;
}
