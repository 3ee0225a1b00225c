import { Optimizer, type ParamGroup } from "../optimizer.js";
import { pyTypeName, sci4 } from "../format.js";
import { warnOnce } from "../warn.js";
import { loadFields, saveFields } from "./fields.js";

/** Every scheduler's first check, as PyTorch's: it is given an optimizer. */
export function checkOptimizer(optimizer: unknown): asserts optimizer is Optimizer {
  if (!(optimizer instanceof Optimizer)) throw new TypeError(`${pyTypeName(optimizer)} is not an Optimizer`);
}

/** Any optimizer, as schedulers see it: groups with a learning rate they can read and write. */
export type SchedulableOptimizer = Optimizer<object, object>;

/** Options every epoch-based scheduler takes. */
export interface SchedulerOptions {
  /** Index of the last epoch when resuming (default -1: start; other values need `initial_lr` in every group). */
  last_epoch?: number;
  /** Print each change of learning rate (default false). */
  verbose?: boolean;
}

const EPOCH_DEPRECATION_WARNING =
  "The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, the closed form is used instead of the new chainable form, where available. Please open an issue if you are unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose.";

type CountedStep = ((...args: unknown[]) => unknown) & { _with_counter?: boolean };

/**
 * The base class of epoch-based learning-rate schedulers (`torch.optim.lr_scheduler.LRScheduler`,
 * `_LRScheduler` in PyTorch 1.13). Each `step()` advances `last_epoch` and writes `get_lr()` into
 * the optimizer's groups; construction performs the first step, as in PyTorch.
 *
 * A subclass sets its own fields after `super(...)`, then calls `this._initial_step()` (JavaScript
 * runs the base constructor before a subclass can set anything `get_lr()` reads).
 *
 * @example
 * ```ts
 * class Halving extends LRScheduler {
 *   constructor(optimizer: Optimizer) {
 *     super(optimizer);
 *     this._initial_step();
 *   }
 *   get_lr() {
 *     return this.base_lrs.map((lr) => lr / 2 ** this.last_epoch);
 *   }
 * }
 * ```
 */
export abstract class LRScheduler {
  optimizer: SchedulableOptimizer;
  /** Each group's `initial_lr`. */
  base_lrs: number[];
  /** Epochs (calls of `step()`) so far, starting at 0 after construction. */
  last_epoch: number;
  verbose: boolean;
  _step_count = 0;
  _last_lr: number[] = [];

  constructor(optimizer: SchedulableOptimizer, last_epoch = -1, verbose = false) {
    checkOptimizer(optimizer);
    this.optimizer = optimizer;
    const groups = optimizer.param_groups;
    if (last_epoch === -1) for (const g of groups) g.initial_lr ??= g.lr;
    else
      groups.forEach((g, i) => {
        if (g.initial_lr === undefined)
          throw new Error(`param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
      });
    this.base_lrs = groups.map((g) => g.initial_lr as number);
    this.last_epoch = last_epoch;
    this.verbose = verbose;
    countSteps(optimizer);
  }

  /** The learning rate of each group for `last_epoch`, computed from the current ones (chainable form). */
  abstract get_lr(): number[];

  /** The learning rates as a function of `last_epoch` alone, used by `step(epoch)`; optional. */
  protected _get_closed_form_lr?(): number[];

  /** Reset the step counts and take the first step; call at the end of a subclass constructor. */
  protected _initial_step(): void {
    this.optimizer._step_count = 0;
    this._step_count = 0;
    this.step();
  }

  /**
   * Advance one epoch and set each group's learning rate. Call it after `optimizer.step()`.
   * Passing `epoch` (deprecated in PyTorch) jumps there, using the closed form where there is one.
   */
  step(epoch?: number): void {
    if (this._step_count === 1) {
      if (!(this.optimizer.step as CountedStep)._with_counter)
        warnOnce(
          "Seems like `optimizer.step()` has been overridden after learning rate scheduler initialization. Please, make sure to call `optimizer.step()` before `lr_scheduler.step()`. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
        );
      else if (this.optimizer._step_count < 1)
        warnOnce(
          "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
        );
    }
    this._step_count++;
    let values: number[];
    if (epoch === undefined) {
      this.last_epoch++;
      values = this.get_lr();
    } else {
      warnOnce(EPOCH_DEPRECATION_WARNING);
      this.last_epoch = epoch;
      values = this._get_closed_form_lr ? this._get_closed_form_lr() : this.get_lr();
    }
    const groups = this.optimizer.param_groups;
    groups.forEach((g, i) => {
      g.lr = values[i]!;
      this.print_lr(this.verbose, i, g.lr, epoch);
    });
    this._last_lr = groups.map((g) => g.lr);
  }

  /** The learning rate of each group as last set by this scheduler. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /** Print a change of learning rate when `is_verbose`, in PyTorch's words. */
  print_lr(is_verbose: boolean, group: number, lr: number, epoch?: number): void {
    if (!is_verbose) return;
    if (epoch === undefined) console.log(`Adjusting learning rate of group ${group} to ${sci4(lr)}.`);
    else {
      const e = Number.isInteger(epoch) ? String(epoch).padStart(5, "0") : epoch.toFixed(2);
      console.log(`Epoch ${e}: adjusting learning rate of group ${group} to ${sci4(lr)}.`);
    }
  }

  /** Every field but the optimizer, copied, as PyTorch's `state_dict`. */
  state_dict(): Record<string, unknown> {
    return saveFields(this, (key) => this._unsaved(key));
  }

  /** Restore fields saved by `state_dict()`. */
  load_state_dict(state_dict: Record<string, unknown>): void {
    loadFields(this, state_dict, (key) => this._unsaved(key));
  }

  /** Whether a field stays out of `state_dict()` (the optimizer; a subclass adds functions). */
  protected _unsaved(key: string): boolean {
    return key === "optimizer";
  }

  /** The optimizer's groups, as schedulers read and write them. */
  protected get _groups(): ParamGroup[] {
    return this.optimizer.param_groups;
  }
}

/**
 * Count the optimizer's steps, so `step()` can warn when the scheduler runs first. PyTorch wraps
 * `optimizer.step` the same way; the wrapper is installed once per optimizer.
 */
function countSteps(optimizer: SchedulableOptimizer): void {
  const step = optimizer.step as CountedStep;
  if (step._with_counter) return;
  const counted: CountedStep = (...args: unknown[]) => {
    optimizer._step_count++;
    return step.apply(optimizer, args);
  };
  counted._with_counter = true;
  (optimizer as { step: unknown }).step = counted;
}

/** `_LRScheduler`, the name PyTorch 1.13 gives {@link LRScheduler}. */
export { LRScheduler as _LRScheduler };
