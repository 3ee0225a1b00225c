/**
 * `@flambeau/tensor`: tensors, dtypes, devices, every public op, random generators and the
 * backend interface. Install a backend (e.g. `@flambeau/backend-cpu`) to run anything.
 *
 * @packageDocumentation
 */
import "./methods.js";

export * from "./dtype.js";
export * from "./shape.js";
export type { Backend, BackendBuffer, View, UnaryOp, BinaryOp, ReduceOp } from "./backend.js";
export { Device, registerBackend, getBackend, registeredDevices, set_default_device, defaultDevice, toDevice as device } from "./device.js";
export type { DeviceLike } from "./device.js";
export { backends, registerBackendControls, type Backends, type BackendControls } from "./backends.js";
export { Storage, memory, memory_allocated, max_memory_allocated, reset_peak_memory_stats } from "./storage.js";
export { tidy, keep, scoped } from "./scope.js";
export { Tensor, readingGradsInternally, type NestedArray, type BackwardOptions } from "./tensor.js";
export { Node, AccumulateGrad, gradMode, record, installBackwardEngine, type BackwardEngine } from "./graph.js";

export * from "./ops/creation.js";
export * from "./ops/math.js";
export { sum, mean, prod, max, min, amax, amin, argmax, argmin, all, any, variance as var, std, logsumexp, softmax, log_softmax, norm } from "./ops/reduce.js";
export type { Dim, ValuesIndices, VarOptions } from "./ops/reduce.js";
export * from "./ops/view.js";
export * from "./ops/linalg.js";
export * from "./ops/join.js";
export { gather, scatter_add, index_select, slice_backward } from "./ops/indexing.js";
export { where, masked_fill, clamp, clamp as clip } from "./ops/select.js";
export { scatter } from "./ops/scatter.js";
export { sort, argsort, topk, type SortOptions, type TopkOptions } from "./ops/sort.js";
export { cumsum, cumprod, type CumulativeOptions } from "./ops/cumulative.js";
export { tril, triu } from "./ops/triangular.js";
export { isclose, allclose, type CloseOptions } from "./ops/closeness.js";
export { einsum } from "./ops/einsum.js";
export { multinomial, type MultinomialOptions } from "./ops/multinomial.js";
export * as linalg from "./ops/linalg-namespace.js";
export { index, setIndex, type IndexSpec } from "./ops/getitem.js";
export { to } from "./ops/convert.js";
export { rand, randn, randint, randperm, rand_like, randn_like, normal_, uniform_, bernoulli_ } from "./ops/random.js";
export type { RandomOptions, GeneratorOption } from "./ops/random.js";
export { broadcastView, type TensorOrScalar } from "./ops/elementwise.js";
export { fill_, copy_, checkInPlace, commitInPlace } from "./ops/inplace.js";
export { wrap, constant } from "./ops/make.js";
export { describeValue, checkTensor, int32OverflowError } from "./ops/checks.js";
export * from "./random/index.js";
