import type { Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";
import { adaptive_avg_pool2d, avg_pool2d, max_pool2d } from "../functional/pooling.js";
import type { Size } from "../functional/conv.js";
import { pyBool } from "../repr.js";
import { trailingOptions } from "../options.js";
import { checkConstructorKinds } from "../constructor-kinds.js";

/** Python's `repr` of a size argument: `2`, `(2, 3)`, `None`. */
export function pySize(v: Size | readonly (number | null)[] | null): string {
  if (v === null) return "None";
  if (typeof v === "number") return String(v);
  return v.length === 1 ? `(${v[0]},)` : `(${v.map((x) => (x === null ? "None" : String(x))).join(", ")})`;
}

/** PyTorch's keyword arguments of {@link MaxPool2d}. */
export interface MaxPool2dOptions {
  stride?: Size | null;
  padding?: Size;
  dilation?: Size;
  return_indices?: boolean;
  ceil_mode?: boolean;
}

export interface MaxPool2d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.MaxPool2d(kernel_size, stride, padding, dilation, return_indices, ceil_mode)`: the
 * maximum of each window; `stride` defaults to `kernel_size`. With `return_indices` a call
 * returns `[output, indices]`.
 *
 * @example
 * ```ts
 * const pool = new nn.MaxPool2d(2);
 * pool(torch.randn([64, 32, 28, 28])).shape; // [64, 32, 14, 14]
 * ```
 */
export class MaxPool2d extends Module {
  declare readonly kernel_size: Size;
  declare readonly stride: Size;
  declare readonly padding: Size;
  declare readonly dilation: Size;
  declare readonly return_indices: boolean;
  declare readonly ceil_mode: boolean;
  constructor(
    kernel_size: Size,
    ...rest: [stride?: Size | null, padding?: Size, dilation?: Size, return_indices?: boolean, ceil_mode?: boolean, options?: MaxPool2dOptions] | [MaxPool2dOptions]
  ) {
    super();
    checkConstructorKinds("MaxPool2d", { kernel_size });
    const o = trailingOptions<MaxPool2dOptions>("MaxPool2d", ["stride", "padding", "dilation", "return_indices", "ceil_mode"], rest);
    this.kernel_size = kernel_size;
    this.stride = o.stride ?? kernel_size;
    this.padding = o.padding ?? 0;
    this.dilation = o.dilation ?? 1;
    this.return_indices = o.return_indices ?? false;
    this.ceil_mode = o.ceil_mode ?? false;
  }
  override forward(input: Tensor): Tensor | [Tensor, Tensor] {
    return max_pool2d(input, this.kernel_size, this.stride, this.padding, this.dilation, this.ceil_mode, this.return_indices);
  }
  override extra_repr(): string {
    return `kernel_size=${pySize(this.kernel_size)}, stride=${pySize(this.stride)}, padding=${pySize(this.padding)}, dilation=${pySize(this.dilation)}, ceil_mode=${pyBool(this.ceil_mode)}`;
  }
}

/** PyTorch's keyword arguments of {@link AvgPool2d}. */
export interface AvgPool2dOptions {
  stride?: Size | null;
  padding?: Size;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
}

export interface AvgPool2d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad,
 * divisor_override)`: the mean of each window; `stride` defaults to `kernel_size`.
 *
 * @example
 * ```ts
 * const pool = new nn.AvgPool2d(2);
 * pool(torch.randn([1, 3, 8, 8])).shape; // [1, 3, 4, 4]
 * ```
 */
export class AvgPool2d extends Module {
  declare readonly kernel_size: Size;
  declare readonly stride: Size;
  declare readonly padding: Size;
  declare readonly ceil_mode: boolean;
  declare readonly count_include_pad: boolean;
  declare readonly divisor_override: number | null;
  constructor(
    kernel_size: Size,
    ...rest: [stride?: Size | null, padding?: Size, ceil_mode?: boolean, count_include_pad?: boolean, divisor_override?: number | null, options?: AvgPool2dOptions] | [AvgPool2dOptions]
  ) {
    super();
    checkConstructorKinds("AvgPool2d", { kernel_size });
    const o = trailingOptions<AvgPool2dOptions>("AvgPool2d", ["stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"], rest);
    this.kernel_size = kernel_size;
    this.stride = o.stride ?? kernel_size;
    this.padding = o.padding ?? 0;
    this.ceil_mode = o.ceil_mode ?? false;
    this.count_include_pad = o.count_include_pad ?? true;
    this.divisor_override = o.divisor_override ?? null;
  }
  override forward(input: Tensor): Tensor {
    return avg_pool2d(input, this.kernel_size, this.stride, this.padding, this.ceil_mode, this.count_include_pad, this.divisor_override);
  }
  override extra_repr(): string {
    return `kernel_size=${pySize(this.kernel_size)}, stride=${pySize(this.stride)}, padding=${pySize(this.padding)}`;
  }
}

export interface AdaptiveAvgPool2d {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.AdaptiveAvgPool2d(output_size)`: average pooling to a fixed output size (an int, a
 * pair, or a pair with `null` to keep that dimension).
 *
 * @example
 * ```ts
 * const gap = new nn.AdaptiveAvgPool2d(1);
 * gap(torch.randn([2, 16, 7, 7])).shape; // [2, 16, 1, 1]
 * ```
 */
export class AdaptiveAvgPool2d extends Module {
  declare readonly output_size: number | readonly (number | null)[];
  constructor(output_size: number | readonly (number | null)[] | { output_size: number | readonly (number | null)[] }) {
    super();
    const o = trailingOptions<{ output_size?: number | readonly (number | null)[] }>("AdaptiveAvgPool2d", ["output_size"], [output_size]);
    if (o.output_size === undefined) throw new Error("AdaptiveAvgPool2d: missing required argument 'output_size'");
    this.output_size = o.output_size;
  }
  override forward(input: Tensor): Tensor {
    return adaptive_avg_pool2d(input, this.output_size);
  }
  override extra_repr(): string {
    return `output_size=${pySize(this.output_size)}`;
  }
}
