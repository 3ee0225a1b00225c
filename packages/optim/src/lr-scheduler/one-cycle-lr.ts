import { LRScheduler, type SchedulableOptimizer, type SchedulerOptions } from "./lr-scheduler.js";
import { pyNumber } from "../format.js";
import { needed, positional } from "../options.js";

/** Options of {@link OneCycleLR}. */
export interface OneCycleLROptions extends SchedulerOptions {
  /** The peak learning rate, for every group or per group. */
  max_lr: number | readonly number[];
  /** Steps in the cycle; or give `epochs` and `steps_per_epoch`. */
  total_steps?: number;
  epochs?: number;
  steps_per_epoch?: number;
  /** Fraction of the cycle spent raising the lr (default 0.3). */
  pct_start?: number;
  /** `"cos"` (default) or `"linear"`. */
  anneal_strategy?: "cos" | "linear";
  /** Cycle momentum (or Adam's beta1) inversely to the lr (default true). */
  cycle_momentum?: boolean;
  /** Momentum at the peak lr (default 0.85). */
  base_momentum?: number | readonly number[];
  /** Momentum at the start and end (default 0.95). */
  max_momentum?: number | readonly number[];
  /** `initial_lr = max_lr / div_factor` (default 25). */
  div_factor?: number;
  /** `min_lr = initial_lr / final_div_factor` (default 1e4). */
  final_div_factor?: number;
  /** Three phases as in the paper (up, down to `initial_lr`, then down to `min_lr`) instead of fastai's two. */
  three_phase?: boolean;
}

/** One phase of the cycle: the step it ends at, and the group keys it anneals between. */
interface Phase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

/**
 * The 1cycle policy (`OneCycleLR`): the learning rate rises from `max_lr / div_factor` to `max_lr`
 * and falls to far below where it started, with momentum (or Adam's beta1) cycled the other way.
 * Step it after every batch.
 *
 * @example
 * ```ts
 * const scheduler = new torch.optim.lr_scheduler.OneCycleLR(optimizer, 0.01, {
 *   steps_per_epoch: loader.length,
 *   epochs: 10,
 * });
 * ```
 */
export class OneCycleLR extends LRScheduler {
  total_steps: number;
  anneal_strategy: "cos" | "linear";
  cycle_momentum: boolean;
  use_beta1: boolean;
  _schedule_phases: Phase[];

  constructor(
    optimizer: SchedulableOptimizer,
    max_lr: number | readonly number[] | OneCycleLROptions,
    options?: Partial<OneCycleLROptions>,
  ) {
    const o = positional<OneCycleLROptions, "max_lr">("max_lr", max_lr, options);
    const { pct_start = 0.3, anneal_strategy = "cos", cycle_momentum = true, div_factor = 25, final_div_factor = 1e4 } = o;
    const total_steps = totalSteps(o);
    const phases = schedule(total_steps, pct_start, o.three_phase ?? false);
    if (!(pct_start >= 0 && pct_start <= 1))
      throw new Error(`Expected float between 0 and 1 pct_start, but got ${pyNumber(pct_start)}`);
    if (anneal_strategy !== "cos" && anneal_strategy !== "linear")
      throw new Error(`anneal_strategy must by one of 'cos' or 'linear', instead got ${String(anneal_strategy)}`);
    const groups = optimizer.param_groups;
    const max_lrs = perGroup("max_lr", groups.length, needed(o.max_lr, "max_lr", "OneCycleLR"));
    const use_beta1 = "betas" in optimizer.defaults;
    let max_momentums: number[] = [], base_momentums: number[] = [];
    if (cycle_momentum) {
      if (!("momentum" in optimizer.defaults) && !use_beta1)
        throw new Error("optimizer must support momentum with `cycle_momentum` option enabled");
      max_momentums = perGroup("max_momentum", groups.length, o.max_momentum ?? 0.95);
      base_momentums = perGroup("base_momentum", groups.length, o.base_momentum ?? 0.85);
    }
    const last_epoch = o.last_epoch ?? -1;
    if (last_epoch === -1)
      groups.forEach((g, i) => {
        const initial_lr = max_lrs[i]! / div_factor;
        g.initial_lr = initial_lr;
        g.max_lr = max_lrs[i];
        g.min_lr = initial_lr / final_div_factor;
        if (!cycle_momentum) return;
        setMomentum(g, use_beta1, max_momentums[i]!);
        g.max_momentum = max_momentums[i];
        g.base_momentum = base_momentums[i];
      });
    super(optimizer, last_epoch, o.verbose);
    this.total_steps = total_steps;
    this._schedule_phases = phases;
    this.anneal_strategy = anneal_strategy;
    this.cycle_momentum = cycle_momentum;
    this.use_beta1 = use_beta1;
    this._initial_step();
  }

  get_lr(): number[] {
    const step_num = this.last_epoch;
    if (step_num > this.total_steps)
      throw new Error(`Tried to step ${step_num + 1} times. The specified number of total steps is ${this.total_steps}`);
    const anneal = this.anneal_strategy === "cos" ? annealCos : annealLinear;
    const phases = this._schedule_phases;
    return this._groups.map((group) => {
      let start_step = 0;
      for (let i = 0; i < phases.length; i++) {
        const phase = phases[i]!;
        if (step_num <= phase.end_step || i === phases.length - 1) {
          const pct = (step_num - start_step) / (phase.end_step - start_step);
          const read = (key: string) => group[key] as number;
          if (this.cycle_momentum)
            setMomentum(group, this.use_beta1, anneal(read(phase.start_momentum), read(phase.end_momentum), pct));
          return anneal(read(phase.start_lr), read(phase.end_lr), pct);
        }
        start_step = phase.end_step;
      }
      throw new Error("OneCycleLR: no phase"); // unreachable: the last phase always matches
    });
  }
}

function totalSteps(o: Partial<OneCycleLROptions>): number {
  const { total_steps, epochs, steps_per_epoch } = o;
  const positiveInt = (v: number | undefined, name: string): number => {
    if (v === undefined || !Number.isInteger(v) || v <= 0) throw new Error(`Expected positive integer ${name}, but got ${v === undefined ? "None" : pyNumber(v)}`);
    return v;
  };
  if (total_steps === undefined && epochs === undefined && steps_per_epoch === undefined)
    throw new Error("You must define either total_steps OR (epochs AND steps_per_epoch)");
  if (total_steps !== undefined) return positiveInt(total_steps, "total_steps");
  return positiveInt(epochs, "epochs") * positiveInt(steps_per_epoch, "steps_per_epoch");
}

function schedule(total: number, pct: number, three_phase: boolean): Phase[] {
  const up: Phase = { end_step: pct * total - 1, start_lr: "initial_lr", end_lr: "max_lr", start_momentum: "max_momentum", end_momentum: "base_momentum" };
  if (!three_phase)
    return [up, { end_step: total - 1, start_lr: "max_lr", end_lr: "min_lr", start_momentum: "base_momentum", end_momentum: "max_momentum" }];
  return [
    up,
    { end_step: 2 * pct * total - 2, start_lr: "max_lr", end_lr: "initial_lr", start_momentum: "base_momentum", end_momentum: "max_momentum" },
    { end_step: total - 1, start_lr: "initial_lr", end_lr: "min_lr", start_momentum: "max_momentum", end_momentum: "max_momentum" },
  ];
}

function perGroup(name: string, n: number, value: number | readonly number[]): number[] {
  if (!Array.isArray(value)) return new Array<number>(n).fill(value as number);
  if (value.length !== n) throw new Error(`expected ${n} values for ${name}, got ${value.length}`);
  return value.slice();
}

/** Set SGD's `momentum`, or Adam's beta1 (a new pair, as PyTorch makes a new tuple). */
function setMomentum(group: Record<string, unknown>, use_beta1: boolean, m: number): void {
  if (use_beta1) group.betas = [m, ...(group.betas as number[]).slice(1)];
  else group.momentum = m;
}

/** Cosine anneal from `start` to `end` as `pct` goes from 0 to 1. */
function annealCos(start: number, end: number, pct: number): number {
  const cos_out = Math.cos(Math.PI * pct) + 1;
  return end + ((start - end) / 2.0) * cos_out;
}

/** Linear anneal from `start` to `end` as `pct` goes from 0 to 1. */
function annealLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}
