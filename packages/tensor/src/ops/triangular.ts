import { fmtShape } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { checkTensor } from "./checks.js";
import { arange } from "./creation.js";
import { binary } from "./elementwise.js";
import { masked_fill } from "./select.js";
import { reshape } from "./view.js";

// Column minus row of every element of the last two dimensions, as an int32 [rows, cols] tensor.
function offsets(x: Tensor, op: string): Tensor {
  checkTensor(op, "input", x);
  if (x.ndim < 2) throw new Error(`${op}: input tensor must have at least 2 dimensions (got shape ${fmtShape(x.shape)})`);
  const rows = x.shape[x.ndim - 2]!, cols = x.shape[x.ndim - 1]!;
  const r = reshape(arange(rows, { device: x.device }), [rows, 1]);
  return binary("sub", arange(cols, { device: x.device }), r);
}

function checkDiagonal(op: string, diagonal: number): void {
  if (!Number.isInteger(diagonal)) throw new TypeError(`${op}(): argument 'diagonal' must be an integer, but got ${diagonal}`);
}

/**
 * `torch.tril(input, diagonal=0)`: the lower triangle of the last two dimensions (elements
 * with `col - row <= diagonal`), the rest set to zero. Batched over leading dimensions.
 *
 * @example
 * ```ts
 * torch.ones([3, 3]).tril(); // [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
 * torch.ones([3, 3]).tril(-1); // strictly below the diagonal
 * ```
 */
export function tril(x: Tensor, diagonal = 0): Tensor {
  checkDiagonal("tril", diagonal);
  return masked_fill(x, binary("gt", offsets(x, "tril"), diagonal), 0);
}

/**
 * `torch.triu(input, diagonal=0)`: the upper triangle of the last two dimensions (elements
 * with `col - row >= diagonal`), the rest set to zero. Batched over leading dimensions.
 *
 * @example
 * ```ts
 * torch.ones([3, 3]).triu(1); // [[0, 1, 1], [0, 0, 1], [0, 0, 0]]
 * // a causal attention mask:
 * scores.masked_fill(torch.ones([T, T], { dtype: "bool" }).triu(1), -Infinity);
 * ```
 */
export function triu(x: Tensor, diagonal = 0): Tensor {
  checkDiagonal("triu", diagonal);
  return masked_fill(x, binary("lt", offsets(x, "triu"), diagonal), 0);
}
