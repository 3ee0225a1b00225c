/**
 * Flambeau: PyTorch in TypeScript. `import * as torch from "flambeau"` gives the `torch`
 * namespace of a PyTorch lesson: tensors and ops, autograd, devices and random numbers, with
 * the CPU backend installed.
 *
 * @example
 * ```ts
 * import * as torch from "flambeau";
 * const w = torch.randn([2, 3], { requires_grad: true });
 * const loss = w.pow(2).sum();
 * loss.backward();
 * ```
 *
 * @packageDocumentation
 */
import "@flambeau/backend-cpu";
import { Tensor } from "@flambeau/tensor";

export * from "@flambeau/tensor";
/** `torch.get_num_threads()` / `torch.set_num_threads(n)`: the CPU kernels' thread count. */
export { get_num_threads, set_num_threads } from "@flambeau/backend-cpu";
export { no_grad, enable_grad, set_grad_enabled, is_grad_enabled } from "@flambeau/autograd";
export * as autograd from "./autograd.js";
export * as func from "./func.js";
export * as utils from "./utils.js";
export * as optim from "@flambeau/optim";
export * as nn from "@flambeau/nn";
export { plotting } from "./plotting.js";
/** `torch.save(state_dict, path)` / `torch.load(path)` in the safetensors format (and to/from bytes). */
export { save, load, saveToBytes, loadFromBytes } from "@flambeau/nn";

/** dtype names as values, so `dtype=torch.float32` ports as `{ dtype: torch.float32 }`. */
export const float32 = "float32", float = "float32", float64 = "float64", double = "float64";
/** Integer dtype names as values: `{ dtype: torch.long }`; `int64` exists on the CPU only. */
export const int32 = "int32", int = "int32", long = "int64", int64 = "int64";
/** The boolean dtype as a value: `{ dtype: torch.bool }`. */
export const bool = "bool";

/** `torch.is_tensor(x)`. */
export function is_tensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}
