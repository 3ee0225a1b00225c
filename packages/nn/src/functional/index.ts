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
import type { DType, Generator, Tensor } from "@flambeau/tensor";
import { keywords, relabel, type Kw } from "@flambeau/tensor/internal";
import * as A from "./activation.js";
import * as D from "./dropout.js";
import * as E from "./embedding.js";
import * as L from "./linear.js";
import * as N from "./normalization.js";
import * as R from "./regression-loss.js";
import * as B from "./binary-loss.js";
import * as C from "./classification-loss.js";
import * as Cv from "./conv.js";
import * as P from "./pooling.js";
import * as I from "./interpolate.js";
import * as Fo from "./fold.js";

export type { DropoutOptions } from "./dropout.js";
export type { BatchNormOptions } from "./normalization.js";
export type { ReductionOptions } from "./regression-loss.js";
export type { BCEOptions, BCEWithLogitsOptions } from "./binary-loss.js";
export type { NLLLossOptions, CrossEntropyOptions } from "./classification-loss.js";
export type { Reduction } from "./reduction.js";
export type { Size, ConvPadding } from "./conv.js";
export type { MaxPool2dOptions } from "./pooling.js";
export type { InterpolateMode, InterpolateOptions } from "./interpolate.js";

const F = "nn.functional.";
type Fn<P extends readonly unknown[], O, Lead extends unknown[] = [input: Tensor]> = (...args: [...Lead, ...Kw<P, O>]) => Tensor;

/** `F.sigmoid(input)`: `1 / (1 + exp(-x))`. @example `F.sigmoid(logits)` */
export const sigmoid = keywords(F + "sigmoid(Tensor input, /)", A.sigmoid) as unknown as (input: Tensor) => Tensor;
/** `F.tanh(input)`. @example `F.tanh(x)` */
export const tanh = keywords(F + "tanh(Tensor input, /)", A.tanh) as unknown as (input: Tensor) => Tensor;
/** `F.silu(input)` (swish): `x * sigmoid(x)`. @example `F.silu(x)` */
export const silu = keywords(F + "silu(Tensor input, /)", A.silu) as unknown as (input: Tensor) => Tensor;
/** `F.relu(input, inplace)`. */
export const relu = keywords(F + "relu(Tensor input, /, bool inplace=False)", A.relu) as unknown as Fn<[inplace: boolean], { inplace?: boolean }>;
/** `F.leaky_relu(input, negative_slope, inplace)`. */
export const leaky_relu = keywords(F + "leaky_relu(Tensor input, /, float negative_slope=0.01, bool inplace=False)", A.leaky_relu) as unknown as Fn<
  [negative_slope: number, inplace: boolean], { negative_slope?: number; inplace?: boolean }>;
/** `F.gelu(input, { approximate })`. */
export const gelu = keywords(F + "gelu(Tensor input, /, *, str approximate='none')", A.gelu) as unknown as (
  input: Tensor, options?: { approximate?: "none" | "tanh" }) => Tensor;
/** `F.softplus(input, beta, threshold)`. */
export const softplus = keywords(F + "softplus(Tensor input, /, float beta=1, float threshold=20)", A.softplus) as unknown as Fn<
  [beta: number, threshold: number], { beta?: number; threshold?: number }>;
type SoftmaxOptions = { dim?: number | null; dtype?: DType };
const castTo = (x: Tensor, o?: { dtype?: DType }) => (o?.dtype ? x.to(o.dtype) : x);
/** `F.softmax(input, dim, { dtype })`. */
export const softmax = keywords(F + "softmax(Tensor input, /, int? dim=None, *, ScalarType? dtype=None)", (x: Tensor, d?: number | null, o?: { dtype?: DType }) =>
  A.softmax(castTo(x, o), d)) as unknown as Fn<[dim: number | null], SoftmaxOptions>;
/** `F.log_softmax(input, dim, { dtype })`. */
export const log_softmax = keywords(F + "log_softmax(Tensor input, /, int? dim=None, *, ScalarType? dtype=None)", (x: Tensor, d?: number | null, o?: { dtype?: DType }) =>
  A.log_softmax(castTo(x, o), d)) as unknown as Fn<[dim: number | null], SoftmaxOptions>;

/** `F.linear(input, weight, bias)`. */
export const linear = keywords(F + "linear(Tensor input, /, Tensor weight, Tensor? bias=None)", L.linear) as unknown as Fn<
  [weight: Tensor, bias: Tensor | null], { weight?: Tensor; bias?: Tensor | null }>;
/** `F.dropout(input, p, training, inplace, { generator })`. */
export const dropout = keywords(F + "dropout(Tensor input, /, float p=0.5, bool training=True, bool inplace=False, *, Generator? generator=None)",
  (x: Tensor, p?: number, training?: boolean, inplace?: boolean, o?: { generator?: Generator }) =>
    D.dropout(x, { p: p ?? 0.5, training: training ?? true, inplace: inplace ?? false, generator: o?.generator })) as unknown as Fn<
  [p: number, training: boolean, inplace: boolean], D.DropoutOptions>;
/** `F.dropout2d(input, p, training, inplace)`: zero whole channels. @example `F.dropout2d(x, 0.25, model.training)` */
export const dropout2d = keywords(F + "dropout2d(Tensor input, /, float p=0.5, bool training=True, bool inplace=False)",
  (x: Tensor, p?: number, training?: boolean, inplace?: boolean) => D.dropout2d(x, p ?? 0.5, training ?? true, inplace ?? false)) as unknown as Fn<
  [p: number, training: boolean, inplace: boolean], { p?: number; training?: boolean; inplace?: boolean }>;

type ConvParams = [weight: Tensor, bias: Tensor | null, stride: Cv.Size, padding: Cv.ConvPadding, dilation: Cv.Size, groups: number];
type ConvKw = { weight?: Tensor; bias?: Tensor | null; stride?: Cv.Size; padding?: Cv.ConvPadding; dilation?: Cv.Size; groups?: number };
// Sizes take an int or one per spatial dim (PyTorch's `int[2]`); convolution's padding also a string.
const SIZE = "int|int[]";
const CONV = `(Tensor input, /, Tensor weight, Tensor? bias=None, ${SIZE} stride=1, ${SIZE}|str padding=0, ${SIZE} dilation=1, int groups=1)`;
/** `F.conv1d(input, weight, bias, stride, padding, dilation, groups)`. @example `F.conv1d(x, w, b, { padding: "same" })` */
export const conv1d = keywords(F + "conv1d" + CONV, Cv.conv1d) as unknown as Fn<ConvParams, ConvKw>;
/** `F.conv2d(input, weight, bias, stride, padding, dilation, groups)`. @example `F.conv2d(x, w, b, 1, 1)`, `F.conv2d(x, w, { stride: 2, groups: 4 })` */
export const conv2d = keywords(F + "conv2d" + CONV, Cv.conv2d) as unknown as Fn<ConvParams, ConvKw>;
/** `F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)`. @example `F.conv_transpose2d(x, w, null, { stride: 2, output_padding: 1 })` */
export const conv_transpose2d = keywords(F + `conv_transpose2d(Tensor input, /, Tensor weight, Tensor? bias=None, ${SIZE} stride=1, ${SIZE} padding=0, ${SIZE} output_padding=0, int groups=1, ${SIZE} dilation=1)`,
  Cv.conv_transpose2d) as unknown as Fn<
  [weight: Tensor, bias: Tensor | null, stride: Cv.Size, padding: Cv.Size, output_padding: Cv.Size, groups: number, dilation: Cv.Size],
  { weight?: Tensor; bias?: Tensor | null; stride?: Cv.Size; padding?: Cv.Size; output_padding?: Cv.Size; groups?: number; dilation?: Cv.Size }>;

type MaxPoolParams = [kernel_size: Cv.Size, stride: Cv.Size | null, padding: Cv.Size, dilation: Cv.Size, ceil_mode: boolean];
const maxPool = keywords(F + `max_pool2d(Tensor input, /, ${SIZE} kernel_size, ${SIZE}? stride=None, ${SIZE} padding=0, ${SIZE} dilation=1, bool ceil_mode=False, bool return_indices=False)`, P.max_pool2d);
/**
 * `F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)`; with
 * `return_indices: true`, `[output, indices]`.
 *
 * @example
 * ```ts
 * F.max_pool2d(x, 2);
 * const [y, indices] = F.max_pool2d(x, 2, { return_indices: true });
 * ```
 */
export const max_pool2d = maxPool as unknown as {
  (input: Tensor, kernel_size: Cv.Size, options: P.MaxPool2dOptions & { return_indices: true }): [Tensor, Tensor];
  (input: Tensor, options: P.MaxPool2dOptions & { kernel_size: Cv.Size; return_indices: true }): [Tensor, Tensor];
  (input: Tensor, kernel_size: Cv.Size, stride: Cv.Size | null, padding: Cv.Size, dilation: Cv.Size, ceil_mode: boolean, return_indices: true): [Tensor, Tensor];
  (...args: [input: Tensor, ...Kw<MaxPoolParams, Omit<P.MaxPool2dOptions, "return_indices"> & { kernel_size?: Cv.Size; return_indices?: false }>]): Tensor;
};
/** `F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)`. @example `F.avg_pool2d(x, 3, { stride: 2, padding: 1, count_include_pad: false })` */
export const avg_pool2d = keywords(F + `avg_pool2d(Tensor input, /, ${SIZE} kernel_size, ${SIZE}? stride=None, ${SIZE} padding=0, bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None)`,
  P.avg_pool2d) as unknown as Fn<
  [kernel_size: Cv.Size, stride: Cv.Size | null, padding: Cv.Size, ceil_mode: boolean, count_include_pad: boolean, divisor_override: number | null],
  { kernel_size?: Cv.Size; stride?: Cv.Size | null; padding?: Cv.Size; ceil_mode?: boolean; count_include_pad?: boolean; divisor_override?: number | null }>;
/** `F.adaptive_avg_pool2d(input, output_size)`. @example `F.adaptive_avg_pool2d(x, 1)`, `F.adaptive_avg_pool2d(x, [7, null])` */
export const adaptive_avg_pool2d = keywords(F + "adaptive_avg_pool2d(Tensor input, /, int|int?[] output_size)", P.adaptive_avg_pool2d) as unknown as Fn<
  [output_size: number | readonly (number | null)[]], { output_size?: number | readonly (number | null)[] }>;
/** `F.interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor, antialias)`. @example `F.interpolate(x, { scale_factor: 2, mode: "bilinear", align_corners: false })` */
export const interpolate = keywords(F + `interpolate(Tensor input, /, ${SIZE}? size=None, float|float[]? scale_factor=None, str mode='nearest', bool? align_corners=None, bool? recompute_scale_factor=None, bool antialias=False)`,
  (x: Tensor, size?: I.InterpolateOptions["size"], scale_factor?: I.InterpolateOptions["scale_factor"], mode?: I.InterpolateMode,
    align_corners?: boolean | null, recompute_scale_factor?: boolean | null, antialias?: boolean) =>
    I.interpolate(x, { size, scale_factor, mode, align_corners, recompute_scale_factor, antialias })) as unknown as Fn<
  [size: number | readonly number[] | null, scale_factor: number | readonly number[] | null, mode: I.InterpolateMode, align_corners: boolean | null,
    recompute_scale_factor: boolean | null, antialias: boolean], I.InterpolateOptions>;
/** `F.unfold(input, kernel_size, dilation, padding, stride)`. @example `F.unfold(x, 3, { padding: 1 })` */
export const unfold = keywords(F + `unfold(Tensor input, /, ${SIZE} kernel_size, ${SIZE} dilation=1, ${SIZE} padding=0, ${SIZE} stride=1)`, Fo.unfold) as unknown as Fn<
  [kernel_size: Cv.Size, dilation: Cv.Size, padding: Cv.Size, stride: Cv.Size], { kernel_size?: Cv.Size; dilation?: Cv.Size; padding?: Cv.Size; stride?: Cv.Size }>;
/** `F.fold(input, output_size, kernel_size, dilation, padding, stride)`. @example `F.fold(cols, [28, 28], 3, { padding: 1 })` */
export const fold = keywords(F + `fold(Tensor input, /, ${SIZE} output_size, ${SIZE} kernel_size, ${SIZE} dilation=1, ${SIZE} padding=0, ${SIZE} stride=1)`, Fo.fold) as unknown as Fn<
  [output_size: Cv.Size, kernel_size: Cv.Size, dilation: Cv.Size, padding: Cv.Size, stride: Cv.Size],
  { output_size?: Cv.Size; kernel_size?: Cv.Size; dilation?: Cv.Size; padding?: Cv.Size; stride?: Cv.Size }>;

/** `F.embedding(input, weight, padding_idx)`. */
export const embedding = keywords(F + "embedding(Tensor input, /, Tensor weight, int? padding_idx=None)", E.embedding) as unknown as Fn<
  [weight: Tensor, padding_idx: number | null], { weight?: Tensor; padding_idx?: number | null }>;
/** `F.one_hot(tensor, num_classes)`. */
export const one_hot = keywords(F + "one_hot(Tensor tensor, /, int num_classes=-1)", E.one_hot) as unknown as Fn<
  [num_classes: number], { num_classes?: number }, [tensor: Tensor]>;
/** `F.layer_norm(input, normalized_shape, weight, bias, eps)`. */
export const layer_norm = keywords(F + "layer_norm(Tensor input, /, int|int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float eps=1e-05)", N.layer_norm) as unknown as Fn<
  [normalized_shape: readonly number[], weight: Tensor | null, bias: Tensor | null, eps: number],
  { normalized_shape?: readonly number[]; weight?: Tensor | null; bias?: Tensor | null; eps?: number }>;
/** `F.batch_norm(input, running_mean, running_var, { weight, bias, training, momentum, eps })`. */
export const batch_norm = keywords(F + "batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, /, *, Tensor? weight=None, Tensor? bias=None, bool training=False, float momentum=0.1, float eps=1e-05)",
  N.batch_norm) as unknown as typeof N.batch_norm;

type Loss<O> = (input: Tensor, target: Tensor, options?: O) => Tensor;
// Each prints its graph node under PyTorch's name (e.g. `grad_fn=<MseLossBackward0>`).
const loss = <O>(name: string, keys: string, f: Loss<O>, node: string): Loss<O> =>
  keywords(`${F}${name}(Tensor input, Tensor target, /, *, ${keys})`, (x: Tensor, t: Tensor, o?: O) => (node ? relabel(f(x, t, o), [x, t], node) : f(x, t, o))) as unknown as Loss<O>;
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
