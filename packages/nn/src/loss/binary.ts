/** Binary classification loss modules. */
import type { Tensor } from "@flambeau/tensor";
import { WeightedLoss, type LossOptions } from "./base.js";
import { binary_cross_entropy, binary_cross_entropy_with_logits } from "../functional/binary-loss.js";

/** `torch.nn.BCELoss`: binary cross-entropy of probabilities. @example `new nn.BCELoss()(torch.sigmoid(logits), labels)` */
export class BCELoss extends WeightedLoss {
  override forward(input: Tensor, target: Tensor): Tensor {
    return binary_cross_entropy(input, target, { weight: this.weight, reduction: this.reduction });
  }
}

/**
 * `torch.nn.BCEWithLogitsLoss`: sigmoid and binary cross-entropy in one numerically stable step,
 * with an optional `pos_weight` per class (a buffer, as in PyTorch).
 *
 * @example
 * ```ts
 * const criterion = new nn.BCEWithLogitsLoss({ pos_weight: torch.tensor([3.0]) });
 * ```
 */
export class BCEWithLogitsLoss extends WeightedLoss {
  declare pos_weight: Tensor | null;
  constructor(options: LossOptions & { weight?: Tensor | null; pos_weight?: Tensor | null } = {}) {
    super(options);
    this.register_buffer("pos_weight", options.pos_weight ?? null);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return binary_cross_entropy_with_logits(input, target, {
      weight: this.weight, pos_weight: this.pos_weight, reduction: this.reduction,
    });
  }
}
