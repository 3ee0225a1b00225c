import { checkOptions, optionKeys } from "@flambeau/tensor/internal";
import { full_like, type Tensor } from "@flambeau/tensor";
import { Optimizer, type ParamGroup, type Params } from "./optimizer.js";
import { nonNegative, positional } from "./options.js";

/** PyTorch's keyword arguments of Adagrad; any other key is refused. */
const KEYS = optionKeys("Adagrad", ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"]);

/** Options of {@link Adagrad} (PyTorch's keyword arguments). */
export interface AdagradOptions {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Learning-rate decay: step `t` uses `lr / (1 + (t - 1) * lr_decay)` (default 0). */
  lr_decay: number;
  /** L2 penalty added to the gradient (default 0). */
  weight_decay: number;
  /** Starting value of the sum of squared gradients (default 0). */
  initial_accumulator_value: number;
  /** Added to the denominator for numerical stability (default 1e-10). */
  eps: number;
  /** Ascend the objective instead of descending it (default false). */
  maximize: boolean;
}

/** Per-parameter state of {@link Adagrad}: the step count and the sum of squared gradients. */
export interface AdagradState {
  step: number;
  sum: Tensor;
}

/**
 * Adagrad (`torch.optim.Adagrad`): each coordinate's step divided by the root of the sum of
 * its squared gradients so far. Its state exists from construction, as in PyTorch.
 *
 * @example
 * ```ts
 * const opt = new torch.optim.Adagrad(model.parameters(), { lr: 0.1 });
 * ```
 */
export class Adagrad extends Optimizer<AdagradOptions, AdagradState> {
  constructor(params: Params<AdagradOptions>, lr?: number | Partial<AdagradOptions>, options?: Partial<AdagradOptions>) {
    const o = positional<AdagradOptions, "lr">("lr", lr, options);
    checkOptions("Adagrad", o, KEYS);
    const { lr: rate = 1e-2, lr_decay = 0, weight_decay = 0, initial_accumulator_value = 0, eps = 1e-10, maximize = false } = o;
    nonNegative(rate, "learning rate");
    nonNegative(lr_decay, "lr_decay value");
    nonNegative(weight_decay, "weight_decay value");
    nonNegative(initial_accumulator_value, "initial_accumulator_value value");
    nonNegative(eps, "epsilon value");
    super(params, { lr: rate, lr_decay, eps, weight_decay, initial_accumulator_value, maximize });
    for (const group of this.param_groups) for (const p of group.params) this._init_state(p, group);
  }

  private _init_state(p: Tensor, group: ParamGroup & AdagradOptions): AdagradState {
    const state = { step: 0, sum: full_like(p, group.initial_accumulator_value) };
    this.state.set(p, state);
    return state;
  }

  protected override _step_group(group: ParamGroup & AdagradOptions): void {
    const { lr, lr_decay, weight_decay, eps, maximize } = group;
    for (const p of group.params) {
      if (p.grad === null) continue;
      // Groups added later, or a loaded state without this parameter, start fresh.
      let state = this.state.get(p);
      if (state?.sum === undefined) state = this._init_state(p, group);
      const step = (state.step += 1);
      let grad = maximize ? p.grad.neg() : p.grad;
      if (weight_decay !== 0) grad = grad.add(p, { alpha: weight_decay });
      const clr = lr / (1 + (step - 1) * lr_decay);
      state.sum.addcmul_(grad, grad);
      const std = state.sum.sqrt().add(eps);
      p.addcdiv_(grad, std, { value: -clr });
    }
  }
}
