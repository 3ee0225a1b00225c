import { isFloating, type DType } from "../dtype.js";
import { normalizeDim } from "../shape.js";
import { integerAccumulator } from "../tables/reduce.js";
import type { Tensor } from "../tensor.js";
import { checkTensor } from "./checks.js";
import { checkOptions } from "../keywords.js";
import { toDType } from "./convert.js";
import { binary, unary } from "./elementwise.js";
import { cat } from "./join.js";
import { prod, sum } from "./reduce.js";
import { clone, narrow } from "./view.js";

/** Keyword arguments of `torch.cumsum` and `torch.cumprod`. */
export interface CumulativeOptions {
  /** Cast the input to this dtype before accumulating (as PyTorch's `dtype=`). */
  dtype?: DType;
}

/**
 * A running sum or product along `d` as log2(n) shifted steps (Hillis–Steele): composed of
 * narrow, add/mul and cat, so every backend runs it and autograd differentiates it exactly
 * (a product through zeros included).
 */
function scan(op: "add" | "mul", name: string, x: Tensor, dim: number, options: CumulativeOptions): Tensor {
  checkTensor(name, "input", x);
  checkOptions(name, options, ["dtype"]);
  const d = normalizeDim(dim, x.ndim, name);
  const dtype: DType = options.dtype ?? (isFloating(x.dtype) ? x.dtype : integerAccumulator(x._storage.backend.supportsDType("int64")));
  let y = x.dtype === dtype ? x : toDType(x, dtype);
  const n = x.ndim === 0 ? 1 : x.shape[d]!;
  if (n <= 1) return y === x ? clone(x) : y;
  if (dtype === "int32" && !x._storage.backend.supportsDType("int64")) refuseInt32Overflow(op, y, d);
  for (let off = 1; off < n; off *= 2)
    y = cat([narrow(y, d, 0, off), binary(op, narrow(y, d, off, n - off), narrow(y, d, 0, n - off))], d);
  return y;
}

/**
 * The adds and multiplies of an int32 scan (on a device without int64) would wrap past int32,
 * as int32 arithmetic does. Every partial sum the scan forms lies between the sum of the
 * negative entries and that of the positive ones, and every partial product is at most the
 * product of max(|x|, 1) in magnitude, so the device's own checked reductions of those refuse
 * (on WebGPU at the next read) any partial result that int32 cannot hold. (|-2^31| wraps in
 * int32, so a product through -2^31 itself is not covered.)
 */
function refuseInt32Overflow(op: "add" | "mul", y: Tensor, d: number): void {
  if (op === "add") {
    sum(binary("maximum", y, 0), d);
    sum(binary("minimum", y, 0), d);
  } else prod(binary("maximum", unary("abs", y), 1), d);
}

/**
 * `torch.cumsum(input, dim)`: running sums along `dim`. Integer and bool inputs give `int64`
 * on the CPU, as PyTorch, and `int32` on the GPUs; `{ dtype }` casts first.
 *
 * @example
 * ```ts
 * torch.tensor([1, 2, 3, 4]).cumsum(0); // tensor([1, 3, 6, 10])
 * torch.tensor([[1, 2], [3, 4]]).cumsum(1, { dtype: "float32" }); // [[1, 3], [3, 7]]
 * ```
 */
export function cumsum(x: Tensor, dim: number, options: CumulativeOptions = {}): Tensor {
  return scan("add", "cumsum", x, dim, options);
}

/**
 * `torch.cumprod(input, dim)`: running products along `dim`, differentiable through zeros.
 *
 * @example
 * ```ts
 * torch.tensor([1, 2, 3, 4]).cumprod(0); // tensor([1, 2, 6, 24])
 * ```
 */
export function cumprod(x: Tensor, dim: number, options: CumulativeOptions = {}): Tensor {
  return scan("mul", "cumprod", x, dim, options);
}
