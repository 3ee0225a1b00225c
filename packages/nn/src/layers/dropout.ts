import type { Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";
import { checkDropoutProbability, dropout, dropout2d } from "../functional/dropout.js";
import { pyBool, pyFloat } from "../repr.js";
import { positional, checkConstructorOptions } from "../options.js";

/** Options of {@link Dropout}. */
export interface DropoutLayerOptions {
  p?: number;
  inplace?: boolean;
}

export interface Dropout {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.Dropout`: in training mode, zero elements with probability `p` and scale the rest
 * by `1 / (1 - p)`; in evaluation mode, pass the input through.
 *
 * @example
 * ```ts
 * const drop = new nn.Dropout(0.2);
 * drop.eval();
 * ```
 */
export class Dropout extends Module {
  declare readonly p: number;
  declare readonly inplace: boolean;
  constructor(p: number | DropoutLayerOptions = 0.5, inplace = false) {
    super();
    const o = positional<DropoutLayerOptions, "p">(p, "p", { inplace });
    const owner = new.target === Dropout2d ? "Dropout2d" : "Dropout";
    checkConstructorOptions(owner, o);
    const prob = o.p ?? 0.5;
    checkDropoutProbability(`nn.${owner}()`, prob);
    this.p = prob;
    this.inplace = o.inplace ?? false;
  }
  override forward(input: Tensor): Tensor {
    return dropout(input, this.p, this.training, this.inplace);
  }
  override extra_repr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}

export interface Dropout2d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.Dropout2d`: in training mode, zero whole channels of an `(N, C, H, W)` input with
 * probability `p` and scale the rest by `1 / (1 - p)`; in evaluation mode, pass it through.
 *
 * @example
 * ```ts
 * const drop = new nn.Dropout2d(0.25);
 * drop(torch.randn([8, 16, 5, 5])).shape; // [8, 16, 5, 5]
 * ```
 */
export class Dropout2d extends Dropout {
  constructor(p: number | DropoutLayerOptions = 0.5, inplace = false) {
    super(p, inplace);
  }
  override forward(input: Tensor): Tensor {
    return dropout2d(input, this.p, this.training, this.inplace);
  }
}
