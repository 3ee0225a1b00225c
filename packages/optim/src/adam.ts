import { addScaled_, checkOptions, optionKeys } from "@flambeau/tensor/internal";
import { zeros_like, type Tensor } from "@flambeau/tensor";
import { Optimizer, type ParamGroup, type Params } from "./optimizer.js";
import { checkBetas, nonNegative, positional } from "./options.js";

/** PyTorch's keyword arguments of Adam; any other key is refused. */
const KEYS = optionKeys("Adam", ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"]);

/** Options of {@link Adam} and {@link AdamW} (PyTorch's keyword arguments). */
export interface AdamOptions {
  /** Learning rate (default 1e-3). */
  lr: number;
  /** Decay rates of the first and second moment estimates (default `[0.9, 0.999]`). */
  betas: [number, number];
  /** Added to the denominator for numerical stability (default 1e-8). */
  eps: number;
  /** Weight decay: an L2 penalty for Adam (default 0), decoupled for AdamW (default 1e-2). */
  weight_decay: number;
  /** Use the maximum of past second moments (AMSGrad; default false). */
  amsgrad: boolean;
  /** Ascend the objective instead of descending it (default false). */
  maximize: boolean;
}

/** Per-parameter state of {@link Adam}: the step count and the moment estimates. */
export interface AdamState {
  step: number;
  exp_avg: Tensor;
  exp_avg_sq: Tensor;
  max_exp_avg_sq?: Tensor;
}

/**
 * Adam (`torch.optim.Adam`): steps scaled by bias-corrected running averages of the gradient
 * and of its square, with optional L2 weight decay and AMSGrad.
 *
 * @example
 * ```ts
 * const opt = new torch.optim.Adam(model.parameters(), { lr: 1e-3, betas: [0.9, 0.999] });
 * ```
 */
export class Adam extends Optimizer<AdamOptions, AdamState> {
  constructor(params: Params<AdamOptions>, lr?: number | Partial<AdamOptions>, options?: Partial<AdamOptions>) {
    const o = positional<AdamOptions, "lr">("lr", lr, options);
    checkOptions("Adam", o, KEYS);
    const { lr: rate = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weight_decay = 0, amsgrad = false, maximize = false } = o;
    nonNegative(rate, "learning rate");
    nonNegative(eps, "epsilon value");
    checkBetas(betas);
    nonNegative(weight_decay, "weight_decay value");
    super(params, { lr: rate, betas: [betas[0], betas[1]], eps, weight_decay, amsgrad, maximize });
  }

  /** Whether weight decay shrinks the parameters directly (AdamW) instead of joining the gradient. */
  protected _decoupled_weight_decay(): boolean {
    return false;
  }

  protected override _step_group(group: ParamGroup & AdamOptions): void {
    const { lr, betas, eps, weight_decay, amsgrad, maximize } = group;
    const [beta1, beta2] = betas;
    const decoupled = this._decoupled_weight_decay();
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._state_of(p);
      if (state.step === undefined) {
        state.step = 0;
        state.exp_avg = zeros_like(p);
        state.exp_avg_sq = zeros_like(p);
      }
      if (amsgrad) state.max_exp_avg_sq ??= zeros_like(p);
      const step = (state.step += 1);
      const exp_avg = state.exp_avg!, exp_avg_sq = state.exp_avg_sq!;
      let grad = maximize ? p.grad.neg() : p.grad;
      if (decoupled) {
        // A factor of exactly 1 changes nothing: skip the write.
        if (lr * weight_decay !== 0) p.mul_(1 - lr * weight_decay);
      } else if (weight_decay !== 0) grad = grad.add(p, { alpha: weight_decay });
      addScaled_(exp_avg.mul_(beta1), grad, 1 - beta1);
      exp_avg_sq.mul_(beta2).addcmul_(grad, grad, { value: 1 - beta2 });
      // Bias corrections are scalars, computed in double precision as PyTorch's Python code does.
      const step_size = lr / (1 - beta1 ** step);
      const bias_correction2_sqrt = Math.sqrt(1 - beta2 ** step);
      let second = exp_avg_sq;
      if (amsgrad) second = state.max_exp_avg_sq!.copy_(state.max_exp_avg_sq!.maximum(exp_avg_sq));
      const denom = second.sqrt().div(bias_correction2_sqrt).add(eps);
      p.addcdiv_(exp_avg, denom, { value: -step_size });
    }
  }
}
