/**
 * `@flambeau/tensor`: tensors, dtypes, devices, every public op and random generators — what a
 * PyTorch program calls. Install a backend (e.g. `@flambeau/backend-cpu`) to run anything. The
 * hooks Flambeau's own packages build on (the backend interface and registry, graph recording,
 * storage, shape helpers) are in `@flambeau/tensor/internal`.
 *
 * @packageDocumentation
 */
import "./methods.js";

export type { DType, TypedArray } from "./dtype.js";
export type { Shape } from "./shape.js";
export { Device, set_default_device, defaultDevice as get_default_device, toDevice as device } from "./device.js";
export type { DeviceLike } from "./device.js";
export { backends, type Backends, type BackendControls } from "./backends.js";
export { can_read_sync } from "./can-read-sync.js";
export { memory, memory_allocated, max_memory_allocated, reset_peak_memory_stats } from "./storage.js";
export { tidy, keep } from "./scope.js";
export { Tensor, type NestedArray, type BackwardOptions } from "./tensor.js";
export type { Node } from "./graph.js";

export { from, from_numpy, zeros, ones, empty, type TensorOptions, type NestedData, type SizeArgs } from "./ops/creation.js";
export * from "./ops/math.js";
export * from "./ops/unary.js";
export * from "./ops/binary.js";
export type { Dim, ValuesIndices } from "./ops/reduce.js";
export * from "./ops/view.js";
export * from "./ops/linalg.js";
export * from "./ops/join.js";
export { sort, argsort, topk, type SortOptions, type TopkOptions } from "./ops/sort.js";
export { isclose, allclose, equal, type CloseOptions } from "./ops/closeness.js";
export { einsum } from "./ops/einsum.js";
export { multinomial, type MultinomialOptions } from "./ops/multinomial.js";
export * as linalg from "./ops/linalg-namespace.js";
export { index, setIndex, type IndexSpec } from "./ops/getitem.js";
export { rand, randn } from "./ops/random.js";
export type { RandomOptions } from "./ops/random.js";
export type { TensorOrScalar } from "./ops/elementwise.js";
// The public ops with PyTorch's signatures (named arguments in a trailing options object); these
// names take precedence over the same names re-exported above from the implementations.
export {
  add, sub, div, pow, round, clamp, clip, where, masked_fill, addcmul, addcdiv, lerp,
  sum, mean, prod, max, min, amax, amin, argmax, argmin, all, any, variance as var, std, logsumexp, softmax, log_softmax, norm,
  matmul, mm, bmm, dot, outer, cat, concat, stack, split, chunk, unbind, squeeze, unsqueeze, flatten, transpose, narrow, select,
  reshape, permute, flip, broadcast_to, gather, index_select, scatter, scatter_add, to, fill_, copy_,
  tensor, full, full_like, zeros_like, ones_like, empty_like, rand_like, randn_like, arange, linspace, eye, randint, randperm,
  normal_, uniform_, bernoulli_, cumsum, cumprod, tril, triu,
} from "./signatures.js";
export type {
  AlphaOptions, DivOptions, ClampOptions, ValueOptions, ReduceOptions, DTypeReduceOptions, MaxOptions, VarOptions, SoftmaxOptions,
  NormOptions, SplitOptions, ToOptions, CumulativeOptions, FullOptions, ArangeOptions, RandintOptions, GeneratorOption, MaxFn,
} from "./signatures.js";
export {
  Generator, default_generator, manual_seed, seed, initial_seed, get_rng_state, set_rng_state, type FloatArray, type NumericArray,
  RandomState, np, type LegacyState, type NDArray, type Size, type MutableArrayLike,
} from "./random/index.js";
