/** Loss modules for real-valued targets. */
import type { Tensor } from "@flambeau/tensor";
import { Loss, type LossOptions } from "./base.js";
import { huber_loss, l1_loss, mse_loss, smooth_l1_loss } from "../functional/regression-loss.js";

/**
 * `torch.nn.MSELoss`: mean squared error.
 *
 * @example
 * ```ts
 * const criterion = new nn.MSELoss();
 * const loss = criterion(model(inputs), labels);
 * ```
 */
export class MSELoss extends Loss {
  override forward(input: Tensor, target: Tensor): Tensor {
    return mse_loss(input, target, { reduction: this.reduction });
  }
}

/** `torch.nn.L1Loss`: mean absolute error. @example `new nn.L1Loss({ reduction: "sum" })` */
export class L1Loss extends Loss {
  override forward(input: Tensor, target: Tensor): Tensor {
    return l1_loss(input, target, { reduction: this.reduction });
  }
}

/** `torch.nn.SmoothL1Loss`: quadratic below `beta` (1 by default), linear above. @example `new nn.SmoothL1Loss({ beta: 0.5 })` */
export class SmoothL1Loss extends Loss {
  declare readonly beta: number;
  constructor(options: LossOptions & { beta?: number } = {}) {
    super(options);
    this.beta = options.beta ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return smooth_l1_loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

/** `torch.nn.HuberLoss`: quadratic below `delta` (1 by default), linear above. @example `new nn.HuberLoss({ delta: 2 })` */
export class HuberLoss extends Loss {
  declare readonly delta: number;
  constructor(options: LossOptions & { delta?: number } = {}) {
    super(options);
    this.delta = options.delta ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return huber_loss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}
