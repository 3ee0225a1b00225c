import { ones, zeros, type DType, type DeviceLike, type Tensor } from "@flambeau/tensor";
import { factoryOptions, checkConstructorOptions } from "../options.js";
import { checkConstructorKinds } from "../constructor-kinds.js";
import { Module } from "../module.js";
import { Parameter } from "../parameter.js";
import { layer_norm } from "../functional/normalization.js";
import { pyBool, pyFloat, pyTuple } from "../repr.js";

/** Options of {@link LayerNorm}. */
export interface LayerNormOptions {
  eps?: number;
  elementwise_affine?: boolean;
  device?: DeviceLike;
  dtype?: DType;
}

export interface LayerNorm {
  (input: Tensor): Tensor;
}

/**
 * `torch.nn.LayerNorm`: normalise each sample over its trailing `normalized_shape` dimensions,
 * then apply a learned scale (`weight`, ones) and shift (`bias`, zeros).
 *
 * @example
 * ```ts
 * const norm = new nn.LayerNorm(4);
 * norm(torch.randn([2, 3, 4])).shape; // [2, 3, 4]
 * ```
 */
export class LayerNorm extends Module {
  declare readonly normalized_shape: readonly number[];
  declare readonly eps: number;
  declare readonly elementwise_affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;

  constructor(normalized_shape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    checkConstructorKinds("LayerNorm", { normalized_shape });
    checkConstructorOptions("LayerNorm", options);
    this.normalized_shape = typeof normalized_shape === "number" ? [normalized_shape] : normalized_shape.slice();
    this.eps = options.eps ?? 1e-5;
    this.elementwise_affine = options.elementwise_affine ?? true;
    const factory = factoryOptions(options);
    if (this.elementwise_affine) {
      this.weight = new Parameter(ones([...this.normalized_shape], factory));
      this.bias = new Parameter(zeros([...this.normalized_shape], factory));
    } else {
      this.register_parameter("weight", null);
      this.register_parameter("bias", null);
    }
  }

  override forward(input: Tensor): Tensor {
    return layer_norm(input, this.normalized_shape, this.weight, this.bias, this.eps);
  }

  override extra_repr(): string {
    return `${pyTuple(this.normalized_shape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwise_affine)}`;
  }
}
