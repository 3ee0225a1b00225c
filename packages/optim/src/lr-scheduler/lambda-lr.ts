import { LRScheduler, type SchedulableOptimizer, type SchedulerOptions } from "./lr-scheduler.js";
import { needed, positional } from "../options.js";

/** A factor of the initial learning rate, as a function of the epoch. */
export type LRLambda = (epoch: number) => number;

/** Options of {@link LambdaLR}. */
export interface LambdaLROptions extends SchedulerOptions {
  /** One function for every group, or one per group. */
  lr_lambda: LRLambda | readonly LRLambda[];
}

/**
 * Set each group's learning rate to its initial value times `lr_lambda(epoch)` (`LambdaLR`).
 * The functions are not part of `state_dict()`.
 *
 * @example
 * ```ts
 * const scheduler = new torch.optim.lr_scheduler.LambdaLR(optimizer, (epoch) => 0.95 ** epoch);
 * ```
 */
export class LambdaLR extends LRScheduler {
  lr_lambdas: LRLambda[];

  constructor(optimizer: SchedulableOptimizer, lr_lambda: LRLambda | readonly LRLambda[] | LambdaLROptions, options?: Partial<LambdaLROptions>) {
    const o = positional<LambdaLROptions, "lr_lambda">("lr_lambda", lr_lambda, options);
    const given = needed(o.lr_lambda, "lr_lambda", "LambdaLR");
    const n = optimizer.param_groups.length;
    if (Array.isArray(given) && given.length !== n) throw new Error(`Expected ${n} lr_lambdas, but got ${given.length}`);
    super(optimizer, o.last_epoch, o.verbose);
    this.lr_lambdas = Array.isArray(given) ? given.slice() : new Array<LRLambda>(n).fill(given as LRLambda);
    this._initial_step();
  }

  get_lr(): number[] {
    return this.base_lrs.map((base, i) => base * this.lr_lambdas[i]!(this.last_epoch));
  }

  /** The fields of `state_dict()`, with `lr_lambdas` as `null`s: functions cannot be saved. */
  override state_dict(): Record<string, unknown> {
    return { ...super.state_dict(), lr_lambdas: this.lr_lambdas.map(() => null) };
  }

  protected override _unsaved(key: string): boolean {
    return key === "lr_lambdas" || super._unsaved(key);
  }
}
