/**
 * Every reduction primitive, one row each: the dtype of its result, what its graph node saves,
 * its gradient and the name PyTorch prints for that node (see unary.ts for the shape of a row).
 * `ReduceOp` is the keys. A gradient gets the incoming gradient `g`, shaped like the result,
 * the reduction (`axes`, `keepdim`, the input's `shape`) and the tensors the row saves.
 */
import { isFloating, type DType } from "../dtype.js";
import type { Tensor } from "../tensor.js";

/** What a reduction did: the axes it reduced, whether it kept them, the input's shape. */
export interface Reduction {
  readonly axes: readonly number[];
  readonly keepdim: boolean;
  readonly shape: readonly number[];
}

/**
 * `accumulate`: floats keep their dtype, integers and bools give int64 as in PyTorch where the
 * device has it (the CPU), int32 on the GPUs; `same`: the input's dtype; `index`: int32
 * positions (PyTorch: int64); `bool`.
 */
export type ReduceResult = "accumulate" | "same" | "index" | "bool";

/**
 * One reduction: its result dtype, what its graph node saves, its gradient and node name.
 *
 * @internal The op table is the backends' and autograd's plumbing, not user API.
 */
export type ReduceRow = { readonly result: ReduceResult } & (
  | { readonly saves: null; readonly grad: (g: Tensor, r: Reduction) => Tensor; readonly node: string }
  | { readonly saves: "input and result"; readonly grad: (g: Tensor, r: Reduction, x: Tensor, out: Tensor) => Tensor; readonly node: string }
  | { readonly saves?: undefined; readonly grad: null; readonly node?: undefined }
);

/** A reduced gradient unsqueezed back to the input's rank, then broadcast to its shape. */
export function unreduce(g: Tensor, r: Reduction): Tensor {
  const out = r.keepdim ? g : g.reshape(r.shape.map((s, i) => (r.axes.includes(i) ? 1 : s)));
  return out.expand(r.shape as number[]);
}

/** Ties share the gradient evenly, as torch.amax and torch.amin do. */
function extremumGrad(g: Tensor, r: Reduction, x: Tensor, out: Tensor): Tensor {
  const mask = x.eq(unreduce(out, r)).to(g.dtype);
  const count = mask.sum(r.axes as number[], true);
  return unreduce(g, r).mul(mask).div(count);
}

// Gradients state their return type, as in unary.ts (Tensor's methods derive from the tables).
/** @internal Every reduction, one row each (see {@link ReduceRow}). */
export const REDUCE_OPS = {
  sum: { result: "accumulate", saves: null, grad: (g, r): Tensor => unreduce(g, r), node: "SumBackward0" },
  prod: {
    result: "accumulate", saves: "input and result", node: "ProdBackward0",
    grad: (g, r, x): Tensor => {
      // d prod / d x_i is the product of the other elements, never NaN (as PyTorch): out / x_i
      // in a slice without zeros; with one zero x_k, the product of the non-zeros at k and
      // (that product / x_i) * x_k elsewhere (0, yet differentiable in x_k for create_graph);
      // 0 with more zeros.
      const axes = r.axes as number[];
      const isZero = x.eq(0);
      const safe = x.where(isZero.logical_not(), 1);
      const kept = x.shape.map((s, i) => (axes.includes(i) ? 1 : s));
      const prodSafe = axes.length === 1 ? safe.prod(axes[0]!, true) : safe.prod().reshape(kept);
      const zerosIn = isZero.sum(axes, true);
      const rest = prodSafe.div(safe);
      const oneZero = prodSafe.where(isZero, rest.mul(x.where(isZero, 0).sum(axes, true)));
      const others = rest.where(zerosIn.eq(0), oneZero.where(zerosIn.eq(1), 0));
      return unreduce(g, r).mul(others);
    },
  },
  max: { result: "same", saves: "input and result", grad: extremumGrad, node: "AmaxBackward0" },
  min: { result: "same", saves: "input and result", grad: extremumGrad, node: "AminBackward0" },
  argmax: { result: "index", grad: null },
  argmin: { result: "index", grad: null },
  any: { result: "bool", grad: null },
  all: { result: "bool", grad: null },
} satisfies Record<string, ReduceRow>;

/** The name of a reduction primitive; the keys of `REDUCE_OPS`. */
export type ReduceOp = keyof typeof REDUCE_OPS;

/** The reductions with a gradient: those whose nodes the graph records. */
export type DifferentiableReduceOp = { [K in ReduceOp]: (typeof REDUCE_OPS)[K]["grad"] extends null ? never : K }[ReduceOp];

/** The reductions' names, in table order. */
export const reduceOps = Object.keys(REDUCE_OPS) as ReduceOp[];

/** The dtype `op` gives for an input of `dtype`, on a device that has `int64` or not. */
export function reduceDType(op: ReduceOp, dtype: DType, hasInt64: boolean): DType {
  const result: ReduceResult = REDUCE_OPS[op].result;
  if (result === "same") return dtype;
  if (result === "index") return "int32";
  if (result === "bool") return "bool";
  return isFloating(dtype) ? dtype : integerAccumulator(hasInt64);
}

/** The dtype integer sums and products accumulate into: PyTorch's int64 where the device has it. */
export function integerAccumulator(hasInt64: boolean): DType {
  return hasInt64 ? "int64" : "int32";
}
