import { LRScheduler, type SchedulableOptimizer, type SchedulerOptions } from "./lr-scheduler.js";
import { needed, positional } from "../options.js";

/** Options of {@link CosineAnnealingLR}. */
export interface CosineAnnealingLROptions extends SchedulerOptions {
  /** Epochs of a half cosine period, from the initial lr down to `eta_min`. */
  T_max: number;
  /** The lowest learning rate (default 0). */
  eta_min?: number;
}

/**
 * Anneal each group's learning rate from its initial value to `eta_min` along a half cosine over
 * `T_max` epochs, then back up (`CosineAnnealingLR`, the annealing part of SGDR). Computed with
 * PyTorch's recursive formula (torch 1.13+), so changes made to the lr by others carry through
 * and the numbers follow PyTorch's rounding step by step.
 *
 * @example
 * ```ts
 * const scheduler = new torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, 100, { eta_min: 1e-5 });
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  T_max: number;
  eta_min: number;

  constructor(optimizer: SchedulableOptimizer, T_max: number | CosineAnnealingLROptions, options?: Partial<CosineAnnealingLROptions>) {
    const o = positional<CosineAnnealingLROptions, "T_max">("T_max", T_max, options);
    const period = needed(o.T_max, "T_max", "CosineAnnealingLR");
    super(optimizer, o.last_epoch, o.verbose);
    this.T_max = period;
    this.eta_min = o.eta_min ?? 0;
    this._initial_step();
  }

  get_lr(): number[] {
    const { T_max, eta_min, last_epoch } = this;
    const groups = this._groups;
    if (last_epoch === 0) return groups.map((g) => g.lr);
    // Resumed with last_epoch > 0: nothing to recurse from yet, so use the closed form.
    if (this._step_count === 1 && last_epoch > 0)
      return this.base_lrs.map((base) => eta_min + ((base - eta_min) * (1 + Math.cos((last_epoch * Math.PI) / T_max))) / 2);
    // The trough of a period: the ratio below would divide by zero, so step up by the increment.
    if ((last_epoch - 1 - T_max) % (2 * T_max) === 0)
      return groups.map((g, i) => g.lr + ((this.base_lrs[i]! - eta_min) * (1 - Math.cos(Math.PI / T_max))) / 2);
    return groups.map(
      (g) =>
        ((1 + Math.cos((Math.PI * last_epoch) / T_max)) / (1 + Math.cos((Math.PI * (last_epoch - 1)) / T_max))) *
          (g.lr - eta_min) +
        eta_min,
    );
  }

  protected override _get_closed_form_lr(): number[] {
    const { T_max, eta_min, last_epoch } = this;
    return this.base_lrs.map((base) => eta_min + ((base - eta_min) * (1 + Math.cos((Math.PI * last_epoch) / T_max))) / 2);
  }
}
