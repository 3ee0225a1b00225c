import { checkOptions, optionKeys } from "@flambeau/tensor/internal";
import { zeros_like, type Tensor } from "@flambeau/tensor";
import { Optimizer, type ParamGroup, type Params } from "./optimizer.js";
import { nonNegative, positional } from "./options.js";

/** PyTorch's keyword arguments of RMSprop; any other key is refused. */
const KEYS = optionKeys("RMSprop", ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"]);

/** Options of {@link RMSprop} (PyTorch's keyword arguments). */
export interface RMSpropOptions {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Smoothing constant of the running average of squared gradients (default 0.99). */
  alpha: number;
  /** Added to the denominator for numerical stability (default 1e-8). */
  eps: number;
  /** L2 penalty added to the gradient (default 0). */
  weight_decay: number;
  /** Momentum factor (default 0: none). */
  momentum: number;
  /** Normalise by an estimate of the gradient's variance instead of its second moment (default false). */
  centered: boolean;
  /** Ascend the objective instead of descending it (default false). */
  maximize: boolean;
}

/** Per-parameter state of {@link RMSprop}. */
export interface RMSpropState {
  step: number;
  square_avg: Tensor;
  momentum_buffer?: Tensor;
  grad_avg?: Tensor;
}

/**
 * RMSprop (`torch.optim.RMSprop`): steps divided by the root of a running average of squared
 * gradients, optionally centered and with momentum.
 *
 * @example
 * ```ts
 * const opt = new torch.optim.RMSprop(model.parameters(), { lr: 0.01, momentum: 0.9 });
 * ```
 */
export class RMSprop extends Optimizer<RMSpropOptions, RMSpropState> {
  constructor(params: Params<RMSpropOptions>, lr?: number | Partial<RMSpropOptions>, options?: Partial<RMSpropOptions>) {
    const o = positional<RMSpropOptions, "lr">("lr", lr, options);
    checkOptions("RMSprop", o, KEYS);
    const { lr: rate = 1e-2, alpha = 0.99, eps = 1e-8, weight_decay = 0, momentum = 0, centered = false, maximize = false } = o;
    nonNegative(rate, "learning rate");
    nonNegative(eps, "epsilon value");
    nonNegative(momentum, "momentum value");
    nonNegative(weight_decay, "weight_decay value");
    nonNegative(alpha, "alpha value");
    super(params, { lr: rate, alpha, eps, weight_decay, momentum, centered, maximize });
  }

  protected override _step_group(group: ParamGroup & RMSpropOptions): void {
    const { lr, alpha, eps, weight_decay, momentum, centered, maximize } = group;
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._state_of(p);
      if (state.step === undefined) {
        state.step = 0;
        state.square_avg = zeros_like(p);
      }
      // Buffers appear when an option first asks for them (PyTorch creates them with the state).
      if (momentum > 0) state.momentum_buffer ??= zeros_like(p);
      if (centered) state.grad_avg ??= zeros_like(p);
      state.step += 1;
      let grad = maximize ? p.grad.neg() : p.grad;
      if (weight_decay !== 0) grad = grad.add(p, { alpha: weight_decay });
      const square_avg = state.square_avg!.mul_(alpha).addcmul_(grad, grad, { value: 1 - alpha });
      let avg: Tensor;
      if (centered) {
        const grad_avg = state.grad_avg!.mul_(alpha).add_(grad, { alpha: 1 - alpha });
        avg = square_avg.sub(grad_avg.mul(grad_avg)).sqrt(); // addcmul(value=-1): the same rounding
      } else avg = square_avg.sqrt();
      avg = avg.add(eps);
      if (momentum > 0) {
        const buf = state.momentum_buffer!.mul_(momentum).addcdiv_(grad, avg);
        p.add_(buf, { alpha: -lr });
      } else p.addcdiv_(grad, avg, { value: -lr });
    }
  }
}
