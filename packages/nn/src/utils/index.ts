/**
 * `torch.nn.utils`: gradient clipping.
 *
 * @module
 */
export { clip_grad_norm_, clip_grad_value_, type Parameters, type ClipGradNormOptions } from "./clip-grad.js";
