import { checkOptions, optionKeys } from "@flambeau/tensor/internal";
import { Adam, type AdamOptions } from "./adam.js";
import type { Params } from "./optimizer.js";
import { positional } from "./options.js";

/** PyTorch's keyword arguments of AdamW; any other key is refused. */
const KEYS = optionKeys("AdamW", ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"]);

/**
 * AdamW (`torch.optim.AdamW`): Adam with decoupled weight decay, which shrinks the parameters
 * by `lr * weight_decay` each step instead of adding an L2 term to the gradient. The default
 * `weight_decay` is 1e-2. It shares Adam's update and state (and is an `Adam`).
 *
 * @example
 * ```ts
 * const opt = new torch.optim.AdamW(model.parameters(), { lr: 1e-3, weight_decay: 0.01 });
 * ```
 */
export class AdamW extends Adam {
  constructor(params: Params<AdamOptions>, lr?: number | Partial<AdamOptions>, options?: Partial<AdamOptions>) {
    const o = positional<AdamOptions, "lr">("lr", lr, options);
    checkOptions("AdamW", o, KEYS);
    o.weight_decay ??= 1e-2;
    super(params, o);
  }

  protected override _decoupled_weight_decay(): boolean {
    return true;
  }
}
