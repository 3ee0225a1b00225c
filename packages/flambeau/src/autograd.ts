/** `torch.autograd`: `grad`, `backward`, `gradcheck` and `functional.vjp`. */
export { grad, backward, gradcheck } from "@flambeau/autograd";
import { vjp } from "@flambeau/autograd";
/** `torch.autograd.functional`. */
export const functional = {
  /** `torch.autograd.functional.vjp(func, inputs, v)`: the function's outputs and the vector-Jacobian product. */
  vjp,
};
