import { addScaled_, checkOptions, optionKeys } from "@flambeau/tensor/internal";
import type { Tensor } from "@flambeau/tensor";
import { Optimizer, required, type ParamGroup, type Params } from "./optimizer.js";
import { nonNegative, positional } from "./options.js";

/** PyTorch's keyword arguments of SGD; any other key is refused. */
const KEYS = optionKeys("SGD", ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"]);

/** Options of {@link SGD} (PyTorch's keyword arguments). */
export interface SGDOptions {
  /** Learning rate; required. */
  lr: number;
  /** Momentum factor (default 0: none). */
  momentum: number;
  /** Dampening of the momentum (default 0). */
  dampening: number;
  /** L2 penalty added to the gradient (default 0). */
  weight_decay: number;
  /** Nesterov momentum (default false); needs momentum and no dampening. */
  nesterov: boolean;
  /** Ascend the objective instead of descending it (default false). */
  maximize: boolean;
}

/** Per-parameter state of {@link SGD}: the momentum buffer, `null` until momentum is used. */
export interface SGDState {
  momentum_buffer: Tensor | null;
}

/**
 * Stochastic gradient descent, optionally with momentum (`torch.optim.SGD`), computed as
 * PyTorch does: `buf = momentum * buf + (1 - dampening) * grad`, then `p -= lr * buf`
 * (or `lr * (grad + momentum * buf)` with Nesterov).
 *
 * @example
 * ```ts
 * const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
 * opt.zero_grad();
 * loss.backward();
 * opt.step();
 * ```
 */
export class SGD extends Optimizer<SGDOptions, SGDState> {
  constructor(params: Params<SGDOptions>, lr?: number | Partial<SGDOptions>, options?: Partial<SGDOptions>) {
    const o = positional<SGDOptions, "lr">("lr", lr, options);
    checkOptions("SGD", o, KEYS);
    const { momentum = 0, dampening = 0, weight_decay = 0, nesterov = false, maximize = false } = o;
    if (o.lr !== undefined) nonNegative(o.lr, "learning rate");
    nonNegative(momentum, "momentum value");
    nonNegative(weight_decay, "weight_decay value");
    if (nesterov && (momentum <= 0 || dampening !== 0)) throw new Error("Nesterov momentum requires a momentum and zero dampening");
    const lrDefault = (o.lr ?? required) as number;
    super(params, { lr: lrDefault, momentum, dampening, weight_decay, nesterov, maximize });
  }

  protected override _step_group(group: ParamGroup & SGDOptions): void {
    const { lr, momentum, dampening, weight_decay, nesterov, maximize } = group;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null) continue;
      const state = this._state_of(p);
      let d_p = maximize ? grad.neg() : grad;
      if (weight_decay !== 0) d_p = d_p.add(p, { alpha: weight_decay });
      let buf = state.momentum_buffer ?? null;
      if (momentum !== 0) {
        // The first buffer is the gradient itself: copied, unless d_p is already a fresh tensor.
        if (buf === null) buf = d_p === grad ? grad.clone() : d_p;
        else addScaled_(buf.mul_(momentum), d_p, 1 - dampening);
        d_p = nesterov ? d_p.add(buf, { alpha: momentum }) : buf;
      }
      state.momentum_buffer = buf;
      addScaled_(p, d_p, -lr);
    }
  }
}
