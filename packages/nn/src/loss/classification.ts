/** Multi-class classification loss modules. */
import type { Tensor } from "@flambeau/tensor";
import { WeightedLoss, type LossOptions } from "./base.js";
import { cross_entropy, nll_loss } from "../functional/classification-loss.js";

/** Options of {@link NLLLoss}. */
export interface NLLLossModuleOptions extends LossOptions {
  weight?: Tensor | null;
  ignore_index?: number;
}

/** `torch.nn.NLLLoss`: negative log-likelihood of log-probabilities. @example `new nn.NLLLoss()(F.log_softmax(x, 1), y)` */
export class NLLLoss extends WeightedLoss {
  declare readonly ignore_index: number;
  constructor(options: NLLLossModuleOptions = {}) {
    super(options);
    this.ignore_index = options.ignore_index ?? -100;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return nll_loss(input, target, { weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction });
  }
}

/**
 * `torch.nn.CrossEntropyLoss`: `log_softmax` plus negative log-likelihood, for class-index
 * targets (int32, with `ignore_index`) or class-probability targets (the input's shape), with
 * optional per-class `weight` and `label_smoothing`.
 *
 * @example
 * ```ts
 * const criterion = new nn.CrossEntropyLoss({ label_smoothing: 0.1 });
 * const loss = criterion(logits, torch.tensor([2, 0, 1]));
 * ```
 */
export class CrossEntropyLoss extends WeightedLoss {
  declare readonly ignore_index: number;
  declare readonly label_smoothing: number;
  constructor(options: NLLLossModuleOptions & { label_smoothing?: number } = {}) {
    super(options);
    this.ignore_index = options.ignore_index ?? -100;
    this.label_smoothing = options.label_smoothing ?? 0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return cross_entropy(input, target, {
      weight: this.weight, ignore_index: this.ignore_index, reduction: this.reduction, label_smoothing: this.label_smoothing,
    });
  }
}
