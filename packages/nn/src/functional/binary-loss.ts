/** Binary cross-entropy losses, on probabilities and on logits. */
import { Tensor, can_read_sync } from "@flambeau/tensor";
import { reduce } from "./reduction.js";
import { softplus } from "./activation.js";
import type { ReductionOptions } from "./regression-loss.js";
import { torchSize } from "../repr.js";

/** Options of {@link binary_cross_entropy}. */
export interface BCEOptions extends ReductionOptions {
  /** Rescales each element's loss (broadcast against the input). */
  weight?: Tensor | null;
}

/**
 * `F.binary_cross_entropy`: `-w (y log x + (1 - y) log(1 - x))` for probabilities `x`, with
 * each log clamped at -100 as PyTorch does, so `x` of exactly 0 or 1 gives a finite loss.
 *
 * @example
 * ```ts
 * F.binary_cross_entropy(torch.sigmoid(logits), labels);
 * ```
 */
export function binary_cross_entropy(input: Tensor, target: Tensor, options: BCEOptions = {}): Tensor {
  if (input.shape.join() !== target.shape.join())
    throw new Error(
      `Using a target size (${torchSize(target.shape)}) that is different to the input size (${torchSize(input.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  // Values outside [0, 1] (or NaN) are a bug upstream; check where reading is cheap.
  if (input.numel() > 0 && can_read_sync(input) && !input.ge(0).logical_and(input.le(1)).all().itemSync())
    throw new Error("all elements of input should be between 0 and 1");
  const logX = input.log().clamp(-100);
  const log1mX = input.neg().log1p().clamp(-100);
  let loss = target.mul(logX).add(target.neg().add(1).mul(log1mX)).neg();
  if (options.weight) loss = loss.mul(options.weight);
  return reduce(loss, options.reduction ?? "mean");
}

/** Options of {@link binary_cross_entropy_with_logits}. */
export interface BCEWithLogitsOptions extends BCEOptions {
  /** Weight of positive examples, per class (broadcast along the last dimension). */
  pos_weight?: Tensor | null;
}

/**
 * `F.binary_cross_entropy_with_logits`: sigmoid and binary cross-entropy in one stable step,
 * `(1 - y) x + (1 + (pos_weight - 1) y) softplus(-x)`.
 *
 * @example
 * ```ts
 * F.binary_cross_entropy_with_logits(logits, labels, { pos_weight: torch.tensor([2.0]) });
 * ```
 */
export function binary_cross_entropy_with_logits(input: Tensor, target: Tensor, options: BCEWithLogitsOptions = {}): Tensor {
  if (input.shape.join() !== target.shape.join())
    throw new Error(`Target size (${torchSize(target.shape)}) must be the same as input size (${torchSize(input.shape)})`);
  const { weight, pos_weight } = options;
  const spNeg = softplus(input.neg());
  const logWeight = pos_weight ? pos_weight.sub(1).mul(target).add(1) : null;
  let loss = target.neg().add(1).mul(input).add(logWeight ? logWeight.mul(spNeg) : spNeg);
  if (weight) loss = loss.mul(weight);
  return reduce(loss, options.reduction ?? "mean");
}
