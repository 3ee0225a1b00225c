import { Tensor } from "@flambeau/tensor";
import { sci4 } from "../format.js";
import { positional } from "../options.js";
import { checkOptimizer, type SchedulableOptimizer } from "./lr-scheduler.js";
import { loadFields, saveFields } from "./fields.js";

const isOptimizer = (key: string): boolean => key === "optimizer";

/** Options of {@link ReduceLROnPlateau}. */
export interface ReduceLROnPlateauOptions {
  /** `"min"` (default): reduce when the metric stops falling; `"max"`: when it stops rising. */
  mode?: "min" | "max";
  /** `new_lr = lr * factor` (default 0.1); must be below 1. */
  factor?: number;
  /** Epochs without improvement tolerated before reducing (default 10). */
  patience?: number;
  /** How much better a value must be to count as an improvement (default 1e-4). */
  threshold?: number;
  /** `"rel"` (default): better by a fraction `threshold` of the best; `"abs"`: by `threshold`. */
  threshold_mode?: "rel" | "abs";
  /** Epochs to wait after a reduction before counting again (default 0). */
  cooldown?: number;
  /** A floor for the lr, for every group or per group (default 0). */
  min_lr?: number | readonly number[];
  /** Reductions smaller than this are skipped (default 1e-8). */
  eps?: number;
  /** Print each reduction (default false). */
  verbose?: boolean;
}

/**
 * Reduce the learning rate when a metric stops improving (`ReduceLROnPlateau`): after more than
 * `patience` epochs without improvement, every group's lr is multiplied by `factor`.
 * `step(metric)` takes the metric each epoch.
 *
 * @example
 * ```ts
 * const scheduler = new torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, "min", { patience: 5 });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   train();
 *   scheduler.step(await validate());
 * }
 * ```
 */
export class ReduceLROnPlateau {
  optimizer: SchedulableOptimizer;
  factor: number;
  min_lrs: number[];
  patience: number;
  verbose: boolean;
  cooldown: number;
  cooldown_counter = 0;
  mode: "min" | "max";
  threshold: number;
  threshold_mode: "rel" | "abs";
  /** The best metric so far. */
  best: number;
  num_bad_epochs = 0;
  mode_worse: number;
  eps: number;
  last_epoch = 0;
  _last_lr: number[];

  constructor(optimizer: SchedulableOptimizer, mode?: "min" | "max" | ReduceLROnPlateauOptions, options?: ReduceLROnPlateauOptions) {
    const o = positional<ReduceLROnPlateauOptions, "mode">("mode", mode, options);
    const factor = o.factor ?? 0.1;
    if (factor >= 1.0) throw new Error("Factor should be < 1.0.");
    checkOptimizer(optimizer);
    const n = optimizer.param_groups.length;
    const min_lr = o.min_lr ?? 0;
    if (Array.isArray(min_lr) && min_lr.length !== n) throw new Error(`expected ${n} min_lrs, got ${min_lr.length}`);
    this.optimizer = optimizer;
    this.factor = factor;
    this.min_lrs = Array.isArray(min_lr) ? min_lr.slice() : new Array<number>(n).fill(min_lr as number);
    this.patience = o.patience ?? 10;
    this.verbose = o.verbose ?? false;
    this.cooldown = o.cooldown ?? 0;
    this.mode = o.mode ?? "min";
    this.threshold = o.threshold ?? 1e-4;
    this.threshold_mode = o.threshold_mode ?? "rel";
    this.eps = o.eps ?? 1e-8;
    this.mode_worse = this._init_is_better();
    this.best = this.mode_worse;
    this._last_lr = optimizer.param_groups.map((g) => g.lr);
  }

  /**
   * Record this epoch's metric (a number, or a one-element tensor read synchronously: on devices
   * that read asynchronously pass `await loss.item()`), and reduce the lr if it has plateaued.
   */
  step(metrics: number | Tensor, epoch?: number): void {
    const current = metrics instanceof Tensor ? metrics.itemSync() : Number(metrics);
    this.last_epoch = epoch ?? this.last_epoch + 1;
    if (this.is_better(current, this.best)) {
      this.best = current;
      this.num_bad_epochs = 0;
    } else this.num_bad_epochs += 1;
    if (this.in_cooldown) {
      this.cooldown_counter -= 1;
      this.num_bad_epochs = 0; // bad epochs in cooldown do not count
    }
    if (this.num_bad_epochs > this.patience) {
      this._reduce_lr(this.last_epoch);
      this.cooldown_counter = this.cooldown;
      this.num_bad_epochs = 0;
    }
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  /** The learning rate of each group after the last step. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /** Whether the scheduler is waiting out its cooldown. */
  get in_cooldown(): boolean {
    return this.cooldown_counter > 0;
  }

  /** Whether metric `a` improves on `best` by more than the threshold. */
  is_better(a: number, best: number): boolean {
    const { mode, threshold } = this;
    if (this.threshold_mode === "rel") return mode === "min" ? a < best * (1 - threshold) : a > best * (threshold + 1);
    return mode === "min" ? a < best - threshold : a > best + threshold;
  }

  /** Every field but the optimizer, copied. */
  state_dict(): Record<string, unknown> {
    return saveFields(this, isOptimizer);
  }

  /** Restore fields saved by `state_dict()`. */
  load_state_dict(state_dict: Record<string, unknown>): void {
    loadFields(this, state_dict, isOptimizer);
    this._init_is_better();
  }

  private _reduce_lr(epoch: number): void {
    this.optimizer.param_groups.forEach((group, i) => {
      const old_lr = group.lr;
      const new_lr = Math.max(old_lr * this.factor, this.min_lrs[i]!);
      if (old_lr - new_lr <= this.eps) return;
      group.lr = new_lr;
      if (this.verbose) console.log(`Epoch ${String(epoch).padStart(5, "0")}: reducing learning rate of group ${i} to ${sci4(new_lr)}.`);
    });
  }

  /** Check `mode` and `threshold_mode`; the worst value of the metric for the mode. */
  private _init_is_better(): number {
    if (this.mode !== "min" && this.mode !== "max") throw new Error(`mode ${String(this.mode)} is unknown!`);
    if (this.threshold_mode !== "rel" && this.threshold_mode !== "abs")
      throw new Error(`threshold mode ${String(this.threshold_mode)} is unknown!`);
    this.mode_worse = this.mode === "min" ? Infinity : -Infinity;
    return this.mode_worse;
  }
}
