import type { Tensor } from "@flambeau/tensor";
import { _calculate_fan_in_and_fan_out, kaiming_uniform_, uniform_ } from "../init.js";

/**
 * PyTorch's `reset_parameters` of `Linear` and the convolutions: kaiming_uniform_(a=√5) on the
 * weight, then U(±1/√fan_in) on the bias — in this order, so a seed gives PyTorch's values.
 */
export function resetWeightAndBias(weight: Tensor, bias: Tensor | null): void {
  kaiming_uniform_(weight, Math.sqrt(5));
  if (bias) {
    const [fanIn] = _calculate_fan_in_and_fan_out(weight);
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform_(bias, -bound, bound);
  }
}
