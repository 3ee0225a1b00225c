import { record } from "../graph.js";
import { broadcastShapesFor } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { checkSameDevice } from "./checks.js";
import { binary } from "./elementwise.js";
import { wrap } from "./make.js";
import { expand, reshape, squeeze, unsqueeze } from "./view.js";

function mulError(op: string, a: readonly number[], b: readonly number[]): Error {
  return new Error(`${op}: mat1 and mat2 shapes cannot be multiplied (${a.join("x")} and ${b.join("x")})`);
}

/**
 * `torch.matmul` with PyTorch's rules: 1-D·1-D is a dot product, 1-D operands are promoted to
 * matrices and the added dimension removed, and batch dimensions broadcast.
 *
 * @example
 * ```ts
 * torch.randn([5, 3]).matmul(torch.randn([3, 2])).shape; // [5, 2]
 * ```
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  return matmulAs("matmul", a, b);
}

/** {@link matmul} for the function the user called (`mm` and `bmm` end in it), named in its errors. */
function matmulAs(op: string, a: Tensor, b: Tensor): Tensor {
  checkSameDevice(op, a, b);
  // PyTorch's order: a 0-d operand first, then the dtypes.
  if (a.ndim === 0 || b.ndim === 0)
    throw new Error(`${op}: both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`);
  if (a.dtype !== b.dtype)
    throw new Error(`${op}: expected m1 and m2 to have the same dtype, but got: ${a.dtype} != ${b.dtype}`);
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b);
  if (a.ndim === 1) return squeeze(matmulNd(op, unsqueeze(a, 0), b), -2);
  if (b.ndim === 1) return squeeze(matmulNd(op, a, unsqueeze(b, 1)), -1);
  return matmulNd(op, a, b);
}

function matmulNd(op: string, a: Tensor, b: Tensor): Tensor {
  const [m, k] = a.shape.slice(-2) as [number, number];
  const [k2, n] = b.shape.slice(-2) as [number, number];
  if (k !== k2) {
    const flat = (t: Tensor) => (t.ndim === 2 ? t.shape : [t.shape.slice(0, -1).reduce((x, y) => x * y, 1), t.shape.at(-1)!]);
    throw mulError(op, flat(a), b.ndim === 2 ? b.shape : [k2, n]);
  }
  const batch = broadcastShapesFor(op, [a.shape.slice(0, -2), b.shape.slice(0, -2)]);
  const av = a.ndim - 2 === batch.length && a.shape.slice(0, -2).every((s, i) => s === batch[i]) ? a : expand(a, [...batch, m, k]);
  const bv = b.ndim - 2 === batch.length && b.shape.slice(0, -2).every((s, i) => s === batch[i]) ? b : expand(b, [...batch, k, n]);
  const backend = a._storage.backend;
  const dtype = a.dtype;
  const out = wrap(backend, backend.matmul(av, bv, dtype), dtype, [...batch, m, n]);
  return a.requires_grad || b.requires_grad ? record("matmul", [av, bv], out, [av, bv]) : out;
}

/** `torch.mm`: product of two matrices (2-D only). */
export function mm(a: Tensor, b: Tensor): Tensor {
  checkSameDevice("mm", a, b);
  if (a.ndim !== 2) throw new Error(`mm: self must be a matrix (got a ${a.ndim}-D tensor)`);
  if (b.ndim !== 2) throw new Error(`mm: mat2 must be a matrix (got a ${b.ndim}-D tensor)`);
  if (a.shape[1] !== b.shape[0]) throw mulError("mm", a.shape, b.shape);
  return matmulAs("mm", a, b);
}

/** `torch.bmm`: batched product of 3-D tensors with equal batch sizes (no broadcasting). */
export function bmm(a: Tensor, b: Tensor): Tensor {
  checkSameDevice("bmm", a, b);
  if (a.ndim !== 3) throw new Error(`bmm: batch1 must be a 3D tensor (got ${a.ndim}-D)`);
  if (b.ndim !== 3) throw new Error(`bmm: batch2 must be a 3D tensor (got ${b.ndim}-D)`);
  if (a.shape[0] !== b.shape[0])
    throw new Error(`bmm: batch1 and batch2 must have same number of batches, got ${a.shape[0]} and ${b.shape[0]}`);
  if (a.shape[2] !== b.shape[1])
    throw new Error(
      `bmm: Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`,
    );
  return matmulAs("bmm", a, b);
}

/** `torch.dot`: inner product of two 1-D tensors of equal length. */
export function dot(a: Tensor, b: Tensor): Tensor {
  checkSameDevice("dot", a, b);
  if (a.ndim !== 1 || b.ndim !== 1)
    throw new Error(`dot: 1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  if (a.shape[0] !== b.shape[0])
    throw new Error(
      `dot: inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  if (a.dtype !== b.dtype)
    throw new Error(`dot : expected both vectors to have same dtype, but found ${a.dtype} and ${b.dtype}`);
  return reshape(matmulNd("dot", unsqueeze(a, 0), unsqueeze(b, 1)), []);
}

/** `torch.outer`: the outer product of two 1-D tensors. */
export function outer(a: Tensor, b: Tensor): Tensor {
  checkSameDevice("outer", a, b);
  if (a.ndim !== 1 || b.ndim !== 1) throw new Error(`outer: expected 1D tensors, got ${a.ndim}D and ${b.ndim}D`);
  return binary("mul", unsqueeze(a, 1), unsqueeze(b, 0));
}

