import type { Tensor } from "@flambeau/tensor";

// PyTorch's fused in-place updates, evaluated in the order its CPU kernels use
// (`self + value * t1 * t2`, `self + value * t1 / t2`), so float32 results round alike.

/** `self += value * t1 * t2`, in place (`Tensor.addcmul_`). */
export function addcmul_(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  return self.add_(value === 1 ? t1.mul(t2) : t1.mul(value).mul(t2));
}

/** `self += value * t1 / t2`, in place (`Tensor.addcdiv_`). */
export function addcdiv_(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  return self.add_(value === 1 ? t1.div(t2) : t1.mul(value).div(t2));
}
