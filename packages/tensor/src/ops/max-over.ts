/**
 * The maximum over several dimensions at once, with the position of its first occurrence
 * (row-major over those dimensions) and a gradient that flows to that position alone: what
 * `x.max(dim)` gives for one dimension, for the windows of max pooling on a strided view
 * (`[N, C, OH, kh, OW, kw]` over `kh` and `kw`), with no window gather and no copy.
 *
 * Why not `max(dim)` twice: its values come from a `gather` (a kernel of its own per `max`),
 * and each gather's gradient is a `scatter_add` into zeros. Here the values are one `amax`
 * reduction and the indices one `argmax` reduction over the same view, and the gradient is
 * one comparison and one `where` writing the input's shape.
 */
import { record } from "../graph.js";
import { normalizeDims } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { arange } from "./creation.js";
import { reducePrimitive } from "./reduce.js";

/**
 * `[values, indices]`: the maximum of `x` over `dims` (removed), and the row-major index
 * within those dimensions of its first occurrence (NaN counting as the largest, as `argmax`).
 * Differentiable in `x`: the gradient goes to that first occurrence.
 */
export function max_over(x: Tensor, dims: readonly number[]): [Tensor, Tensor] {
  const axes = normalizeDims(dims, x.ndim, "max_over");
  const values = reducePrimitive("max", x, axes, false);
  const indices = reducePrimitive("argmax", x, axes, false);
  const out = x.requires_grad ? record("max_over", [x], values, [indices], { axes }) : values;
  return [out, indices];
}

/** The gradient of {@link max_over} for an input of `shape`: `g` at each first maximum, zero elsewhere. */
export function max_over_backward(g: Tensor, indices: Tensor, axes: readonly number[], shape: readonly number[]): Tensor {
  // g and the indices with the reduced dimensions kept as size 1; the positions within the
  // reduced dimensions laid out along them, broadcast over the rest.
  const kept = shape.map((s, d) => (axes.includes(d) ? 1 : s));
  const inner = shape.map((s, d) => (axes.includes(d) ? s : 1));
  const count = inner.reduce((a, b) => a * b, 1);
  const positions = arange(0, count, 1, { dtype: indices.dtype, device: indices.device }).reshape(inner);
  return g.reshape(kept).where(indices.reshape(kept).eq(positions), 0);
}
