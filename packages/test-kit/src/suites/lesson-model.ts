import type { Tensor } from "@flambeau/tensor";
import * as nn from "@flambeau/nn";

/** Lesson 5's model, ported line by line (`class LinearRegressionModel(nn.Module)`). */
export class LinearRegressionModel extends nn.Module {
  linear: nn.Linear;
  constructor(input_dim: number, output_dim: number) {
    super();
    this.linear = new nn.Linear(input_dim, output_dim);
  }
  override forward(x: Tensor): Tensor {
    return this.linear(x);
  }
}
