/**
 * `torch.nn.init`: fill a tensor in place from a distribution, without recording gradients.
 * Draws come from the tensor package's PyTorch-compatible generator, and bounds are computed
 * with PyTorch's exact arithmetic, so after `torch.manual_seed(s)` each gives PyTorch's values.
 *
 * Arguments follow PyTorch's order; keyword arguments may instead be given as a trailing
 * options object: `kaiming_uniform_(w, Math.sqrt(5))` or `kaiming_uniform_(w, { a: Math.sqrt(5) })`.
 *
 * @example
 * ```ts
 * const w = torch.empty([3, 5]);
 * nn.init.xavier_uniform_(w, { gain: nn.init.calculate_gain("relu") });
 * ```
 *
 * @module
 */
import type { Generator, Tensor } from "@flambeau/tensor";
import { checkTensor } from "@flambeau/tensor/internal";
import { no_grad } from "@flambeau/autograd";

/** The `generator` keyword: draw from this generator instead of the default one. */
export interface InitOptions {
  generator?: Generator;
}
/** Which fan a Kaiming initialiser preserves the variance of. */
export type FanMode = "fan_in" | "fan_out";
/** Keyword arguments of the Kaiming initialisers. */
export interface KaimingOptions extends InitOptions {
  a?: number;
  mode?: FanMode;
  nonlinearity?: Nonlinearity;
}
/** The nonlinearities {@link calculate_gain} knows. */
export type Nonlinearity =
  | "linear" | "conv1d" | "conv2d" | "conv3d" | "conv_transpose1d" | "conv_transpose2d" | "conv_transpose3d"
  | "sigmoid" | "tanh" | "relu" | "leaky_relu" | "selu";

const isOptions = (x: unknown): x is object => typeof x === "object" && x !== null;

/**
 * The recommended gain for a nonlinearity: 1 for linear and sigmoid, 5/3 for tanh, √2 for
 * relu, √(2 / (1 + slope²)) for leaky_relu (slope 0.01 by default), 3/4 for selu.
 *
 * @example
 * ```ts
 * nn.init.calculate_gain("relu");            // 1.4142…
 * nn.init.calculate_gain("leaky_relu", 0.2);
 * ```
 */
export function calculate_gain(nonlinearity: Nonlinearity, param: number | null = null): number {
  const linear = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"];
  if (linear.includes(nonlinearity) || nonlinearity === "sigmoid") return 1;
  if (nonlinearity === "tanh") return 5.0 / 3;
  if (nonlinearity === "relu") return Math.sqrt(2.0);
  if (nonlinearity === "leaky_relu") {
    if (param !== null && typeof param !== "number") throw new Error(`negative_slope ${String(param)} not a valid number`);
    const slope = param ?? 0.01;
    return Math.sqrt(2.0 / (1 + slope * slope));
  }
  if (nonlinearity === "selu") return 3.0 / 4;
  throw new Error(`Unsupported nonlinearity ${String(nonlinearity)}`);
}

/**
 * `[fan_in, fan_out]` of a weight: input and output features times the receptive field.
 *
 * @example
 * ```ts
 * nn.init._calculate_fan_in_and_fan_out(torch.empty([8, 4])); // [4, 8]
 * ```
 */
export function _calculate_fan_in_and_fan_out(tensor: Tensor): [number, number] {
  checkTensor("nn.init._calculate_fan_in_and_fan_out", "tensor", tensor);
  if (tensor.ndim < 2) throw new Error("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  const receptive = tensor.shape.slice(2).reduce((a, b) => a * b, 1);
  return [tensor.shape[1]! * receptive, tensor.shape[0]! * receptive];
}

function fan(tensor: Tensor, mode: FanMode): number {
  if (mode !== "fan_in" && mode !== "fan_out") throw new Error(`Mode ${String(mode)} not supported, please use one of fan_in, fan_out`);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  return mode === "fan_in" ? fanIn : fanOut;
}

/**
 * Fill with samples of U(a, b).
 *
 * @example
 * ```ts
 * nn.init.uniform_(w, -0.1, 0.1);
 * ```
 */
export function uniform_(tensor: Tensor, a: number | (InitOptions & { a?: number; b?: number }) = 0, b = 1, options: InitOptions = {}): Tensor {
  checkTensor("nn.init.uniform_", "tensor", tensor);
  const o = isOptions(a) ? { a: 0, b: 1, ...a } : { a, b, ...options };
  return no_grad(() => tensor.uniform_(o.a, o.b, { generator: o.generator }));
}

/**
 * Fill with samples of N(mean, std²).
 *
 * @example
 * ```ts
 * nn.init.normal_(w, 0, 0.02);
 * ```
 */
export function normal_(tensor: Tensor, mean: number | (InitOptions & { mean?: number; std?: number }) = 0, std = 1, options: InitOptions = {}): Tensor {
  checkTensor("nn.init.normal_", "tensor", tensor);
  const o = isOptions(mean) ? { mean: 0, std: 1, ...mean } : { mean, std, ...options };
  return no_grad(() => tensor.normal_(o.mean, o.std, { generator: o.generator }));
}

/**
 * Fill with a constant.
 *
 * @example
 * ```ts
 * nn.init.constant_(layer.bias!, 0.1);
 * ```
 */
export function constant_(tensor: Tensor, val: number): Tensor {
  checkTensor("nn.init.constant_", "tensor", tensor);
  return no_grad(() => tensor.fill_(val));
}

/**
 * Fill with zeros.
 *
 * @example
 * ```ts
 * nn.init.zeros_(layer.bias!);
 * ```
 */
export function zeros_(tensor: Tensor): Tensor {
  checkTensor("nn.init.zeros_", "tensor", tensor);
  return no_grad(() => tensor.zero_());
}

/**
 * Fill with ones.
 *
 * @example
 * ```ts
 * nn.init.ones_(norm.weight!);
 * ```
 */
export function ones_(tensor: Tensor): Tensor {
  checkTensor("nn.init.ones_", "tensor", tensor);
  return no_grad(() => tensor.fill_(1));
}

type GainOptions = InitOptions & { gain?: number };

/**
 * Glorot/Xavier uniform: U(-a, a) with `a = gain * √(6 / (fan_in + fan_out))`.
 *
 * @example
 * ```ts
 * nn.init.xavier_uniform_(layer.weight, nn.init.calculate_gain("tanh"));
 * ```
 */
export function xavier_uniform_(tensor: Tensor, gain: number | GainOptions = 1, options: InitOptions = {}): Tensor {
  checkTensor("nn.init.xavier_uniform_", "tensor", tensor);
  const o = isOptions(gain) ? { gain: 1, ...gain } : { gain, ...options };
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const std = o.gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(tensor, -a, a, o);
}

/**
 * Glorot/Xavier normal: N(0, std²) with `std = gain * √(2 / (fan_in + fan_out))`.
 *
 * @example
 * ```ts
 * nn.init.xavier_normal_(layer.weight, { gain: 0.5 });
 * ```
 */
export function xavier_normal_(tensor: Tensor, gain: number | GainOptions = 1, options: InitOptions = {}): Tensor {
  checkTensor("nn.init.xavier_normal_", "tensor", tensor);
  const o = isOptions(gain) ? { gain: 1, ...gain } : { gain, ...options };
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const std = o.gain * Math.sqrt(2.0 / (fanIn + fanOut));
  return normal_(tensor, 0, std, o);
}

// PyTorch skips (with a warning) a tensor with a zero-size dimension, whose fan may be 0:
// `nn.Linear(0, 2)` is allowed and has an empty weight.
let warnedZeroElements = false;
function zeroElements(tensor: Tensor): boolean {
  if (tensor.numel() !== 0) return false;
  if (!warnedZeroElements) console.warn("UserWarning: Initializing zero-element tensors is a no-op");
  warnedZeroElements = true;
  return true;
}

function kaimingStd(tensor: Tensor, a: number | KaimingOptions, mode: FanMode, nonlinearity: Nonlinearity, options: InitOptions) {
  const o = isOptions(a) ? { a: 0, mode: "fan_in" as FanMode, nonlinearity: "leaky_relu" as Nonlinearity, ...a } : { a, mode, nonlinearity, ...options };
  const gain = calculate_gain(o.nonlinearity, o.a);
  return { std: gain / Math.sqrt(fan(tensor, o.mode)), generator: o.generator };
}

/**
 * He/Kaiming uniform: U(-bound, bound) with `bound = gain * √(3 / fan)`. `nn.Linear` uses it with
 * `a = √5`.
 *
 * @example
 * ```ts
 * nn.init.kaiming_uniform_(layer.weight, { mode: "fan_out", nonlinearity: "relu" });
 * ```
 */
export function kaiming_uniform_(
  tensor: Tensor, a: number | KaimingOptions = 0, mode: FanMode = "fan_in", nonlinearity: Nonlinearity = "leaky_relu", options: InitOptions = {},
): Tensor {
  checkTensor("nn.init.kaiming_uniform_", "tensor", tensor);
  if (zeroElements(tensor)) return tensor;
  const { std, generator } = kaimingStd(tensor, a, mode, nonlinearity, options);
  const bound = Math.sqrt(3.0) * std;
  return uniform_(tensor, -bound, bound, { generator });
}

/**
 * He/Kaiming normal: N(0, std²) with `std = gain / √fan`.
 *
 * @example
 * ```ts
 * nn.init.kaiming_normal_(layer.weight, { nonlinearity: "relu" });
 * ```
 */
export function kaiming_normal_(
  tensor: Tensor, a: number | KaimingOptions = 0, mode: FanMode = "fan_in", nonlinearity: Nonlinearity = "leaky_relu", options: InitOptions = {},
): Tensor {
  checkTensor("nn.init.kaiming_normal_", "tensor", tensor);
  if (zeroElements(tensor)) return tensor;
  const { std, generator } = kaimingStd(tensor, a, mode, nonlinearity, options);
  return normal_(tensor, 0, std, { generator });
}
