/**
 * Argument checks shared by every op (DESIGN.md, Decision 6): bad input raises an error that
 * names the op and what it got, before anything is computed, so a silent wrong result such as
 * a NaN from `x.add(undefined)` cannot happen.
 */
import { DTYPES, fitsInt32, fitsInt64, isDType, type DType } from "../dtype.js";
import type { Tensor } from "../tensor.js";
import { fmtShape } from "../shape.js";
import { describeValue, isTensor } from "../kinds.js";

export { describeValue };

/**
 * PyTorch's message for operands on different devices. Ops on two tensors call it first, so it
 * also refuses an operand that is not a tensor at all (`x.matmul(undefined)`).
 */
export function checkSameDevice(op: string, a: Tensor, b: Tensor): void {
  if (!isTensor(a)) checkTensor(op, "input", a);
  if (!isTensor(b)) checkTensor(op, "other", b);
  if (a._storage.device.type !== b._storage.device.type)
    throw new Error(
      `${op}: Expected all tensors to be on the same device, but found at least two devices, ${a.device} and ${b.device}!`,
    );
}

/** @internal Reject `x` unless it is a Tensor, naming the op and the argument. */
export function checkTensors(op: string, name: string, xs: unknown): asserts xs is Tensor[] {
  if (!Array.isArray(xs)) throw new TypeError(`${op}(): argument '${name}' must be an array of Tensors, not ${describeValue(xs)}`);
  xs.forEach((x, i) => checkTensor(op, `${name}[${i}]`, x));
}

/** @internal Reject `x` unless it is a Tensor, naming the op and the argument. */
export function checkTensor(op: string, name: string, x: unknown): asserts x is Tensor {
  if (!isTensor(x)) throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${describeValue(x)}`);
}

/**
 * Reject `x` unless it is a Tensor, a number or a boolean: the operands an elementwise op
 * turns into tensors. Arrays are refused rather than guessed at, as PyTorch refuses lists.
 */
export function checkOperand(op: string, name: string, x: unknown): asserts x is Tensor | number | boolean {
  const t = typeof x;
  if (t !== "number" && t !== "boolean" && !isTensor(x))
    throw new TypeError(
      `${op}(): argument '${name}' must be Tensor, number or boolean, not ${describeValue(x)}` +
        (Array.isArray(x) ? " (wrap it: torch.tensor([...]))" : ""),
    );
}

/** Reject a dtype Flambeau does not have, naming the ones it does. */
export function checkDType(op: string, dtype: unknown): asserts dtype is DType {
  if (!isDType(dtype))
    throw new TypeError(`${op}(): unknown dtype ${describeValue(dtype)}; the supported dtypes are ${DTYPES.join(", ")}`);
}

/** Reject a size that is not a non-negative whole number (`zeros(-1)`, `eye(2.5)`, `arange(0, NaN)`). */
export function checkSize(op: string, shape: readonly unknown[]): asserts shape is number[] {
  for (const s of shape) {
    if (typeof s !== "number" || !Number.isInteger(s))
      throw new TypeError(`${op}(): sizes must be whole numbers, got ${describeValue(s)} in [${shape.map(String).join(", ")}]`);
    if (s < 0) throw new Error(`${op}(): Trying to create tensor with negative dimension ${s}: [${shape.join(", ")}]`);
  }
}

/**
 * PyTorch's checks on `x.grad = g`: a Tensor (or null) of the tensor's shape, dtype and device,
 * so a mismatched gradient is refused when assigned rather than midway through `opt.step()`.
 */
export function checkGradAssignment(x: Tensor, g: unknown): asserts g is Tensor | null | undefined {
  if (g === null || g === undefined) return;
  if (!isTensor(g)) throw new TypeError(`assigned grad expected to be a Tensor or None but got grad of type ${describeValue(g)}`);
  if (g.dtype !== x.dtype) throw new Error(`assigned grad has data of a different type (${g.dtype}; the tensor is ${x.dtype})`);
  if (g.device.type !== x.device.type)
    throw new Error(`assigned grad has data located on a different device ('${g.device}'; the tensor is on '${x.device}')`);
  if (g.shape.length !== x.shape.length || g.shape.some((s, i) => s !== x.shape[i]))
    throw new Error(`assigned grad has data of a different size ([${g.shape.join(", ")}]; the tensor is [${x.shape.join(", ")}])`);
}

/** Reject a value an `int32` tensor would wrap, as PyTorch refuses to overflow an integer dtype. */
export function checkInt32Value(op: string, v: number): void {
  if (!Number.isFinite(v) || !fitsInt32(Math.trunc(v)))
    throw new Error(`${op}(): value ${v} cannot be converted to type int32 without overflow`);
}

/**
 * Reject a value an integer tensor of `dtype` cannot hold exactly: `int32` would wrap it,
 * `int64` (a double) holds whole numbers exactly only to 2^53 - 1. Other dtypes pass.
 */
export function checkIntegerValue(op: string, v: number, dtype: DType): void {
  if (dtype === "int32") checkInt32Value(op, v);
  else if (dtype === "int64" && (!Number.isFinite(v) || !fitsInt64(Math.trunc(v))))
    throw new RangeError(`${op}(): value ${v} cannot be converted to type int64 exactly: Flambeau's int64 holds whole numbers up to 2^53 - 1 (9007199254740991) in magnitude`);
}

/**
 * An index tensor as the kernels take it: `int32`. An `int64` one (PyTorch's index dtype,
 * `torch.long`) is converted, after checking that its values fit (`int64` exists only on the
 * CPU, so they can be read at once); one that does not fit is out of range for any dimension.
 */
export function asIndex(op: string, index: Tensor): Tensor {
  if (!isTensor(index) || index.dtype !== "int64") return index;
  const values = index.dataSync();
  for (let i = 0; i < values.length; i++)
    if (!fitsInt32(values[i]!)) throw new RangeError(`${op}(): index ${values[i]} is out of bounds (indices are int32)`);
  return index.to("int32");
}

/** An index tensor of `x` (gather, scatter, index_select): int32, on `x`'s device. */
export function checkIndexTensor(op: string, x: Tensor, index: Tensor): void {
  if (index.dtype !== "int32") throw new Error(`${op}(): Expected dtype int32 for index, but got ${index.dtype}`);
  checkSameDevice(op, x, index);
}

/** PyTorch's checks of `scatter`/`scatter_add`: dtypes, ranks and index sizes (values are checked by the kernels). */
export function checkScatter(op: string, x: Tensor, d: number, index: Tensor, src: Tensor | null): void {
  checkIndexTensor(op, x, index);
  if (src !== null) {
    checkSameDevice(op, x, src);
    if (src.dtype !== x.dtype)
      throw new Error(`${op}(): Expected self.dtype to be equal to src.dtype (got ${x.dtype} and ${src.dtype})`);
  }
  if (index.numel() === 0) return;
  const rank = Math.max(x.ndim, 1);
  if (Math.max(index.ndim, 1) !== rank || (src !== null && Math.max(src.ndim, 1) !== rank))
    throw new Error(
      `${op}(): Index tensor must have the same number of dimensions as self tensor${src ? " and src tensor" : ""} (index ${fmtShape(index.shape)}, self ${fmtShape(x.shape)}${src ? `, src ${fmtShape(src.shape)}` : ""})`,
    );
  for (let i = 0; i < index.ndim; i++) {
    const tooBigForSelf = i !== d && index.shape[i]! > x.shape[i]!;
    const tooBigForSrc = src !== null && src.ndim > 0 && index.shape[i]! > src.shape[i]!;
    if (tooBigForSelf || tooBigForSrc)
      throw new Error(
        `${op}(): Expected index ${fmtShape(index.shape)} to be smaller than self ${fmtShape(x.shape)} apart from dimension ${d}${src ? ` and to be smaller size than src ${fmtShape(src.shape)}` : ""}`,
      );
  }
}
