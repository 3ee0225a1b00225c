/**
 * `@flambeau/tensor/internal`: what Flambeau's own packages build on and a program never calls —
 * the backend interface and registry, the graph recorder and the hook autograd installs, scopes
 * and storage, keyword binding, in-place bookkeeping, shape and dtype helpers, the raw MT19937.
 * Backend packages, autograd, nn, optim and data import it beside `@flambeau/tensor`, as
 * tfjs-core's second-level exports serve its backends. No API promise: it changes with the
 * packages that use it.
 *
 * @example
 * ```ts
 * // in a backend package:
 * import type { Backend } from "@flambeau/tensor/internal";
 * import { registerBackend } from "@flambeau/tensor/internal";
 * registerBackend(new ExampleBackend(), 1);
 * ```
 *
 * @packageDocumentation
 */
import "./methods.js";

export {
  ARRAY_TYPE, ITEM_SIZE, DTYPES, INT32_MIN, INT32_MAX, INT64_EXACT_MAX, CATEGORY, allocArray, isFloating, isIntegral, fitsInt64, isDType, promoteTypes, fitsInt32, scalarDType,
  resultType, toFloating, legacyTypeName, scalarTypeName, castScalar, type TypeOperand,
} from "./dtype.js";
export {
  numel, contiguousStrides, isContiguous, shapesEqual, fmtShape, tryBroadcastShapes, broadcastShapes, broadcastStrides,
  normalizeDim, normalizeDims, inferShape, viewStrides,
} from "./shape.js";
export type { Backend, BackendBuffer, View, UnaryOp, BinaryOp, ReduceOp } from "./backend.js";
export { registerBackend, getBackend, registeredDevices, defaultDevice } from "./device.js";
export { registerBackendControls } from "./backends.js";
export { Storage } from "./storage.js";
export { collectionThreshold, forcedCollections } from "./collector.js";
export { scoped, openScope, closeScope, owningScopeOpen } from "./scope.js";
export { readingGradsInternally } from "./tensor.js";
export { Node, AccumulateGrad, gradMode, record, relabel, installBackwardEngine, type BackwardEngine, type RecordedOp } from "./graph.js";
export { fromHost, parseSize, FACTORY_KEYS } from "./ops/creation.js";
export { slice_backward } from "./ops/indexing.js";
export { IndexTable, select_table, select_table_backward } from "./ops/select-table.js";
export { max_over, max_over_backward } from "./ops/max-over.js";
export { broadcastView } from "./ops/elementwise.js";
export { checkInPlace, commitInPlace } from "./ops/inplace.js";
export { addScaled_, tryAddScaled_ } from "./ops/add-scaled.js";
export { keywords, uncheckedArguments, checkOptions, optionKeys, isOptions, parseSignature, unknownKeyword, KEYWORDS, type Kw, type Signature } from "./keywords.js";
export { wrap, constant } from "./ops/make.js";
// gather, index_select and scatter with the user's call a bad index reports (nn's embedding, nll_loss, one_hot).
export { gather as gatherAt, index_select as indexSelectAt } from "./ops/indexing.js";
export { scatter as scatterAt } from "./ops/scatter.js";
export { describeValue, checkTensor } from "./ops/checks.js";
export { parseKind, checkKind, type Kind } from "./kinds.js";
export {
  check, dtypeNotSupported, int32OverflowError, int64OverflowError, negativeIntegerPowerError, integerDivisionByZero, indexOutOfBounds, indexOutOfBoundsAt, indexSite, broadcastMismatch,
  asyncReadRequired, freedBufferError, type ErrorClass, type IndexSite,
} from "./errors.js";
// The op tables, for the autograd engine and the conformance suite (tables/).
export { UNARY_OPS, unaryOps, inPlaceUnaryOps, type UnaryRow, type DifferentiableUnaryOp } from "./tables/unary.js";
export { REDUCE_OPS, reduceOps, unreduce, type ReduceRow, type Reduction, type DifferentiableReduceOp } from "./tables/reduce.js";
export { BINARY_OPS, binaryOps, inPlaceBinaryOps, type BinaryRow, type BinaryGrads, type DifferentiableBinaryOp } from "./tables/binary.js";
export { MT19937, type MT19937State } from "./random/mt19937.js";
