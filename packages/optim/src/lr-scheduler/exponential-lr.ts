import { LRScheduler, type SchedulableOptimizer, type SchedulerOptions } from "./lr-scheduler.js";
import { needed, positional } from "../options.js";

/** Options of {@link ExponentialLR}. */
export interface ExponentialLROptions extends SchedulerOptions {
  /** Factor applied every epoch. */
  gamma: number;
}

/**
 * Multiply each group's learning rate by `gamma` every epoch (`ExponentialLR`).
 *
 * @example
 * ```ts
 * const scheduler = new torch.optim.lr_scheduler.ExponentialLR(optimizer, 0.9);
 * ```
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, gamma: number | ExponentialLROptions, options?: Partial<ExponentialLROptions>) {
    const o = positional<ExponentialLROptions, "gamma">("gamma", gamma, options);
    const factor = needed(o.gamma, "gamma", "ExponentialLR");
    super(optimizer, o.last_epoch, o.verbose);
    this.gamma = factor;
    this._initial_step();
  }

  get_lr(): number[] {
    const lrs = this._groups.map((g) => g.lr);
    return this.last_epoch === 0 ? lrs : lrs.map((lr) => lr * this.gamma);
  }

  protected override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((lr) => lr * this.gamma ** this.last_epoch);
  }
}
