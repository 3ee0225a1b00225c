import type { Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";

export interface Identity {
  (input: Tensor): Tensor;
}

/**
 * A placeholder that returns its input (`torch.nn.Identity`); constructor arguments are
 * accepted and ignored, as in PyTorch.
 *
 * @example
 * ```ts
 * const head = useHead ? new nn.Linear(8, 2) : new nn.Identity();
 * ```
 */
export class Identity extends Module {
  constructor(..._args: unknown[]) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return input;
  }
}
