/**
 * The elementwise functions of the `torch` namespace, each a thin, documented wrapper of the
 * unary and binary primitives (so `torch.exp(x)` and `x.exp()` are the same code).
 */
import { Tensor } from "../tensor.js";
import { broadcastShapesFor } from "../shape.js";
import { binary, unary, type TensorOrScalar } from "./elementwise.js";
import { negativeIntegerPowerError } from "../errors.js";

/**
 * `input + alpha * other`, broadcasting, with PyTorch's type promotion.
 *
 * @example
 * ```ts
 * torch.add(torch.tensor([1, 2]), 10); // tensor([11, 12], dtype=torch.int32)
 * ```
 */
export function add(input: TensorOrScalar, other: TensorOrScalar, options: { alpha?: number } = {}): Tensor {
  const o = options.alpha === undefined || options.alpha === 1 ? other : binary("mul", other, options.alpha);
  return binary("add", input, o);
}
/** `input - alpha * other`. */
export function sub(input: TensorOrScalar, other: TensorOrScalar, options: { alpha?: number } = {}): Tensor {
  const o = options.alpha === undefined || options.alpha === 1 ? other : binary("mul", other, options.alpha);
  return binary("sub", input, o);
}
/**
 * `input / other`: true division (integers give floats), or rounded with
 * `rounding_mode: "trunc" | "floor"`.
 */
export function div(input: TensorOrScalar, other: TensorOrScalar, options: { rounding_mode?: "trunc" | "floor" | null } = {}): Tensor {
  const mode = options.rounding_mode ?? null;
  if (mode === null) return binary("div", input, other);
  if (mode === "floor") return binary("floor_divide", input, other);
  // Integer operands stay integers under trunc, as in PyTorch, and divide exactly (a float
  // quotient rounds past 2^24) and refuse a zero divisor: the floor quotient, moved one
  // towards zero where it is negative and inexact.
  if (wholeOperand(input) && wholeOperand(other)) {
    const q = binary("floor_divide", input, other);
    return binary("add", q, binary("logical_and", binary("ne", binary("remainder", input, other), 0), binary("lt", q, 0)));
  }
  return unary("trunc", binary("div", input, other));
}
/** An integer tensor or a whole-number (or boolean) scalar. */
function wholeOperand(v: TensorOrScalar): boolean {
  return typeof v === "object" ? v.dtype === "int32" || v.dtype === "int64" : typeof v !== "number" || Number.isInteger(v);
}
/**
 * `input ** exponent`. An integer tensor to a negative whole-number exponent is refused, as
 * PyTorch refuses it; a negative exponent *tensor* gives PyTorch's integer results (1, ±1, 0).
 */
export function pow(input: TensorOrScalar, exponent: TensorOrScalar): Tensor {
  if (typeof exponent === "number" && Number.isInteger(exponent) && exponent < 0 && typeof input === "object" && (input.dtype === "int32" || input.dtype === "int64" || input.dtype === "bool"))
    throw negativeIntegerPowerError();
  return binary("pow", input, exponent);
}

/**
 * `input + value * tensor1 * tensor2` (`torch.addcmul`), evaluated in the order PyTorch's
 * kernels use so float32 results round alike.
 *
 * @example
 * ```ts
 * torch.addcmul(v, g, g, { value: 1 - beta2 }); // Adam's second moment
 * ```
 */
export function addcmul(input: Tensor, tensor1: Tensor, tensor2: Tensor, options: { value?: number } = {}): Tensor {
  broadcastShapesFor("addcmul", [input.shape, tensor1.shape, tensor2.shape]); // named here, not by the add it ends with
  const value = options.value ?? 1;
  return binary("add", input, value === 1 ? binary("mul", tensor1, tensor2) : binary("mul", binary("mul", tensor1, value), tensor2));
}

/** `input + value * tensor1 / tensor2` (`torch.addcdiv`). */
export function addcdiv(input: Tensor, tensor1: Tensor, tensor2: Tensor, options: { value?: number } = {}): Tensor {
  broadcastShapesFor("addcdiv", [input.shape, tensor1.shape, tensor2.shape]);
  const value = options.value ?? 1;
  return binary("add", input, value === 1 ? binary("div", tensor1, tensor2) : binary("div", binary("mul", tensor1, value), tensor2));
}

/** Linear interpolation `input + weight * (end - input)` (`torch.lerp`). */
export function lerp(input: Tensor, end: Tensor, weight: TensorOrScalar): Tensor {
  broadcastShapesFor("lerp", [input.shape, end.shape, ...(weight instanceof Tensor ? [weight.shape] : [])]);
  return binary("add", input, binary("mul", weight, binary("sub", end, input)));
}
