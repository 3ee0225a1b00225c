import { LRScheduler, type SchedulableOptimizer, type SchedulerOptions } from "./lr-scheduler.js";
import { positional } from "../options.js";

/** Options of {@link LinearLR}. */
export interface LinearLROptions extends SchedulerOptions {
  /** Factor of the initial lr at epoch 0 (default 1/3). */
  start_factor?: number;
  /** Factor reached at `total_iters` and kept after (default 1). */
  end_factor?: number;
  /** Epochs of the linear change (default 5). */
  total_iters?: number;
}

/**
 * Change each group's learning rate linearly from `start_factor` to `end_factor` times its
 * initial value over `total_iters` epochs (`LinearLR`), e.g. a warm-up.
 *
 * @example
 * ```ts
 * const warmup = new torch.optim.lr_scheduler.LinearLR(optimizer, { start_factor: 0.1, total_iters: 10 });
 * ```
 */
export class LinearLR extends LRScheduler {
  start_factor: number;
  end_factor: number;
  total_iters: number;

  constructor(optimizer: SchedulableOptimizer, start_factor?: number | LinearLROptions, options?: LinearLROptions) {
    const o = positional<LinearLROptions, "start_factor">("start_factor", start_factor, options);
    const { start_factor: start = 1 / 3, end_factor: end = 1, total_iters = 5 } = o;
    if (start > 1 || start < 0) throw new Error("Starting multiplicative factor expected to be between 0 and 1.");
    if (end > 1 || end < 0) throw new Error("Ending multiplicative factor expected to be between 0 and 1.");
    super(optimizer, o.last_epoch, o.verbose);
    this.start_factor = start;
    this.end_factor = end;
    this.total_iters = total_iters;
    this._initial_step();
  }

  get_lr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: n, last_epoch: t } = this;
    const lrs = this._groups.map((g) => g.lr);
    if (t === 0) return lrs.map((lr) => lr * s);
    if (t > n) return lrs;
    // The ratio of consecutive factors, so that changes made to the lr by others carry through.
    return lrs.map((lr) => lr * (1 + (e - s) / (n * s + (t - 1) * (e - s))));
  }

  protected override _get_closed_form_lr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: n, last_epoch: t } = this;
    return this.base_lrs.map((base) => base * (s + ((e - s) * Math.min(n, t)) / n));
  }
}
