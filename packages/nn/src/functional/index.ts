/**
 * `torch.nn.functional` (`F`): activations, layers as functions, and losses. Each is bound with
 * PyTorch's signature (`keywords` from @flambeau/tensor), so any argument PyTorch lets you name
 * can be named in a trailing options object, and an unknown key is an error naming the function.
 *
 * @example
 * ```ts
 * import { functional as F } from "@flambeau/nn";
 * const loss = F.cross_entropy(model(x), y, { label_smoothing: 0.1 });
 * F.softmax(logits, { dim: 1 });
 * ```
 *
 * @module
 */
import { keywords, relabel, type DType, type Generator, type Kw, type Tensor } from "@flambeau/tensor";
import * as A from "./activation.js";
import * as D from "./dropout.js";
import * as E from "./embedding.js";
import * as L from "./linear.js";
import * as N from "./normalization.js";
import * as R from "./regression-loss.js";
import * as B from "./binary-loss.js";
import * as C from "./classification-loss.js";

export type { DropoutOptions } from "./dropout.js";
export type { BatchNormOptions } from "./normalization.js";
export type { ReductionOptions } from "./regression-loss.js";
export type { BCEOptions, BCEWithLogitsOptions } from "./binary-loss.js";
export type { NLLLossOptions, CrossEntropyOptions } from "./classification-loss.js";
export type { Reduction } from "./reduction.js";
export { sigmoid, tanh, silu } from "./activation.js";

const F = "nn.functional.";
type Fn<P extends readonly unknown[], O, Lead extends unknown[] = [input: Tensor]> = (...args: [...Lead, ...Kw<P, O>]) => Tensor;

/** `F.relu(input, inplace)`. */
export const relu = keywords(F + "relu(input, /, inplace=False)", A.relu) as unknown as Fn<[inplace: boolean], { inplace?: boolean }>;
/** `F.leaky_relu(input, negative_slope, inplace)`. */
export const leaky_relu = keywords(F + "leaky_relu(input, /, negative_slope=0.01, inplace=False)", A.leaky_relu) as unknown as Fn<
  [negative_slope: number, inplace: boolean], { negative_slope?: number; inplace?: boolean }>;
/** `F.gelu(input, { approximate })`. */
export const gelu = keywords(F + "gelu(input, /, *, approximate='none')", A.gelu) as unknown as (
  input: Tensor, options?: { approximate?: "none" | "tanh" }) => Tensor;
/** `F.softplus(input, beta, threshold)`. */
export const softplus = keywords(F + "softplus(input, /, beta=1, threshold=20)", A.softplus) as unknown as Fn<
  [beta: number, threshold: number], { beta?: number; threshold?: number }>;
type SoftmaxOptions = { dim?: number | null; dtype?: DType };
const castTo = (x: Tensor, o?: { dtype?: DType }) => (o?.dtype ? x.to(o.dtype) : x);
/** `F.softmax(input, dim, { dtype })`. */
export const softmax = keywords(F + "softmax(input, /, dim=None, *, dtype=None)", (x: Tensor, d?: number | null, o?: { dtype?: DType }) =>
  A.softmax(castTo(x, o), d)) as unknown as Fn<[dim: number | null], SoftmaxOptions>;
/** `F.log_softmax(input, dim, { dtype })`. */
export const log_softmax = keywords(F + "log_softmax(input, /, dim=None, *, dtype=None)", (x: Tensor, d?: number | null, o?: { dtype?: DType }) =>
  A.log_softmax(castTo(x, o), d)) as unknown as Fn<[dim: number | null], SoftmaxOptions>;

/** `F.linear(input, weight, bias)`. */
export const linear = keywords(F + "linear(input, /, weight, bias=None)", L.linear) as unknown as Fn<
  [weight: Tensor, bias: Tensor | null], { weight?: Tensor; bias?: Tensor | null }>;
/** `F.dropout(input, p, training, inplace, { generator })`. */
export const dropout = keywords(F + "dropout(input, /, p=0.5, training=True, inplace=False, *, generator=None)",
  (x: Tensor, p?: number, training?: boolean, inplace?: boolean, o?: { generator?: Generator }) =>
    D.dropout(x, { p: p ?? 0.5, training: training ?? true, inplace: inplace ?? false, generator: o?.generator })) as unknown as Fn<
  [p: number, training: boolean, inplace: boolean], D.DropoutOptions>;
/** `F.embedding(input, weight, padding_idx)`. */
export const embedding = keywords(F + "embedding(input, /, weight, padding_idx=None)", E.embedding) as unknown as Fn<
  [weight: Tensor, padding_idx: number | null], { weight?: Tensor; padding_idx?: number | null }>;
/** `F.one_hot(tensor, num_classes)`. */
export const one_hot = keywords(F + "one_hot(tensor, /, num_classes=-1)", E.one_hot) as unknown as Fn<
  [num_classes: number], { num_classes?: number }, [tensor: Tensor]>;
/** `F.layer_norm(input, normalized_shape, weight, bias, eps)`. */
export const layer_norm = keywords(F + "layer_norm(input, /, normalized_shape, weight=None, bias=None, eps=1e-05)", N.layer_norm) as unknown as Fn<
  [normalized_shape: readonly number[], weight: Tensor | null, bias: Tensor | null, eps: number],
  { normalized_shape?: readonly number[]; weight?: Tensor | null; bias?: Tensor | null; eps?: number }>;
/** `F.batch_norm(input, running_mean, running_var, { weight, bias, training, momentum, eps })`. */
export const batch_norm = keywords(F + "batch_norm(input, running_mean, running_var, /, *, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)",
  N.batch_norm) as unknown as typeof N.batch_norm;

type Loss<O> = (input: Tensor, target: Tensor, options?: O) => Tensor;
// Each prints its graph node under PyTorch's name (e.g. `grad_fn=<MseLossBackward0>`).
const loss = <O>(name: string, keys: string, f: Loss<O>, node: string): Loss<O> =>
  keywords(`${F}${name}(input, target, /, *, ${keys})`, (x: Tensor, t: Tensor, o?: O) => (node ? relabel(f(x, t, o), [x, t], node) : f(x, t, o))) as unknown as Loss<O>;
/** `F.mse_loss(input, target, { reduction })`. */
export const mse_loss = loss("mse_loss", "reduction='mean'", R.mse_loss, "MseLossBackward0");
/** `F.l1_loss(input, target, { reduction })`. */
export const l1_loss = loss("l1_loss", "reduction='mean'", R.l1_loss, ""); // PyTorch's node is the reduction's own (MeanBackward0)
/** `F.smooth_l1_loss(input, target, { reduction, beta })`. */
export const smooth_l1_loss = loss("smooth_l1_loss", "reduction='mean', beta=1.0", R.smooth_l1_loss, "SmoothL1LossBackward0");
/** `F.huber_loss(input, target, { reduction, delta })`. */
export const huber_loss = loss("huber_loss", "reduction='mean', delta=1.0", R.huber_loss, "HuberLossBackward0");
/** `F.binary_cross_entropy(input, target, { weight, reduction })`. */
export const binary_cross_entropy = loss("binary_cross_entropy", "weight=None, reduction='mean'", B.binary_cross_entropy, "BinaryCrossEntropyBackward0");
/** `F.binary_cross_entropy_with_logits(input, target, { weight, reduction, pos_weight })`. */
export const binary_cross_entropy_with_logits = loss("binary_cross_entropy_with_logits", "weight=None, reduction='mean', pos_weight=None",
  B.binary_cross_entropy_with_logits, "BinaryCrossEntropyWithLogitsBackward0");
/** `F.nll_loss(input, target, { weight, ignore_index, reduction })`. */
export const nll_loss = loss("nll_loss", "weight=None, ignore_index=-100, reduction='mean'", C.nll_loss, "NllLossBackward0");
/** `F.cross_entropy(input, target, { weight, ignore_index, reduction, label_smoothing })`. */
export const cross_entropy = loss("cross_entropy", "weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0", C.cross_entropy, "NllLossBackward0");
