import { gradMode } from "../graph.js";
import { shapesEqual } from "../shape.js";
import type { Tensor } from "../tensor.js";

/**
 * `target.add_(src, { alpha })` as an optimizer's step does it, under `no_grad`: in one fused
 * pass where the backend has one (`Backend.addScaledInPlace`, e.g. the CPU's SIMD kernel for
 * large float32 tensors), otherwise through `add_` itself. The values are the same either way.
 *
 * @example
 * ```ts
 * no_grad(() => addScaled_(p, p.grad!, -lr)); // SGD's update
 * ```
 */
export function addScaled_(target: Tensor, src: Tensor, alpha: number): Tensor {
  const backend = target._storage.backend;
  if (backend.addScaledInPlace !== undefined && !gradMode.enabled && src._storage.backend === backend && src.dtype === target.dtype &&
      shapesEqual(src.shape, target.shape) && backend.addScaledInPlace(target, src, alpha)) {
    target._storage.version++;
    return target;
  }
  return target.add_(src, { alpha });
}
