/**
 * `torch.linalg`: the linear-algebra functions under their PyTorch namespace.
 *
 * @example
 * ```ts
 * torch.linalg.norm(torch.tensor([3, 4], { dtype: "float32" })); // tensor(5.)
 * ```
 */
export { norm, vector_norm, matrix_norm, type NormOptions, type VectorNormOptions, type MatrixNormOptions } from "./norms.js";
