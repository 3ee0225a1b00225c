import { LRScheduler, type SchedulableOptimizer, type SchedulerOptions } from "./lr-scheduler.js";
import { needed, positional } from "../options.js";

/** Options of {@link MultiStepLR}. */
export interface MultiStepLROptions extends SchedulerOptions {
  /** Epochs at which to decay, increasing; a repeated milestone decays that many times. */
  milestones: readonly number[];
  /** Factor of each decay (default 0.1). */
  gamma?: number;
}

/**
 * Multiply each group's learning rate by `gamma` at each milestone epoch (`MultiStepLR`).
 *
 * @example
 * ```ts
 * const scheduler = new torch.optim.lr_scheduler.MultiStepLR(optimizer, [30, 80], { gamma: 0.1 });
 * ```
 */
export class MultiStepLR extends LRScheduler {
  /** How many times each milestone was given (PyTorch's `Counter`). */
  milestones: Record<number, number>;
  gamma: number;

  constructor(
    optimizer: SchedulableOptimizer,
    milestones: readonly number[] | MultiStepLROptions,
    options?: Partial<MultiStepLROptions>,
  ) {
    const o = positional<MultiStepLROptions, "milestones">("milestones", milestones, options);
    const given = needed(o.milestones, "milestones", "MultiStepLR");
    super(optimizer, o.last_epoch, o.verbose);
    this.milestones = {};
    for (const m of given) this.milestones[m] = (this.milestones[m] ?? 0) + 1;
    this.gamma = o.gamma ?? 0.1;
    this._initial_step();
  }

  get_lr(): number[] {
    const lrs = this._groups.map((g) => g.lr);
    const times = this.milestones[this.last_epoch];
    if (times === undefined) return lrs;
    return lrs.map((lr) => lr * this.gamma ** times);
  }

  protected override _get_closed_form_lr(): number[] {
    // bisect_right over the sorted milestones: how many are at or before last_epoch.
    let passed = 0;
    for (const [m, n] of Object.entries(this.milestones)) if (Number(m) <= this.last_epoch) passed += n;
    return this.base_lrs.map((lr) => lr * this.gamma ** passed);
  }
}
