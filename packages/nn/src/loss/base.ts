import type { Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";
import { checkConstructorOptions } from "../options.js";
import { checkReduction, type Reduction } from "../functional/reduction.js";

/** The `reduction` keyword of every loss module. */
export interface LossOptions {
  reduction?: Reduction;
}

export interface Loss {
  (input: Tensor, target: Tensor): Tensor;
}

/**
 * Base of the loss modules (PyTorch's `_Loss`): holds `reduction` (`"mean"` by default).
 *
 * @example
 * ```ts
 * class MyLoss extends nn.Loss {
 *   forward(input: Tensor, target: Tensor) {
 *     return F.l1_loss(input, target, { reduction: this.reduction });
 *   }
 * }
 * ```
 */
export abstract class Loss extends Module {
  declare readonly reduction: Reduction;
  constructor(options: LossOptions = {}) {
    super();
    // Each built-in loss checks the keys of its own class (a subclass's extra keys are its own).
    checkConstructorOptions(new.target.name, options);
    const reduction = options.reduction ?? "mean";
    checkReduction(reduction);
    this.reduction = reduction;
  }
  abstract override forward(input: Tensor, target: Tensor): Tensor;
}

/**
 * Base of losses with a per-class `weight` (PyTorch's `_WeightedLoss`). The weight is a buffer,
 * so it moves with `to(device)` and appears in `state_dict()` as in PyTorch.
 *
 * @example
 * ```ts
 * new nn.CrossEntropyLoss({ weight: torch.tensor([1.0, 3.0]) }).state_dict(); // { weight: … }
 * ```
 */
export abstract class WeightedLoss extends Loss {
  declare weight: Tensor | null;
  constructor(options: LossOptions & { weight?: Tensor | null } = {}) {
    super(options);
    this.register_buffer("weight", options.weight ?? null);
  }
}
