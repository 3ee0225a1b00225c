/** Losses between predictions and real-valued targets: MSE, L1, smooth L1 and Huber. */
import { where, type Tensor } from "@flambeau/tensor";
import { fmtShape, shapesEqual } from "@flambeau/tensor/internal";
import { reduce, type Reduction } from "./reduction.js";
import { torchSize } from "../repr.js";

/** The `reduction` keyword every loss takes. */
export interface ReductionOptions {
  reduction?: Reduction;
}

const warned = new Set<string>();

// PyTorch warns (and broadcasts) when the shapes differ, because that is almost always a bug.
function warnOnBroadcast(input: Tensor, target: Tensor): void {
  if (shapesEqual(input.shape, target.shape)) return;
  const key = `${fmtShape(input.shape)}|${fmtShape(target.shape)}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(
    `Using a target size (${torchSize(target.shape)}) that is different to the input size (${torchSize(input.shape)}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.`,
  );
}

/**
 * `F.mse_loss`: the mean (or sum) of squared differences.
 *
 * @example
 * ```ts
 * const loss = F.mse_loss(model(inputs), targets);
 * ```
 */
export function mse_loss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  warnOnBroadcast(input, target);
  return reduce(input.sub(target).square(), options.reduction ?? "mean");
}

/**
 * `F.l1_loss`: the mean (or sum) of absolute differences.
 *
 * @example
 * ```ts
 * F.l1_loss(prediction, target, { reduction: "sum" });
 * ```
 */
export function l1_loss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  warnOnBroadcast(input, target);
  return reduce(input.sub(target).abs(), options.reduction ?? "mean");
}

/**
 * `F.smooth_l1_loss`: quadratic (`0.5 d² / beta`) for `|d| < beta`, linear (`|d| - 0.5 beta`)
 * beyond; `beta = 0` is the L1 loss.
 *
 * @example
 * ```ts
 * F.smooth_l1_loss(prediction, target, { beta: 0.5 });
 * ```
 */
export function smooth_l1_loss(input: Tensor, target: Tensor, options: ReductionOptions & { beta?: number } = {}): Tensor {
  const beta = options.beta ?? 1;
  if (beta < 0) throw new Error("smooth_l1_loss does not support negative values for beta.");
  if (beta === 0) return l1_loss(input, target, options);
  warnOnBroadcast(input, target);
  const d = input.sub(target);
  const z = d.abs();
  return reduce(where(z.lt(beta), d.square().mul(0.5 / beta), z.sub(0.5 * beta)), options.reduction ?? "mean");
}

/**
 * `F.huber_loss`: quadratic (`0.5 d²`) for `|d| < delta`, linear (`delta (|d| - 0.5 delta)`)
 * beyond.
 *
 * @example
 * ```ts
 * F.huber_loss(prediction, target, { delta: 2 });
 * ```
 */
export function huber_loss(input: Tensor, target: Tensor, options: ReductionOptions & { delta?: number } = {}): Tensor {
  const delta = options.delta ?? 1;
  if (!(delta > 0)) throw new Error("huber_loss does not support non-positive values for delta.");
  warnOnBroadcast(input, target);
  const d = input.sub(target);
  const z = d.abs();
  return reduce(where(z.lt(delta), d.square().mul(0.5), z.sub(0.5 * delta).mul(delta)), options.reduction ?? "mean");
}
