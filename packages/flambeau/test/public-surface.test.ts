// The facade's public surface (issue 13): `import * as torch from "flambeau"` holds what a PyTorch
// program calls, and nothing of the plumbing Flambeau's own packages build on, which lives in
// `@flambeau/tensor/internal`. A name added to the facade fails the first test until it is added
// here: if PyTorch users call it, list it below; if only Flambeau's packages do, export it from
// packages/tensor/src/internal.ts instead of src/index.ts.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import * as tensor from "@flambeau/tensor";
import * as internal from "@flambeau/tensor/internal";

/** Every name of `torch`, sorted. */
const PUBLIC = [
  "Device", "Generator", "RandomState", "Tensor", "abs", "add", "addcdiv", "addcmul", "all", "allclose", "amax",
  "amin", "any", "arange", "argmax", "argmin", "argsort", "atan2", "autograd", "backends", "bernoulli_", "bmm",
  "bool", "broadcast_tensors", "broadcast_to", "can_read_sync", "cat", "ceil", "chunk", "clamp", "clip", "clone",
  "concat", "contiguous", "copy_", "cos", "cumprod", "cumsum", "default_generator", "device", "div", "dot",
  "double", "einsum", "empty", "empty_like", "enable_grad", "eq", "equal", "erf", "exp", "expand", "expm1", "eye", "fill_",
  "flatten", "flip", "float", "float32", "float64", "floor", "floor_divide", "fmod", "from", "from_numpy", "full",
  "full_like", "func", "gather", "ge", "get_default_device", "get_num_threads", "get_rng_state", "gt", "index",
  "index_select", "initial_seed", "int", "int32", "int64", "is_grad_enabled", "is_tensor", "isclose", "isnan",
  "keep", "le", "lerp", "linalg", "linspace", "load", "loadFromBytes", "log", "log1p", "log2", "log_softmax",
  "logical_and", "logical_not", "logical_or", "logical_xor", "logsumexp", "long", "lt", "manual_seed",
  "masked_fill", "matmul", "max", "max_memory_allocated", "maximum", "mean", "memory", "memory_allocated", "min",
  "minimum", "mm", "mul", "multinomial", "narrow", "ne", "neg", "nn", "no_grad", "norm", "normal_", "np", "ones",
  "ones_like", "optim", "outer", "permute", "plotting", "pow", "prod", "rand", "rand_like", "randint", "randn",
  "randn_like", "randperm", "reciprocal", "relu", "remainder", "repeat", "reset_peak_memory_stats", "reshape",
  "round", "rsqrt", "save", "saveToBytes", "scatter", "scatter_add", "seed", "select", "setIndex",
  "set_default_device", "set_grad_enabled", "set_num_threads", "set_rng_state", "sigmoid", "sign", "sin", "slice",
  "softmax", "sort", "split", "sqrt", "square", "squeeze", "stack", "std", "sub", "sum", "t", "tan", "tanh",
  "tensor", "tidy", "to", "topk", "transpose", "tril", "triu", "trunc", "unbind", "uniform_", "unsqueeze", "utils",
  "var", "view", "where", "zeros", "zeros_like",
];

/** Plumbing the issue found on the facade; each must stay off it and on the internal subpath. */
const PLUMBING = [
  "record", "wrap", "constant", "installBackwardEngine", "checkInPlace", "commitInPlace", "Storage", "gradMode", "Node",
  "AccumulateGrad", "relabel", "registerBackend", "getBackend", "registeredDevices", "registerBackendControls", "scoped",
  "openScope", "closeScope", "readingGradsInternally", "keywords", "checkOptions", "optionKeys", "KEYWORDS",
  "describeValue", "checkTensor", "int32OverflowError", "broadcastView", "slice_backward", "fromHost", "MT19937",
  // shape and dtype helpers
  "numel", "contiguousStrides", "isContiguous", "shapesEqual", "fmtShape", "broadcastShapes", "broadcastStrides",
  "normalizeDim", "normalizeDims", "inferShape", "viewStrides", "ARRAY_TYPE", "ITEM_SIZE", "DTYPES", "allocArray",
  "isFloating", "isDType", "promoteTypes", "resultType", "legacyTypeName", "castScalar", "INT32_MAX", "INT32_MIN",
];

describe("the public surface", () => {
  it("the facade exports exactly the public names", () => {
    expect(Object.keys(torch).sort()).toEqual(PUBLIC);
  });

  it("holds none of the plumbing, which @flambeau/tensor/internal exports instead", () => {
    for (const name of PLUMBING) {
      expect(name in torch, `torch.${name}`).toBe(false);
      expect(name in tensor, `@flambeau/tensor's ${name}`).toBe(false);
      expect(name in internal, `@flambeau/tensor/internal's ${name}`).toBe(true);
    }
  });

  it("the internal subpath and the public entry share no name, and the facade re-exports all of @flambeau/tensor", () => {
    const onFacade = new Set(Object.keys(torch));
    expect(Object.keys(internal).filter((name) => onFacade.has(name))).toEqual([]);
    expect(Object.keys(tensor).filter((name) => !onFacade.has(name))).toEqual([]);
  });

  it("both entries are one module graph: a tensor made through one is an instance of the other's class", () => {
    const x = torch.ones([2], { requires_grad: true }).mul(2);
    expect(x).toBeInstanceOf(tensor.Tensor);
    expect(x._storage).toBeInstanceOf(internal.Storage);
    expect(x.grad_fn).toBeInstanceOf(internal.Node);
  });
});
