import { empty, type DType, type DeviceLike, type Tensor } from "@flambeau/tensor";
import { Module } from "../module.js";
import { Parameter } from "../parameter.js";
import { linear } from "../functional/linear.js";
import { resetWeightAndBias } from "./default-init.js";
import { pyBool } from "../repr.js";
import { factoryOptions, positional, checkConstructorOptions } from "../options.js";
import { checkConstructorKinds } from "../constructor-kinds.js";

/** Options of {@link Linear}. */
export interface LinearOptions {
  bias?: boolean;
  device?: DeviceLike;
  dtype?: DType;
}

export interface Linear {
  (input: Tensor): Tensor;
}

/**
 * A fully connected layer (`torch.nn.Linear`): `y = x Wᵀ + b`, with `weight` of shape
 * `[out_features, in_features]` and `bias` of shape `[out_features]`. Initialised as PyTorch
 * does, so a seed gives PyTorch's weights.
 *
 * @example
 * ```ts
 * torch.manual_seed(0);
 * const model = new nn.Linear(3, 2);
 * model(torch.ones([5, 3])).shape; // [5, 2]
 * ```
 */
export class Linear extends Module {
  declare readonly in_features: number;
  declare readonly out_features: number;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(in_features: number, out_features: number, bias: boolean | LinearOptions = true, options: LinearOptions = {}) {
    super();
    const o = positional<LinearOptions, "bias">(bias, "bias", options);
    checkConstructorKinds("Linear", { in_features, out_features });
    checkConstructorOptions("Linear", o);
    const factory = factoryOptions(o);
    this.in_features = in_features;
    this.out_features = out_features;
    this.weight = new Parameter(empty([out_features, in_features], factory));
    if (o.bias ?? true) this.bias = new Parameter(empty([out_features], factory));
    else this.register_parameter("bias", null);
    this.reset_parameters();
  }

  /** PyTorch's default initialisation: kaiming_uniform_(a=√5) on the weight, U(±1/√fan_in) on the bias. */
  reset_parameters(): void {
    resetWeightAndBias(this.weight, this.bias);
  }

  override forward(input: Tensor): Tensor {
    return linear(input, this.weight, this.bias);
  }

  override extra_repr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${pyBool(this.bias !== null)}`;
  }
}
