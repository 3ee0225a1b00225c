import { LRScheduler, type SchedulableOptimizer, type SchedulerOptions } from "./lr-scheduler.js";
import { needed, positional } from "../options.js";

/** Options of {@link StepLR}. */
export interface StepLROptions extends SchedulerOptions {
  /** Epochs between decays. */
  step_size: number;
  /** Factor of each decay (default 0.1). */
  gamma?: number;
}

/**
 * Multiply each group's learning rate by `gamma` every `step_size` epochs (`StepLR`).
 *
 * @example
 * ```ts
 * const scheduler = new torch.optim.lr_scheduler.StepLR(optimizer, 30, { gamma: 0.1 });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   train();
 *   scheduler.step();
 * }
 * ```
 */
export class StepLR extends LRScheduler {
  step_size: number;
  gamma: number;

  constructor(optimizer: SchedulableOptimizer, step_size: number | StepLROptions, options?: Partial<StepLROptions>) {
    const o = positional<StepLROptions, "step_size">("step_size", step_size, options);
    const size = needed(o.step_size, "step_size", "StepLR");
    super(optimizer, o.last_epoch, o.verbose);
    this.step_size = size;
    this.gamma = o.gamma ?? 0.1;
    this._initial_step();
  }

  get_lr(): number[] {
    const lrs = this._groups.map((g) => g.lr);
    if (this.last_epoch === 0 || this.last_epoch % this.step_size !== 0) return lrs;
    return lrs.map((lr) => lr * this.gamma);
  }

  protected override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((lr) => lr * this.gamma ** Math.floor(this.last_epoch / this.step_size));
  }
}
