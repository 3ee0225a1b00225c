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
  return tryAddScaled_(target, src, alpha) ? target : target.add_(src, { alpha });
}

/**
 * `target += alpha * src` in the backend's fused pass, when nothing is recorded (`no_grad`),
 * both are on one device with one dtype and shape, and the backend takes it; false, with
 * nothing changed, otherwise. The caller has made `add_`'s checks of `target` (checkInPlace).
 */
export function tryAddScaled_(target: Tensor, src: Tensor, alpha: number): boolean {
  const backend = target._storage.backend;
  if (backend.addScaledInPlace === undefined || gradMode.enabled || src._storage.backend !== backend || src.dtype !== target.dtype ||
      !shapesEqual(src.shape, target.shape) || !backend.addScaledInPlace(target, src, alpha)) return false;
  target._storage.version++;
  return true;
}
