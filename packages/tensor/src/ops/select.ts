import type { View } from "../backend.js";
import { record } from "../graph.js";
import { broadcastShapesFor, shapesEqual } from "../shape.js";
import { scalarTypeName } from "../dtype.js";
import { Tensor } from "../tensor.js";
import { checkSameDevice, checkTensor } from "./checks.js";
import { binary, broadcastView, computeDType, type TensorOrScalar } from "./elementwise.js";
import { operand, wrap } from "./make.js";

/**
 * `torch.where(condition, input, other)`: elements of `input` where `condition` holds, else of `other`.
 *
 * @example
 * ```ts
 * torch.where(x.gt(0), x, 0); // relu
 * ```
 */
export function where(condition: Tensor, input: TensorOrScalar, other: TensorOrScalar): Tensor {
  checkTensor("where", "condition", condition);
  // PyTorch refuses any other dtype: an integer or float mask is usually a bug (a 0.5 "true").
  if (condition.dtype !== "bool")
    throw new Error(`where expected condition to be a boolean tensor, but got a tensor with dtype ${scalarTypeName(condition.dtype)}`);
  const dtype = computeDType(input, other);
  const backend = condition._storage.backend;
  const a = operand("where", "input", input, backend, dtype);
  const b = operand("where", "other", other, backend, dtype);
  checkSameDevice("where", condition, a);
  checkSameDevice("where", condition, b);
  const shape = broadcastShapesFor("where", [condition.shape, a.shape, b.shape]);
  const bv = (t: Tensor): View => (shapesEqual(t.shape, shape) ? t : broadcastView(t, shape));
  const out = wrap(backend, backend.where(bv(condition), bv(a), bv(b), dtype), dtype, shape);
  return a.requires_grad || b.requires_grad ? record("where", [a, b], out, null, { condition }) : out;
}

/** Replace elements where `mask` is true by `value` (`Tensor.masked_fill`). */
export function masked_fill(x: Tensor, mask: Tensor, value: TensorOrScalar): Tensor {
  checkTensor("masked_fill", "mask", mask);
  if (mask.dtype !== "bool")
    throw new Error(`masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype}`);
  if (value instanceof Tensor && value.ndim !== 0)
    throw new Error(`masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.ndim} dimension(s).`);
  broadcastShapesFor("masked_fill", [x.shape, mask.shape]); // named here, not by the where it is built on
  const v = operand("masked_fill", "value", value, x._storage.backend, x.dtype);
  return where(mask, v.dtype === x.dtype ? v : v.to(x.dtype), x);
}

/**
 * `torch.clamp(input, min, max)`: every element into `[min, max]`; either bound may be null,
 * a number or a tensor (broadcasting). Where `min > max` the result is `max`. The gradient
 * passes to `input` where it lies within the bounds, bounds included, and to a tensor bound
 * where that bound wins, as in PyTorch.
 *
 * @example
 * ```ts
 * x.clamp(0, 1);
 * x.clamp(null, 6); // relu6's upper half
 * x.clamp(lower, upper); // elementwise bounds (tensors)
 * ```
 */
export function clamp(x: Tensor, min: TensorOrScalar | null = null, max: TensorOrScalar | null = null): Tensor {
  if (min === null && max === null) throw new Error("torch.clamp: At least one of 'min' or 'max' must not be None");
  // Tensor bounds that do not broadcast are refused naming clamp, not the `lt` it is built on.
  const bounds = [min, max].filter((b): b is Tensor => b instanceof Tensor);
  if (bounds.length > 0) broadcastShapesFor("clamp", [x.shape, ...bounds.map((b) => b.shape)]);
  let out = x;
  // Comparisons against the bounds keep NaN inputs as NaN, like PyTorch.
  if (min !== null) out = where(binary("lt", out, min), min, out).detach();
  if (max !== null) out = where(binary("gt", out, max), max, out).detach();
  const lo = min instanceof Tensor && min.requires_grad ? min : null;
  const hi = max instanceof Tensor && max.requires_grad ? max : null;
  if (!x.requires_grad && lo === null && hi === null) return out;
  let inside = binary("eq", x, x);
  if (min !== null) inside = binary("logical_and", inside, binary("ge", x, min));
  if (max !== null) inside = binary("logical_and", inside, binary("le", x, max));
  if (lo === null && hi === null) return record("clamp", [x], out, null, { inside });
  // A bound takes the gradient where it wins (PyTorch's clamp_backward_min_max).
  const inputs = [x];
  const attrs: Record<string, unknown> = { inside };
  if (lo !== null) {
    const below = binary("lt", x, lo);
    attrs.minWins = max === null ? below : binary("logical_and", below, binary("lt", lo, max));
    inputs.push(lo);
  }
  if (hi !== null) {
    const above = binary("gt", x, hi);
    attrs.maxWins = min === null ? above : binary("logical_or", above, binary("lt", hi, min));
    inputs.push(hi);
  }
  return record("clamp_bounds", inputs, out, null, attrs);
}
