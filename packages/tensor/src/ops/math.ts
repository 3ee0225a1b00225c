/**
 * The elementwise functions of the `torch` namespace, each a thin, documented wrapper of the
 * unary and binary primitives (so `torch.exp(x)` and `x.exp()` are the same code).
 */
import type { Tensor } from "../tensor.js";
import { binary, unary, type TensorOrScalar } from "./elementwise.js";

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
/** `input * other`. */
export function mul(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("mul", input, other);
}
/**
 * `input / other`: true division (integers give floats), or rounded with
 * `rounding_mode: "trunc" | "floor"`.
 */
export function div(input: TensorOrScalar, other: TensorOrScalar, options: { rounding_mode?: "trunc" | "floor" | null } = {}): Tensor {
  const mode = options.rounding_mode ?? null;
  if (mode === null) return binary("div", input, other);
  if (mode === "floor") return binary("floor_divide", input, other);
  const q = binary("div", input, other);
  const t = unary("trunc", q);
  const it = typeof input === "object" ? input.dtype : null;
  const ot = typeof other === "object" ? other.dtype : null;
  // Integer operands stay integers under trunc, as in PyTorch.
  return (it === "int32" || it === null) && (ot === "int32" || ot === null) && !(typeof input === "number" && !Number.isInteger(input)) && !(typeof other === "number" && !Number.isInteger(other))
    ? t.to("int32")
    : t;
}
/** `input ** exponent`. */
export function pow(input: TensorOrScalar, exponent: TensorOrScalar): Tensor {
  return binary("pow", input, exponent);
}
/** Elementwise maximum (NaN propagates). */
export function maximum(input: Tensor, other: TensorOrScalar): Tensor {
  return binary("maximum", input, other);
}
/** Elementwise minimum (NaN propagates). */
export function minimum(input: Tensor, other: TensorOrScalar): Tensor {
  return binary("minimum", input, other);
}
/** `floor(input / other)`. */
export function floor_divide(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("floor_divide", input, other);
}
/** Python's `%`: the remainder has the sign of the divisor. */
export function remainder(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("remainder", input, other);
}
/** `atan2(input, other)`, the angle of the point `(other, input)`. */
export function atan2(input: Tensor, other: TensorOrScalar): Tensor {
  return binary("atan2", input, other);
}
/** `input == other`, as a bool tensor. */
export function eq(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("eq", input, other);
}
/** `input != other`. */
export function ne(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("ne", input, other);
}
/** `input < other`. */
export function lt(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("lt", input, other);
}
/** `input <= other`. */
export function le(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("le", input, other);
}
/** `input > other`. */
export function gt(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("gt", input, other);
}
/** `input >= other`. */
export function ge(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("ge", input, other);
}
/** Elementwise logical and (non-zero is true). */
export function logical_and(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("logical_and", input, other);
}
/** Elementwise logical or. */
export function logical_or(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("logical_or", input, other);
}
/** Elementwise logical exclusive or. */
export function logical_xor(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return binary("logical_xor", input, other);
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
  const value = options.value ?? 1;
  return binary("add", input, value === 1 ? binary("mul", tensor1, tensor2) : binary("mul", binary("mul", tensor1, value), tensor2));
}

/** `input + value * tensor1 / tensor2` (`torch.addcdiv`). */
export function addcdiv(input: Tensor, tensor1: Tensor, tensor2: Tensor, options: { value?: number } = {}): Tensor {
  const value = options.value ?? 1;
  return binary("add", input, value === 1 ? binary("div", tensor1, tensor2) : binary("div", binary("mul", tensor1, value), tensor2));
}

/** Linear interpolation `input + weight * (end - input)` (`torch.lerp`). */
export function lerp(input: Tensor, end: Tensor, weight: TensorOrScalar): Tensor {
  return binary("add", input, binary("mul", weight, binary("sub", end, input)));
}
