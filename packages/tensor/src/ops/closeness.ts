import { isFloating, scalarTypeName } from "../dtype.js";
import type { Tensor } from "../tensor.js";
import { checkSameDevice, checkTensor } from "./checks.js";
import { asyncReadRequired } from "../errors.js";
import { checkOptions, optionKeys } from "../keywords.js";
import { checkKind, KIND } from "../kinds.js";
import { binary, unary } from "./elementwise.js";

/** Keyword arguments of `torch.isclose` and `torch.allclose`. */
export interface CloseOptions {
  /** Relative tolerance (default `1e-5`). */
  rtol?: number;
  /** Absolute tolerance (default `1e-8`). */
  atol?: number;
  /** Whether two NaNs count as close (default false). */
  equal_nan?: boolean;
}

// allclose takes the same keys but stays out of the shared keyword table: its result is read
// at once, which the table's WebGPU run cannot do (op-keywords.test.ts covers it on the CPU).
const CLOSE_KEYS = optionKeys("isclose", ["rtol", "atol", "equal_nan"]);

/**
 * `torch.isclose(input, other, rtol=1e-5, atol=1e-8, equal_nan=False)`: elementwise
 * `|input - other| <= atol + rtol * |other|` (equal infinities are close; NaN is close to
 * NaN only with `equal_nan`), broadcasting, as a bool tensor.
 *
 * @example
 * ```ts
 * torch.isclose(torch.tensor([1, 2.00001]), torch.tensor([1.1, 2])); // tensor([false, true])
 * torch.isclose(a, b, { rtol: 1e-3, atol: 0 });
 * ```
 */
export function isclose(input: Tensor, other: Tensor, options: CloseOptions = {}): Tensor {
  checkOptions("isclose", options, CLOSE_KEYS);
  const { rtol = 1e-5, atol = 1e-8, equal_nan = false } = options;
  checkTensor("isclose", "input", input);
  checkTensor("isclose", "other", other);
  checkKind("isclose", "rtol", KIND.float, rtol);
  checkKind("isclose", "atol", KIND.float, atol);
  checkKind("isclose", "equal_nan", KIND.bool, equal_nan);
  checkSameDevice("isclose", input, other);
  if (input.dtype !== other.dtype)
    throw new Error(`isclose(): ${scalarTypeName(input.dtype)} did not match ${scalarTypeName(other.dtype)} (dtypes ${input.dtype} and ${other.dtype})`);
  if (!(rtol >= 0)) throw new Error(`isclose(): rtol must be greater than or equal to zero, but got ${rtol}`);
  if (!(atol >= 0)) throw new Error(`isclose(): atol must be greater than or equal to zero, but got ${atol}`);
  const a = input.detach(), b = other.detach();
  let close = binary("eq", a, b);
  if (equal_nan && isFloating(a.dtype)) close = binary("logical_or", close, binary("logical_and", unary("isnan", a), unary("isnan", b)));
  if (rtol === 0 && atol === 0) return close;
  // Integers and booleans are compared in float32, as PyTorch promotes `rtol * other`.
  const fa = isFloating(a.dtype) ? a : a.to("float32"), fb = isFloating(b.dtype) ? b : b.to("float32");
  const allowed = binary("add", unary("abs", binary("mul", fb, rtol)), atol);
  const actual = unary("abs", binary("sub", fa, fb));
  // `actual < inf` is false for NaN and infinite errors: those are close only when equal.
  const within = binary("logical_and", binary("lt", actual, Infinity), binary("le", actual, allowed));
  return binary("logical_or", close, within);
}

/**
 * `torch.allclose`: whether every element of `input` is close to `other` (see {@link isclose}),
 * as a JavaScript boolean. It reads its result at once, so on a device that reads only
 * asynchronously (WebGPU) it throws; use `await torch.isclose(a, b).all().item()` there.
 *
 * @example
 * ```ts
 * torch.allclose(torch.tensor([10000, 1e-8]), torch.tensor([10000.1, 1e-9])); // true
 * ```
 */
export function allclose(input: Tensor, other: Tensor, options: CloseOptions = {}): boolean {
  checkOptions("allclose", options, CLOSE_KEYS);
  const close = isclose(input, other, options).all();
  if (!close._storage.backend.canReadSync)
    throw asyncReadRequired(
      "allclose() returns a boolean at once, so it",
      input.device,
      "use 'await torch.isclose(input, other).all().item()' instead",
    );
  return close.itemSync() !== 0;
}

/**
 * `torch.equal(input, other)`: whether both have the same shape (no broadcasting) and the same
 * elements, as a JavaScript boolean. Dtypes may differ: values compare after promotion, as in
 * PyTorch 1.13 (`equal(tensor([1, 2]), tensor([1., 2.]))` is true); NaN equals nothing and
 * `0` equals `-0`. It reads its result at once, so on a device that reads only asynchronously
 * (WebGPU) it throws; there, compare shapes and use `await torch.eq(input, other).all().item()`.
 *
 * @example
 * ```ts
 * torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])); // true
 * torch.equal(torch.tensor([1, 2]), torch.tensor([[1, 2]])); // false: shapes differ
 * ```
 */
export function equal(input: Tensor, other: Tensor): boolean {
  checkTensor("equal", "input", input);
  checkTensor("equal", "other", other);
  checkSameDevice("equal", input, other);
  if (!input._storage.backend.canReadSync)
    throw asyncReadRequired("equal() returns a boolean at once, so it", input.device, "compare the shapes and use 'await torch.eq(input, other).all().item()' instead");
  if (input.ndim !== other.ndim || input.shape.some((s, i) => s !== other.shape[i])) return false;
  return binary("eq", input, other).all().itemSync() !== 0;
}
