/**
 * `@flambeau/optim`: PyTorch's `torch.optim` — optimizers with parameter groups and
 * `state_dict`, and `lr_scheduler`. Updates run under `no_grad` with in-place tensor ops on
 * whatever device the parameters live.
 *
 * @example
 * ```ts
 * import { Adam, lr_scheduler } from "@flambeau/optim";
 * const opt = new Adam(model.parameters(), { lr: 1e-3 });
 * const scheduler = new lr_scheduler.CosineAnnealingLR(opt, 100);
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   opt.zero_grad();
 *   loss_fn(model(x), y).backward();
 *   opt.step();
 *   scheduler.step();
 * }
 * ```
 *
 * @packageDocumentation
 */
export { Optimizer, required, type ParamGroup, type ParamGroupInput, type Params } from "./optimizer.js";
export type { OptimizerStateDict, SavedParamGroup } from "./state-dict.js";
export { SGD, type SGDOptions, type SGDState } from "./sgd.js";
export { Adam, type AdamOptions, type AdamState } from "./adam.js";
export { AdamW } from "./adamw.js";
export { RMSprop, type RMSpropOptions, type RMSpropState } from "./rmsprop.js";
export { Adagrad, type AdagradOptions, type AdagradState } from "./adagrad.js";
export * as lr_scheduler from "./lr-scheduler/index.js";
