import { REDUCE_OPS, reduceDType, type DifferentiableReduceOp, type ReduceOp, type ReduceRow } from "../tables/reduce.js";
import { isFloating, type DType, legacyTypeName, scalarTypeName } from "../dtype.js";
import { gradMode, record } from "../graph.js";
import { normalizeDim, normalizeDims } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { binary, unary } from "./elementwise.js";
import { wrap } from "./make.js";
import { check } from "../errors.js";
import { reshape } from "./view.js";
import { gather } from "./indexing.js";

/** The dimensions a reduction runs over: one, several, or (`null`, omitted) all. */
export type Dim = number | readonly number[] | null | undefined;

export interface ReduceOptions {
  keepdim?: boolean;
}

function keptShape(shape: readonly number[], axes: readonly number[], keepdim: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (!axes.includes(i)) out.push(shape[i]!);
    else if (keepdim) out.push(1);
  }
  return out;
}

/**
 * Run a reduction primitive and shape its result as PyTorch does. An extremum over an empty
 * dim has no value, so it is refused here, for every backend.
 */
export function reducePrimitive(op: ReduceOp, x: Tensor, axes: number[], keepdim: boolean): Tensor {
  if (op === "max" || op === "min" || op === "argmax" || op === "argmin") {
    const empty = x.shape.findIndex((s, d) => s === 0 && axes.includes(d));
    check(empty < 0, () => `${op}(): Expected reduction dim ${empty} to have non-zero size.`);
  }
  const backend = x._storage.backend;
  const outDtype = reduceDType(op, x.dtype, backend.supportsDType("int64"));
  return wrap(backend, backend.reduce(op, x, axes, outDtype), outDtype, keptShape(x.shape, axes, keepdim));
}

/** A differentiable reduction, recorded with what its row (tables/reduce.ts) saves. */
function recorded(op: DifferentiableReduceOp, x: Tensor, axes: number[], keepdim: boolean): Tensor {
  const out = reducePrimitive(op, x, axes, keepdim);
  if (!x.requires_grad) return out;
  const row: ReduceRow = REDUCE_OPS[op];
  return record(op, [x], out, row.saves === null ? null : [x, out], { axes, keepdim });
}

/**
 * Sum of elements over `dim` (all by default). Integer and bool inputs sum to `int64` on the
 * CPU, as in PyTorch (exact to 2^53 - 1, past which it raises), and to `int32` on the GPUs,
 * where a sum that `int32` cannot hold raises rather than wraps (docs/design.md).
 *
 * @example
 * ```ts
 * torch.tensor([[1, 2], [3, 4]]).sum(1); // tensor([3, 7])
 * torch.arange(0, 100000).sum(); // tensor(4999950000), int64
 * ```
 */
export function sum(x: Tensor, dim?: Dim, keepdim = false): Tensor {
  const axes = normalizeDims(dim, x.ndim, "sum");
  return recorded("sum", x, axes, keepdim);
}

/** Mean over `dim` (all by default); floating inputs only, as in PyTorch. */
export function mean(x: Tensor, dim?: Dim, keepdim = false): Tensor {
  if (!isFloating(x.dtype))
    throw new Error(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${legacyTypeName(x.dtype).replace("torch.", "").replace("Tensor", "")}`,
    );
  const axes = normalizeDims(dim, x.ndim, "mean");
  let n = 1;
  for (const a of axes) n *= x.shape[a]!;
  return binary("div", sum(x, axes, keepdim), n);
}

/**
 * Product of elements over `dim` (all by default). Integer and bool inputs give `int64` on the
 * CPU, as in PyTorch (past 2^53 - 1 it raises), and `int32` on the GPUs (past int32 it raises).
 *
 * @example
 * ```ts
 * torch.full([40], 2, { dtype: "int32" }).prod(); // tensor(1099511627776), int64
 * ```
 */
export function prod(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  const axes = normalizeDims(dim, x.ndim, "prod");
  return recorded("prod", x, axes, keepdim);
}

/** Maximum over `dim` (all by default), gradient split evenly between ties (`torch.amax`). */
export function amax(x: Tensor, dim?: Dim, keepdim = false): Tensor {
  return extremum("max", x, dim, keepdim);
}

/** Minimum over `dim` (all by default), gradient split evenly between ties (`torch.amin`). */
export function amin(x: Tensor, dim?: Dim, keepdim = false): Tensor {
  return extremum("min", x, dim, keepdim);
}

function extremum(op: "max" | "min", x: Tensor, dim: Dim, keepdim: boolean): Tensor {
  const axes = normalizeDims(dim, x.ndim, op === "max" ? "amax" : "amin");
  return recorded(op, x, axes, keepdim);
}

/** `(values, indices)` of a reduction along one dimension; destructure it or use the names. */
export interface ValuesIndices extends Iterable<Tensor> {
  readonly 0: Tensor;
  readonly 1: Tensor;
  readonly length: 2;
  readonly values: Tensor;
  readonly indices: Tensor;
}

/** @internal `(values, indices)` as an array that also has the names. */
export function valuesIndices(values: Tensor, indices: Tensor): ValuesIndices {
  // An array, so `const [v, i] = x.max(1)` destructures; the names shadow Array's methods.
  const r: unknown = Object.assign([values, indices], { values, indices });
  return r as ValuesIndices;
}

/** Index of the maximum (first on ties) over `dim`, or of the flattened tensor. */
export function argmax(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtremum("argmax", x, dim, keepdim);
}

/** Index of the minimum (first on ties) over `dim`, or of the flattened tensor. */
export function argmin(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtremum("argmin", x, dim, keepdim);
}

function argExtremum(op: "argmax" | "argmin", x: Tensor, dim: number | null | undefined, keepdim: boolean): Tensor {
  if (dim === null || dim === undefined) {
    const flat = reshape(x, [-1]);
    const r = reducePrimitive(op, flat, [0], false);
    return keepdim ? reshape(r, x.shape.map(() => 1)) : r;
  }
  const axes = normalizeDims(dim, x.ndim, op);
  return reducePrimitive(op, x, axes, keepdim);
}

/**
 * `torch.max`: with no `dim`, the largest element; with `dim`, `[values, indices]`.
 *
 * @example
 * ```ts
 * const [values, indices] = torch.tensor([[1, 5], [7, 2]]).max(1);
 * ```
 */
export function max(x: Tensor): Tensor;
export function max(x: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function max(x: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  return dim === undefined ? amax(x) : selectAlong("argmax", x, dim, keepdim);
}

/** `torch.min`: with no `dim`, the smallest element; with `dim`, `[values, indices]`. */
export function min(x: Tensor): Tensor;
export function min(x: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function min(x: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  return dim === undefined ? amin(x) : selectAlong("argmin", x, dim, keepdim);
}

// Values picked by index, so the gradient flows to the selected element only (as in PyTorch).
function selectAlong(op: "argmax" | "argmin", x: Tensor, dim: number, keepdim: boolean): ValuesIndices {
  const axes = normalizeDims(dim, x.ndim, op === "argmax" ? "max" : "min");
  if (x.ndim === 0) return valuesIndices(x, argExtremum(op, x, null, false));
  const idx = reducePrimitive(op, x, axes, true);
  const values = gather(x, axes[0]!, idx);
  const shape = keptShape(x.shape, axes, keepdim);
  return valuesIndices(reshape(values, shape), keepdim ? idx : reshape(idx, shape));
}

/** Whether all elements (over `dim`) are true / non-zero. */
export function all(x: Tensor, dim?: Dim, keepdim = false): Tensor {
  return reducePrimitive("all", x, normalizeDims(dim, x.ndim, "all"), keepdim);
}

/** Whether any element (over `dim`) is true / non-zero. */
export function any(x: Tensor, dim?: Dim, keepdim = false): Tensor {
  return reducePrimitive("any", x, normalizeDims(dim, x.ndim, "any"), keepdim);
}

export interface VarOptions extends ReduceOptions {
  /** Degrees of freedom removed from the count: 1 (default) gives the unbiased estimate. */
  correction?: number;
  /** Legacy flag: `unbiased: false` is `correction: 0`. */
  unbiased?: boolean;
}

/** Variance over `dim` with Bessel's correction by default (`torch.var`). */
export function variance(x: Tensor, dim?: Dim, options: VarOptions = {}): Tensor {
  // PyTorch's words, not the `mean()` this is built on (std calls this too).
  if (!isFloating(x.dtype)) throw new Error("std and var only support floating point and complex dtypes");
  const correction = options.correction ?? (options.unbiased === false ? 0 : 1);
  const axes = normalizeDims(dim, x.ndim, "var");
  let n = 1;
  for (const a of axes) n *= x.shape[a]!;
  const diff = binary("sub", x, mean(x, axes, true));
  const ss = sum(binary("mul", diff, diff), axes, options.keepdim ?? false);
  return binary("div", ss, Math.max(0, n - correction));
}

/** Standard deviation over `dim` (`torch.std`). */
export function std(x: Tensor, dim?: Dim, options: VarOptions = {}): Tensor {
  return unary("sqrt", variance(x, dim, options));
}

/** `log(sum(exp(x)))` over `dim`, computed stably. */
export function logsumexp(x: Tensor, dim: Dim, keepdim = false): Tensor {
  const axes = normalizeDims(dim, x.ndim, "logsumexp");
  // Nothing to shift in an empty tensor (and no maximum to take): log(0) gives -inf, as PyTorch.
  if (x.numel() === 0) return unary("log", sum(unary("exp", x), axes, keepdim));
  const m = shiftMax(x, axes);
  // An infinite maximum would turn x - m into NaN; shift by zero there instead.
  const shift = m.dtype === "bool" ? m : where(unary("isnan", binary("sub", m, m)), 0, m);
  const s = unary("log", sum(unary("exp", binary("sub", x, shift)), axes, keepdim));
  return binary("add", s, keepdim ? shift : reshape(shift, keptShape(x.shape, axes, false)));
}

/**
 * The maximum a stable softmax shifts by, kept out of the graph: it cancels in the result.
 * Recorded and then detached, its node would hold `x` for a backward that never reaches it,
 * and with it `x`'s memory until the garbage collector ran (scope.ts).
 */
function shiftMax(x: Tensor, axes: number[]): Tensor {
  const prev = gradMode.enabled;
  gradMode.enabled = false;
  try {
    return amax(x, axes, true);
  } finally {
    gradMode.enabled = prev;
  }
}

/**
 * PyTorch has no softmax kernel for integers or bools: refuse rather than compute in float
 * (`{ dtype: "float32" }` casts first, as there).
 */
function checkSoftmaxDType(op: string, x: Tensor): void {
  if (!isFloating(x.dtype))
    throw new Error(
      `${op}(): "${op}_lastdim_kernel_impl" not implemented for '${scalarTypeName(x.dtype)}' (dtype ${x.dtype}); pass { dtype: "float32" } or call x.float() first`,
    );
}

/** `softmax` along `dim`: `exp(x) / sum(exp(x))`, shifted by the maximum for stability. */
export function softmax(x: Tensor, dim: number): Tensor {
  checkSoftmaxDType("softmax", x);
  dim = normalizeDim(dim, x.ndim, "softmax"); // named here, not by the amax it is built on
  const e = unary("exp", x.numel() === 0 ? x : binary("sub", x, shiftMax(x, [dim])));
  return binary("div", e, sum(e, dim, true));
}

/** `log_softmax` along `dim`: `x - logsumexp(x)`. */
export function log_softmax(x: Tensor, dim: number): Tensor {
  checkSoftmaxDType("log_softmax", x);
  dim = normalizeDim(dim, x.ndim, "log_softmax");
  return binary("sub", x, logsumexp(x, dim, true));
}

/** Vector p-norm over `dim` (all by default); `p` is 2 by default, may be 1, Infinity or any number. */
export function norm(x: Tensor, p: number | "fro" = 2, dim?: Dim, keepdim = false): Tensor {
  const pp = p === "fro" ? 2 : p;
  const a = unary("abs", x);
  if (pp === Infinity) return amax(a, dim, keepdim);
  if (pp === -Infinity) return amin(a, dim, keepdim);
  if (pp === 1) return sum(a, dim, keepdim);
  if (pp === 2) {
    // Its own node: composed of sqrt and a square, its gradient would be NaN at a zero norm.
    const d = x.detach();
    const out = unary("sqrt", sum(binary("mul", d, d), dim, keepdim));
    return x.requires_grad ? record("norm2", [x], out, [x, out], { axes: normalizeDims(dim, x.ndim, "norm"), keepdim }) : out;
  }
  if (pp === 0) {
    // The count of non-zeros: in the graph, as in PyTorch, but passing no gradient back.
    const count = sum(binary("ne", x.detach(), 0).to(isFloating(x.dtype) ? x.dtype : "float32"), dim, keepdim);
    return record("norm0", [x], count);
  }
  return binary("pow", sum(binary("pow", a, pp), dim, keepdim), 1 / pp);
}

// where() lives with the selection ops; imported late to keep this file about reductions.
import { where } from "./select.js";
