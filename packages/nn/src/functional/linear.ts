import type { Tensor } from "@flambeau/tensor";
import { checkTensor } from "@flambeau/tensor/internal";

/**
 * `F.linear`: `input @ weight.T + bias`, for inputs of any number of leading dimensions.
 * A wrong input size fails as PyTorch does: `mat1 and mat2 shapes cannot be multiplied (5x3 and 2x3)`.
 *
 * @example
 * ```ts
 * F.linear(torch.ones([5, 3]), torch.ones([2, 3]), torch.zeros([2])).shape; // [5, 2]
 * ```
 */
export function linear(input: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  checkTensor("linear", "input", input); // nn.Linear calls this unbound: an array was "input.matmul is not a function"
  const out = input.matmul(weight.t());
  return bias === null ? out : out.add(bias);
}
