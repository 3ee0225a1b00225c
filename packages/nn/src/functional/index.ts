/**
 * `torch.nn.functional` (`F`): activations, layers as functions, and losses.
 *
 * @example
 * ```ts
 * import { functional as F } from "@flambeau/nn";
 * const loss = F.cross_entropy(model(x), y);
 * ```
 *
 * @module
 */
export { relu, leaky_relu, sigmoid, tanh, silu, gelu, softplus, softmax, log_softmax } from "./activation.js";
export { linear } from "./linear.js";
export { dropout, type DropoutOptions } from "./dropout.js";
export { embedding, one_hot } from "./embedding.js";
export { layer_norm, batch_norm, type BatchNormOptions } from "./normalization.js";
export { mse_loss, l1_loss, smooth_l1_loss, huber_loss, type ReductionOptions } from "./regression-loss.js";
export {
  binary_cross_entropy, binary_cross_entropy_with_logits, type BCEOptions, type BCEWithLogitsOptions,
} from "./binary-loss.js";
export { nll_loss, cross_entropy, type NLLLossOptions, type CrossEntropyOptions } from "./classification-loss.js";
export type { Reduction } from "./reduction.js";
