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
// The op tables, for the autograd engine and the conformance suite (tables/).
export { UNARY_OPS, unaryOps, type UnaryRow, type DifferentiableUnaryOp } from "./tables/unary.js";
export { REDUCE_OPS, reduceOps, unreduce, type ReduceRow, type Reduction, type DifferentiableReduceOp } from "./tables/reduce.js";
export { BINARY_OPS, binaryOps, type BinaryRow, type BinaryGrads, type DifferentiableBinaryOp } from "./tables/binary.js";
export { Device, registerBackend, getBackend, registeredDevices, set_default_device, defaultDevice, toDevice as device } from "./device.js";
export type { DeviceLike } from "./device.js";
export { backends, registerBackendControls, type Backends, type BackendControls } from "./backends.js";
export { Storage, memory, memory_allocated, max_memory_allocated, reset_peak_memory_stats } from "./storage.js";
export { tidy, keep, scoped, openScope, closeScope } from "./scope.js";
export { Tensor, readingGradsInternally, type NestedArray, type BackwardOptions } from "./tensor.js";
export { Node, AccumulateGrad, gradMode, record, relabel, installBackwardEngine, type BackwardEngine, type RecordedOp } from "./graph.js";

export * from "./ops/creation.js";
export * from "./ops/math.js";
export * from "./ops/unary.js";
export * from "./ops/binary.js";
export type { Dim, ValuesIndices } from "./ops/reduce.js";
export * from "./ops/view.js";
export * from "./ops/linalg.js";
export * from "./ops/join.js";
export { sort, argsort, topk, type SortOptions, type TopkOptions } from "./ops/sort.js";
export { isclose, allclose, type CloseOptions } from "./ops/closeness.js";
export { einsum } from "./ops/einsum.js";
export { multinomial, type MultinomialOptions } from "./ops/multinomial.js";
export * as linalg from "./ops/linalg-namespace.js";
export { slice_backward } from "./ops/indexing.js";
export { index, setIndex, type IndexSpec } from "./ops/getitem.js";
export { rand, randn } from "./ops/random.js";
export type { RandomOptions } from "./ops/random.js";
export { broadcastView, type TensorOrScalar } from "./ops/elementwise.js";
export { checkInPlace, commitInPlace } from "./ops/inplace.js";
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
export { keywords, checkOptions, optionKeys, isOptions, parseSignature, unknownKeyword, KEYWORDS, type Kw, type Signature } from "./keywords.js";
export { wrap, constant } from "./ops/make.js";
export { describeValue, checkTensor } from "./ops/checks.js";
// For the other packages and the backends (internal: no API promise).
export { check, dtypeNotSupported, int32OverflowError, negativeIntegerPowerError, integerDivisionByZero, indexOutOfBounds, broadcastMismatch, asyncReadRequired, type ErrorClass } from "./errors.js";
export * from "./random/index.js";
