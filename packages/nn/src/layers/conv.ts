import { empty, type DType, type DeviceLike, type Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";
import { Parameter } from "../parameter.js";
import { conv_transpose2d, convolution, SAME_WITH_STRIDE, type ConvPadding, type Size } from "../functional/conv.js";
import type { PaddingMode } from "../functional/windows.js";
import { resetWeightAndBias } from "./default-init.js";
import { pyTuple } from "../repr.js";
import { factoryOptions, trailingOptions } from "../options.js";
import { checkConstructorKinds } from "../constructor-kinds.js";

/** PyTorch's keyword arguments of {@link Conv2d} and {@link Conv1d}. */
export interface ConvOptions {
  stride?: Size;
  padding?: ConvPadding;
  dilation?: Size;
  groups?: number;
  bias?: boolean;
  /** What the padding reads: zeros, or the input mirrored, clamped or wrapped around. */
  padding_mode?: PaddingMode;
  device?: DeviceLike;
  dtype?: DType;
}

/** PyTorch's keyword arguments of {@link ConvTranspose2d}. */
export interface ConvTransposeOptions extends Omit<ConvOptions, "padding" | "padding_mode"> {
  padding?: Size;
  /** Only `"zeros"`, as in PyTorch. */
  padding_mode?: "zeros";
  output_padding?: Size;
}

type Positional = [stride?: Size, padding?: ConvPadding, dilation?: Size, groups?: number, bias?: boolean];
const POSITIONAL = ["stride", "padding", "dilation", "groups", "bias"] as const;
const TRANSPOSED = ["stride", "padding", "output_padding", "groups", "bias", "dilation"] as const;

const asTuple = (v: Size, n: number): number[] => (typeof v === "number" ? new Array<number>(n).fill(v) : v.length === 1 ? new Array<number>(n).fill(v[0]!) : [...v]);

/**
 * What `Conv1d`, `Conv2d` and `ConvTranspose2d` share (PyTorch's `_ConvNd`): the checked
 * configuration, the `weight` and `bias` parameters, their initialisation and the printed form.
 */
export abstract class ConvNd extends Module {
  declare readonly in_channels: number;
  declare readonly out_channels: number;
  declare readonly kernel_size: number[];
  declare readonly stride: number[];
  declare readonly padding: number[] | "same" | "valid";
  declare readonly dilation: number[];
  declare readonly output_padding: number[];
  declare readonly transposed: boolean;
  declare readonly groups: number;
  declare readonly padding_mode: PaddingMode;
  declare weight: Parameter;
  declare bias: Parameter | null;

  protected constructor(name: string, dims: number, transposed: boolean, in_channels: number, out_channels: number, kernel_size: Size, o: ConvTransposeOptions | ConvOptions) {
    super();
    checkConstructorKinds(name, { in_channels, out_channels, kernel_size });
    const groups = o.groups ?? 1;
    if (!Number.isInteger(groups) || groups <= 0) throw new Error("groups must be a positive integer");
    if (in_channels % groups !== 0) throw new Error("in_channels must be divisible by groups");
    if (out_channels % groups !== 0) throw new Error("out_channels must be divisible by groups");
    const padding = o.padding ?? 0;
    const stride = asTuple(o.stride ?? 1, dims);
    if (typeof padding === "string") {
      if (padding !== "same" && padding !== "valid") throw new Error(`Invalid padding string '${padding}', should be one of ['valid', 'same']`);
      if (padding === "same" && stride.some((s) => s !== 1)) throw new Error(SAME_WITH_STRIDE);
    }
    const mode = o.padding_mode ?? "zeros";
    if (!["zeros", "reflect", "replicate", "circular"].includes(mode))
      throw new Error(`padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='${mode as string}'`);
    if (transposed && mode !== "zeros") throw new Error(`Only "zeros" padding mode is supported for ${name}`);
    this.in_channels = in_channels;
    this.out_channels = out_channels;
    this.kernel_size = asTuple(kernel_size, dims);
    this.stride = stride;
    this.padding = typeof padding === "string" ? padding : asTuple(padding, dims);
    this.dilation = asTuple(o.dilation ?? 1, dims);
    this.transposed = transposed;
    this.output_padding = asTuple((o as ConvTransposeOptions).output_padding ?? 0, dims);
    this.groups = groups;
    this.padding_mode = mode;
    const factory = factoryOptions(o);
    const shape = transposed ? [in_channels, out_channels / groups] : [out_channels, in_channels / groups];
    this.weight = new Parameter(empty([...shape, ...this.kernel_size], factory));
    if (o.bias ?? true) this.bias = new Parameter(empty([out_channels], factory));
    else this.register_parameter("bias", null);
    this.reset_parameters();
  }

  /** PyTorch's default initialisation: kaiming_uniform_(a=√5) on the weight, U(±1/√fan_in) on the bias. */
  reset_parameters(): void {
    resetWeightAndBias(this.weight, this.bias);
  }

  override extra_repr(): string {
    const all = (xs: number[], v: number) => xs.every((x) => x === v);
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${pyTuple(this.kernel_size)}, stride=${pyTuple(this.stride)}`;
    if (typeof this.padding === "string") s += `, padding=${this.padding}`;
    else if (!all(this.padding, 0)) s += `, padding=${pyTuple(this.padding)}`;
    if (!all(this.dilation, 1)) s += `, dilation=${pyTuple(this.dilation)}`;
    if (!all(this.output_padding, 0)) s += `, output_padding=${pyTuple(this.output_padding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ", bias=False";
    if (this.padding_mode !== "zeros") s += `, padding_mode=${this.padding_mode}`;
    return s;
  }
}

export interface Conv2d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation, groups,
 * bias)`: a 2-D convolution over `(N, C, H, W)` inputs, with `weight` of shape
 * `[out_channels, in_channels / groups, kH, kW]` and `bias` of `[out_channels]`, initialised as
 * PyTorch does (so a seed gives PyTorch's weights). Arguments after `kernel_size` may also be
 * given as a trailing options object.
 *
 * @example
 * ```ts
 * const conv = new nn.Conv2d(1, 32, 3, { padding: 1 });
 * conv(torch.randn([64, 1, 28, 28])).shape; // [64, 32, 28, 28]
 * ```
 */
export class Conv2d extends ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: Size, ...rest: [...Positional, ConvOptions?] | [ConvOptions]) {
    super("Conv2d", 2, false, in_channels, out_channels, kernel_size, trailingOptions<ConvOptions>("Conv2d", POSITIONAL, rest));
  }
  override forward(input: Tensor): Tensor {
    const { weight, bias, stride, padding, dilation, groups, padding_mode: mode } = this;
    return convolution({ op: "conv2d", input, weight, bias, stride, padding, dilation, groups, dims: 2, mode });
  }
}

export interface Conv1d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.Conv1d(in_channels, out_channels, kernel_size, stride, padding, dilation, groups,
 * bias)`: a 1-D convolution over `(N, C, L)` inputs, `weight` of `[out_channels,
 * in_channels / groups, k]`.
 *
 * @example
 * ```ts
 * const conv = new nn.Conv1d(2, 4, 5, { padding: "same" });
 * conv(torch.randn([8, 2, 100])).shape; // [8, 4, 100]
 * ```
 */
export class Conv1d extends ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: Size, ...rest: [...Positional, ConvOptions?] | [ConvOptions]) {
    super("Conv1d", 1, false, in_channels, out_channels, kernel_size, trailingOptions<ConvOptions>("Conv1d", POSITIONAL, rest));
  }
  override forward(input: Tensor): Tensor {
    const { weight, bias, stride, padding, dilation, groups, padding_mode: mode } = this;
    return convolution({ op: "conv1d", input, weight, bias, stride, padding, dilation, groups, dims: 1, mode });
  }
}

export interface ConvTranspose2d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride, padding,
 * output_padding, groups, bias, dilation)`: the transpose (gradient) of a 2-D convolution, an
 * upsampling layer; `weight` is `[in_channels, out_channels / groups, kH, kW]`.
 *
 * @example
 * ```ts
 * const up = new nn.ConvTranspose2d(16, 8, 2, { stride: 2 });
 * up(torch.randn([1, 16, 7, 7])).shape; // [1, 8, 14, 14]
 * ```
 */
export class ConvTranspose2d extends ConvNd {
  constructor(
    in_channels: number, out_channels: number, kernel_size: Size,
    ...rest: [stride?: Size, padding?: Size, output_padding?: Size, groups?: number, bias?: boolean, dilation?: Size, options?: ConvTransposeOptions] | [ConvTransposeOptions]
  ) {
    super("ConvTranspose2d", 2, true, in_channels, out_channels, kernel_size, trailingOptions<ConvTransposeOptions>("ConvTranspose2d", TRANSPOSED, rest));
    if (typeof this.padding === "string") throw new Error(`ConvTranspose2d: padding='${this.padding}' is not supported`);
  }
  override forward(input: Tensor): Tensor {
    return conv_transpose2d(input, this.weight, this.bias, this.stride, this.padding as number[], this.output_padding, this.groups, this.dilation);
  }
}
