import type { View } from "../backend.js";
import { BINARY_OPS, type BinaryOp, type BinaryRow, type DifferentiableBinaryOp } from "../tables/binary.js";
import { UNARY_OPS, type DifferentiableUnaryOp, type UnaryOp, type UnaryRow } from "../tables/unary.js";
import { isFloating, resultType, scalarDType, toFloating, type DType } from "../dtype.js";
import { record } from "../graph.js";
import { broadcastStrides, shapesEqual, tryBroadcastShapes } from "../shape.js";
import { broadcastMismatch } from "../errors.js";
import { Tensor } from "../tensor.js";
import { checkSameDevice } from "./checks.js";
import { operand, wrap } from "./make.js";

/** A tensor operand or a JavaScript scalar, as PyTorch's ops accept. */
export type TensorOrScalar = Tensor | number | boolean;

/** Apply an elementwise primitive, recording it for autograd (the op's row: tables/unary.ts). */
export function unary(op: UnaryOp, x: Tensor): Tensor {
  const row: UnaryRow = UNARY_OPS[op];
  if (row.refuseBool !== undefined && x.dtype === "bool") throw new Error(row.refuseBool);
  const outDtype: DType = row.result === "same" ? x.dtype : row.result === "float" ? toFloating(x.dtype) : "bool";
  const backend = x._storage.backend;
  const out = wrap(backend, backend.unary(op, x, outDtype), outDtype, x.shape);
  if (row.grad !== null && x.requires_grad) {
    record(op as DifferentiableUnaryOp, [x], out, row.saves === "input" ? [x] : row.saves === "result" ? [out] : null);
  }
  return out;
}

function priority(t: Tensor): 0 | 1 | 2 {
  return t.shape.length === 0 ? 1 : 2;
}

/**
 * The dtype PyTorch computes `op(a, b)` in, but for one case: a whole-number scalar that
 * `int32` cannot hold, met by an `int32` or `bool` tensor, widens the computation (to `int64`
 * where the device has it, else `float32`) where PyTorch's `int32` would wrap it.
 */
export function computeDType(a: TensorOrScalar, b: TensorOrScalar): DType {
  const ta = a instanceof Tensor, tb = b instanceof Tensor;
  // Fast path: the common case of two tensors, or a tensor and a number, of one dtype.
  if (ta && tb && a.dtype === b.dtype) return a.dtype;
  if (ta && !tb && typeof b === "number" && isFloating(a.dtype)) return a.dtype;
  const like = (ta ? a : b) as Tensor;
  const hasInt64 = like instanceof Tensor && like._storage.backend.supportsDType("int64");
  const da = ta ? a.dtype : scalarDType(a, hasInt64);
  const db = tb ? b.dtype : scalarDType(b, hasInt64);
  const result = resultType([
    { dtype: da, priority: ta ? priority(a) : 0 },
    { dtype: db, priority: tb ? priority(b) : 0 },
  ]);
  if ((result === "int32" || result === "bool") && ((!ta && da === "int64") || (!tb && db === "int64"))) return "int64";
  return result;
}

/** Apply a broadcasting binary primitive with PyTorch's type promotion, recording it for autograd. */
export function binary(op: BinaryOp, a: TensorOrScalar, b: TensorOrScalar): Tensor {
  const row: BinaryRow = BINARY_OPS[op];
  let compute = computeDType(a, b);
  if (row.result === "float") compute = toFloating(compute);
  if (row.refuseBool !== undefined && compute === "bool") throw new Error(row.refuseBool);
  const like = (a instanceof Tensor ? a : b) as Tensor;
  if (!(like instanceof Tensor)) throw new TypeError(`${op}(): expected at least one Tensor operand`);
  const backend = like._storage.backend;
  const ta = operand(op, "input", a, backend, compute);
  const tb = operand(op, "other", b, backend, compute);
  if (ta._storage.backend !== tb._storage.backend) checkSameDevice(op, ta, tb);
  const outDtype: DType = row.result === "bool" ? "bool" : compute;
  let outShape = ta.shape;
  let va: View = ta, vb: View = tb;
  if (tb.shape.length === 0 && ta.shape.length > 0) {
    vb = scalarView(tb, ta.shape); // the common `x * 0.5`: no shape arithmetic needed
  } else if (ta.shape.length === 0 && tb.shape.length > 0) {
    outShape = tb.shape;
    va = scalarView(ta, tb.shape);
  } else if (!shapesEqual(ta.shape, tb.shape)) {
    const s = tryBroadcastShapes(ta.shape, tb.shape);
    if (s === null) throw broadcastMismatch(op, ta.shape, tb.shape);
    outShape = s;
    if (!shapesEqual(ta.shape, s)) va = broadcastView(ta, s);
    if (!shapesEqual(tb.shape, s)) vb = broadcastView(tb, s);
  }
  const out = wrap(backend, backend.binary(op, va, vb, compute, outDtype), outDtype, outShape);
  if ((ta.requires_grad || tb.requires_grad) && row.grad !== null) {
    // `x ** 2` is common enough to deserve a rule that needs neither the output nor a log.
    if (op === "pow" && typeof b === "number") record("pow_scalar", [ta], out, [ta], { exponent: b });
    else record(op as DifferentiableBinaryOp, [ta, tb], out, row.saves === "operands" ? [ta, tb] : row.saves === null ? null : [ta, tb, out]);
  }
  return out;
}

// Zero strides of each rank, shared by every broadcast of a 0-d tensor: backends must never
// mutate a View's strides (frozen arrays would make element reads polymorphic in the kernels).
const ZERO_STRIDES: (readonly number[])[] = [];

/** A 0-d tensor read as if it had `shape`. */
function scalarView(t: Tensor, shape: readonly number[]): View {
  const strides = (ZERO_STRIDES[shape.length] ??= new Array<number>(shape.length).fill(0));
  return { buffer: t.buffer, dtype: t.dtype, shape, strides, offset: t.offset };
}

/** A read-only view of `t` with the larger broadcast shape `shape` (zero strides). */
export function broadcastView(t: Tensor, shape: readonly number[]): View {
  return { buffer: t.buffer, dtype: t.dtype, shape, strides: broadcastStrides(t.shape, t.strides, shape), offset: t.offset };
}

