import type { DType, DeviceLike } from "@flambeau/tensor";
import { checkOptions, optionKeys } from "@flambeau/tensor/internal";
import { checkConstructorKinds } from "./constructor-kinds.js";

/**
 * PyTorch lets most arguments be given by position or by keyword: `nn.Dropout(0.2)` or
 * `nn.Dropout(p=0.2)`. Here a keyword argument is a property of a trailing options object, so a
 * constructor's first optional argument may be either the value itself or the options.
 */

/** Whether `x` is an options object (a plain object, not a tensor, array or module). */
export function isOptions(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Merge a value-or-options first argument with the options that may follow it:
 * `positional(0.2, "p")` and `positional({ p: 0.2 }, "p")` both give `{ p: 0.2 }`.
 */
export function positional<O extends object, K extends keyof O>(first: O[K] | O | undefined, key: K, rest: O = {} as O): O {
  if (isOptions(first)) return { ...(first as O) };
  return first === undefined ? { ...rest } : { ...rest, [key]: first };
}

/** The `device` and `dtype` keywords of a layer, for the tensors it creates (undefined ones left out). */
export function factoryOptions(o: { device?: DeviceLike; dtype?: DType }): { device?: DeviceLike; dtype?: DType } {
  const out: { device?: DeviceLike; dtype?: DType } = {};
  if (o.device !== undefined) out.device = o.device;
  if (o.dtype !== undefined) out.dtype = o.dtype;
  return out;
}

const FACTORY = ["device", "dtype"];
/** PyTorch's keyword arguments of each layer and loss constructor (as named in errors). */
const CONSTRUCTOR_KEYS: Record<string, readonly string[]> = {
  Linear: ["bias", ...FACTORY],
  Dropout: ["p", "inplace"],
  ReLU: ["inplace"],
  LeakyReLU: ["negative_slope", "inplace"],
  GELU: ["approximate"],
  Softmax: ["dim"],
  LogSoftmax: ["dim"],
  Flatten: ["start_dim", "end_dim"],
  BatchNorm1d: ["eps", "momentum", "affine", "track_running_stats", ...FACTORY],
  BatchNorm2d: ["eps", "momentum", "affine", "track_running_stats", ...FACTORY],
  Dropout2d: ["p", "inplace"],
  Conv1d: ["stride", "padding", "dilation", "groups", "bias", "padding_mode", ...FACTORY],
  Conv2d: ["stride", "padding", "dilation", "groups", "bias", "padding_mode", ...FACTORY],
  ConvTranspose2d: ["stride", "padding", "output_padding", "groups", "bias", "dilation", "padding_mode", ...FACTORY],
  MaxPool2d: ["stride", "padding", "dilation", "return_indices", "ceil_mode"],
  AvgPool2d: ["stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"],
  AdaptiveAvgPool2d: ["output_size"],
  Upsample: ["size", "scale_factor", "mode", "align_corners", "recompute_scale_factor"],
  LayerNorm: ["eps", "elementwise_affine", ...FACTORY],
  Embedding: ["padding_idx", "_weight", "_freeze", ...FACTORY],
  MSELoss: ["reduction"],
  L1Loss: ["reduction"],
  SmoothL1Loss: ["reduction", "beta"],
  HuberLoss: ["reduction", "delta"],
  BCELoss: ["weight", "reduction"],
  BCEWithLogitsLoss: ["weight", "reduction", "pos_weight"],
  NLLLoss: ["weight", "ignore_index", "reduction"],
  CrossEntropyLoss: ["weight", "ignore_index", "reduction", "label_smoothing"],
};
for (const [name, keys] of Object.entries(CONSTRUCTOR_KEYS)) optionKeys("nn." + name, keys);

/**
 * Refuse a key the constructor `owner` (a class name above) does not take, naming it with a
 * suggestion: `new nn.Linear(3, 2, { bais: false })` must not build a layer with a bias, and a
 * value of the wrong kind (constructor-kinds.ts). A subclass a user wrote (not in the table) is
 * left to check its own options.
 */
export function checkConstructorOptions(owner: string, options: object | undefined): void {
  const keys = CONSTRUCTOR_KEYS[owner];
  if (keys) checkOptions("nn." + owner, options, keys);
  if (options) checkConstructorKinds(owner, options as Record<string, unknown>);
}

/**
 * A constructor's trailing arguments in PyTorch's positional order (`names`), optionally ending
 * in an options object, as one options object checked against `owner`'s keywords:
 * `new nn.MaxPool2d(2, 1)` and `new nn.MaxPool2d(2, { stride: 1 })` give `{ stride: 1 }`.
 */
export function trailingOptions<O extends object>(owner: string, names: readonly string[], rest: readonly unknown[]): O {
  const last = rest[rest.length - 1];
  const o: Record<string, unknown> = isOptions(last) ? { ...last } : {};
  (isOptions(last) ? rest.slice(0, -1) : rest).forEach((v, i) => {
    if (v !== undefined) o[names[i]!] = v;
  });
  checkConstructorOptions(owner, o);
  return o as O;
}
