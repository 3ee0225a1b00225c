/**
 * `torch.optim.lr_scheduler`: learning-rate schedules for any optimizer.
 *
 * @example
 * ```ts
 * import { SGD, lr_scheduler } from "@flambeau/optim";
 * const opt = new SGD(params, { lr: 0.1 });
 * const scheduler = new lr_scheduler.StepLR(opt, 30);
 * ```
 *
 * @module
 */
export { LRScheduler, _LRScheduler, type SchedulerOptions, type SchedulableOptimizer } from "./lr-scheduler.js";
export { StepLR, type StepLROptions } from "./step-lr.js";
export { MultiStepLR, type MultiStepLROptions } from "./multi-step-lr.js";
export { ExponentialLR, type ExponentialLROptions } from "./exponential-lr.js";
export { CosineAnnealingLR, type CosineAnnealingLROptions } from "./cosine-annealing-lr.js";
export { LambdaLR, type LambdaLROptions, type LRLambda } from "./lambda-lr.js";
export { LinearLR, type LinearLROptions } from "./linear-lr.js";
export { OneCycleLR, type OneCycleLROptions } from "./one-cycle-lr.js";
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "./reduce-lr-on-plateau.js";
