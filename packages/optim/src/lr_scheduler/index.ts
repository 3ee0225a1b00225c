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
export { LRScheduler, _LRScheduler, type SchedulerOptions, type SchedulableOptimizer } from "./lr_scheduler.js";
export { StepLR, type StepLROptions } from "./step_lr.js";
export { MultiStepLR, type MultiStepLROptions } from "./multi_step_lr.js";
export { ExponentialLR, type ExponentialLROptions } from "./exponential_lr.js";
export { CosineAnnealingLR, type CosineAnnealingLROptions } from "./cosine_annealing_lr.js";
export { LambdaLR, type LambdaLROptions, type LRLambda } from "./lambda_lr.js";
export { LinearLR, type LinearLROptions } from "./linear_lr.js";
export { OneCycleLR, type OneCycleLROptions } from "./one_cycle_lr.js";
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "./reduce_lr_on_plateau.js";
