/**
 * Every op's keyword arguments on every backend (Decision 1): each row calls an op with an
 * options object and the same call by position (or, for a keyword-only argument, the equivalent
 * computation), and the two must agree exactly; adding an unknown key must fail naming the op and
 * the key. A last test checks that the rows cover every keyword of every op the keyword
 * registry (`KEYWORDS` of `@flambeau/tensor/internal`) knows, so a new op or keyword cannot go
 * untested.
 */
import { expect, it } from "vitest";
import * as torch from "flambeau";
import { KEYWORDS } from "@flambeau/tensor/internal";

/** Inputs built on the device under test. */
interface Ctx {
  device: string;
  /** `[[0.5, -1.5, 2], [3, -0.25, 1]]`, float32. */
  x: torch.Tensor;
  /** `[1, -2, 0.5]`, float32. */
  v: torch.Tensor;
  /** `[[1, 2], [3, 4]]`, int32. */
  n: torch.Tensor;
  /** `[[0, 2], [1, 0]]`, int32 indices. */
  idx: torch.Tensor;
  /** A generator seeded with 7: the same stream each call. */
  gen: () => torch.Generator;
}

type Kw = Record<string, unknown>;
interface Row {
  /** The op's name in the keyword registry (and in its error messages). */
  op: string;
  kw: (c: Ctx) => Kw;
  /** The call with the options object. */
  named: (c: Ctx, kw: Kw) => unknown;
  /** The same call by position, or the computation a keyword-only argument stands for. */
  positional: (c: Ctx) => unknown;
}

const T = (x: unknown) => x as torch.Tensor;
// The options objects below are built at run time; these casts stand for a JavaScript caller.
type Any = (...args: unknown[]) => unknown;
const call = (f: unknown, ...args: unknown[]) => (f as Any)(...args);
const method = (x: torch.Tensor, name: string, ...args: unknown[]) => (x[name as keyof torch.Tensor] as Any).call(x, ...args);

/** `op(input, other)` rows: the same for every binary op. */
const binaryRows = (ops: string[]): Row[] =>
  ops.map((op) => ({ op, kw: (c) => ({ other: c.v }), named: (c, kw) => method(c.x, op, kw), positional: (c) => method(c.x, op, c.v) }));
/** `op(input, dim, keepdim)` reductions: by name, after a positional dim, and positionally. */
const reduceRows = (ops: string[], x: (c: Ctx) => torch.Tensor = (c) => c.x): Row[] =>
  ops.flatMap((op) => [
    { op, kw: () => ({ dim: 1, keepdim: true }), named: (c, kw) => method(x(c), op, kw), positional: (c) => method(x(c), op, 1, true) },
    { op, kw: () => ({ keepdim: true }), named: (c, kw) => method(x(c), op, 0, kw), positional: (c) => method(x(c), op, 0, true) },
  ]);
/** A factory's `dtype`, `device` and `requires_grad` against creating, then converting. */
const factoryRows = (op: string, make: (c: Ctx, kw: Kw) => unknown, extra: Kw = {}): Row[] => [
  {
    op,
    kw: (c) => ({ dtype: "float32", device: c.device, requires_grad: true, ...extra }),
    named: make,
    positional: (c) => T(make(c, { device: c.device, ...extra })).float().requires_grad_(),
  },
];

const ROWS: Row[] = [
  // ---- elementwise ----
  ...binaryRows(["mul", "maximum", "minimum", "floor_divide", "remainder", "fmod", "atan2", "eq", "ne", "lt", "le", "gt", "ge",
    "logical_and", "logical_or", "logical_xor"]),
  { op: "add", kw: (c) => ({ other: c.v, alpha: 2 }), named: (c, kw) => c.x.add(kw as never), positional: (c) => c.x.add(c.v.mul(2)) },
  { op: "sub", kw: () => ({ alpha: -3 }), named: (c, kw) => c.x.sub(c.v, kw), positional: (c) => c.x.sub(c.v.mul(-3)) },
  { op: "sub", kw: (c) => ({ other: c.v }), named: (c, kw) => c.x.sub(kw as never), positional: (c) => c.x.sub(c.v) },
  { op: "div", kw: (c) => ({ other: c.v, rounding_mode: "floor" }), named: (c, kw) => c.x.div(kw as never), positional: (c) => c.x.floor_divide(c.v) },
  { op: "pow", kw: () => ({ exponent: 2 }), named: (c, kw) => c.x.pow(kw as never), positional: (c) => c.x.pow(2) },
  { op: "round", kw: () => ({ decimals: 1 }), named: (c, kw) => c.x.mul(1.37).round(kw), positional: (c) => c.x.mul(13.7).round().div(10) },
  { op: "clamp", kw: () => ({ min: 0 }), named: (c, kw) => c.x.clamp(kw), positional: (c) => c.x.clamp(0) },
  { op: "clamp", kw: () => ({ max: 1 }), named: (c, kw) => c.x.clamp(-1, kw), positional: (c) => c.x.clamp(-1, 1) },
  { op: "clip", kw: () => ({ min: -1, max: 1 }), named: (c, kw) => c.x.clip(kw), positional: (c) => c.x.clip(-1, 1) },
  { op: "where", kw: (c) => ({ input: c.x, other: 0 }), named: (c, kw) => torch.where(c.x.gt(0), kw as never), positional: (c) => torch.where(c.x.gt(0), c.x, 0) },
  { op: "masked_fill", kw: (c) => ({ mask: c.x.lt(0), value: 9 }), named: (c, kw) => c.x.masked_fill(kw as never), positional: (c) => c.x.masked_fill(c.x.lt(0), 9) },
  { op: "addcmul", kw: (c) => ({ tensor1: c.x, tensor2: c.v, value: 0.5 }), named: (c, kw) => c.x.addcmul(kw as never), positional: (c) => c.x.add(c.x.mul(0.5).mul(c.v)) },
  { op: "addcdiv", kw: () => ({ value: 2 }), named: (c, kw) => c.x.addcdiv(c.x, c.v, kw), positional: (c) => c.x.add(c.x.mul(2).div(c.v)) },
  { op: "addcdiv", kw: (c) => ({ tensor1: c.x, tensor2: c.v }), named: (c, kw) => c.x.addcdiv(kw as never), positional: (c) => c.x.addcdiv(c.x, c.v) },
  { op: "lerp", kw: (c) => ({ end: c.v, weight: 0.25 }), named: (c, kw) => c.x.lerp(kw as never), positional: (c) => c.x.lerp(c.v.expand(2, 3), 0.25) },

  // ---- reductions ----
  ...reduceRows(["amax", "amin", "argmax", "argmin", "logsumexp"]),
  ...reduceRows(["all", "any"], (c) => c.x.gt(0)),
  ...["sum", "mean", "prod"].flatMap((op): Row[] => [
    ...reduceRows([op]),
    { op, kw: () => ({ dtype: "float32" }), named: (c, kw) => method(c.n, op, 1, kw), positional: (c) => method(c.n.float(), op, 1) },
  ]),
  { op: "max", kw: () => ({ dim: 1, keepdim: true }), named: (c, kw) => c.x.max(kw as never), positional: (c) => c.x.max(1, true) },
  { op: "min", kw: () => ({ keepdim: true }), named: (c, kw) => c.x.min(0, kw), positional: (c) => c.x.min(0, true) },
  { op: "min", kw: () => ({ dim: 1 }), named: (c, kw) => c.x.min(kw as never), positional: (c) => c.x.min(1) },
  ...["var", "std"].flatMap((op): Row[] => [
    { op, kw: () => ({ dim: 1, correction: 0, keepdim: true }), named: (c, kw) => method(c.x, op, kw), positional: (c) => method(c.x, op, 1, { correction: 0, keepdim: true }) },
    { op, kw: () => ({ unbiased: false }), named: (c, kw) => method(c.x, op, 0, kw), positional: (c) => method(c.x, op, 0, { correction: 0 }) },
  ]),
  ...["softmax", "log_softmax"].map((op): Row => (
    { op, kw: () => ({ dim: 1, dtype: "float32" }), named: (c, kw) => method(c.n, op, kw), positional: (c) => method(c.n.float(), op, 1) })),
  // sort, topk, closeness, linalg norms, multinomial
  { op: "sort", kw: () => ({ dim: 0, descending: true, stable: true }), named: (c, kw) => [...c.x.sort(kw as never)], positional: (c) => [...c.x.sort(0, true)] },
  { op: "argsort", kw: () => ({ dim: 0, descending: true, stable: true }), named: (c, kw) => c.x.argsort(kw as never), positional: (c) => c.x.argsort(0, true) },
  { op: "topk", kw: () => ({ dim: 0, largest: false, sorted: true }), named: (c, kw) => [...c.x.topk(1, kw as never)], positional: (c) => [...c.x.topk(1, 0, false)] },
  {
    op: "isclose", kw: () => ({ rtol: 0.5, atol: 0.1, equal_nan: true }),
    named: (c, kw) => torch.isclose(c.x, c.x.mul(1.4), kw as never), positional: (c) => c.x.mul(1.4).sub(c.x).abs().le(c.x.mul(1.4).abs().mul(0.5).add(0.1)),
  },
  { op: "linalg.norm", kw: () => ({ ord: 1, dim: 1, keepdim: true, dtype: "float32" }), named: (c, kw) => torch.linalg.norm(c.x, kw as never), positional: (c) => torch.linalg.norm(c.x, 1, 1, true) },
  { op: "linalg.vector_norm", kw: () => ({ ord: 3, dim: 0, keepdim: true, dtype: "float32" }), named: (c, kw) => torch.linalg.vector_norm(c.x, kw as never), positional: (c) => torch.linalg.vector_norm(c.x, 3, 0, true) },
  { op: "linalg.matrix_norm", kw: () => ({ ord: -1, dim: [1, 0], keepdim: true, dtype: "float32" }), named: (c, kw) => torch.linalg.matrix_norm(c.x, kw as never), positional: (c) => torch.linalg.matrix_norm(c.x, -1, [1, 0], true) },
  {
    op: "multinomial", kw: (c) => ({ replacement: true, generator: c.gen() }),
    named: (c, kw) => c.x.abs().multinomial(4, kw as never), positional: (c) => c.x.abs().multinomial(4, true, { generator: c.gen() }),
  },
  { op: "norm", kw: () => ({ p: 1, dim: 1, keepdim: true }), named: (c, kw) => c.x.norm(kw as never), positional: (c) => c.x.norm(1, 1, true) },
  { op: "norm", kw: () => ({ dtype: "float32" }), named: (c, kw) => c.n.norm(2, null, kw), positional: (c) => c.n.float().norm(2) },

  // ---- linear algebra ----
  { op: "matmul", kw: (c) => ({ other: c.v }), named: (c, kw) => c.x.matmul(kw as never), positional: (c) => c.x.matmul(c.v) },
  { op: "mm", kw: (c) => ({ mat2: c.x.t() }), named: (c, kw) => c.x.mm(kw as never), positional: (c) => c.x.mm(c.x.t()) },
  { op: "bmm", kw: (c) => ({ mat2: c.x.t().unsqueeze(0) }), named: (c, kw) => c.x.unsqueeze(0).bmm(kw as never), positional: (c) => c.x.unsqueeze(0).bmm(c.x.t().unsqueeze(0)) },
  { op: "dot", kw: (c) => ({ other: c.v }), named: (c, kw) => c.v.dot(kw as never), positional: (c) => c.v.dot(c.v) },
  { op: "outer", kw: (c) => ({ vec2: c.v }), named: (c, kw) => c.v.outer(kw as never), positional: (c) => c.v.outer(c.v) },

  // ---- joining, splitting, views, indexing ----
  ...["cat", "concat", "stack"].map((op): Row => (
    { op, kw: () => ({ dim: 1 }), named: (c, kw) => call(torch[op as "cat"], [c.x, c.x], kw), positional: (c) => call(torch[op as "cat"], [c.x, c.x], 1) })),
  { op: "split", kw: () => ({ split_size_or_sections: [1, 2], dim: 1 }), named: (c, kw) => c.x.split(kw as never), positional: (c) => c.x.split([1, 2], 1) },
  { op: "chunk", kw: () => ({ chunks: 3, dim: 1 }), named: (c, kw) => c.x.chunk(kw as never), positional: (c) => c.x.chunk(3, 1) },
  { op: "unbind", kw: () => ({ dim: 1 }), named: (c, kw) => c.x.unbind(kw), positional: (c) => c.x.unbind(1) },
  { op: "squeeze", kw: () => ({ dim: 0 }), named: (c, kw) => c.x.unsqueeze(0).squeeze(kw), positional: (c) => c.x.unsqueeze(0).squeeze(0) },
  { op: "unsqueeze", kw: () => ({ dim: -1 }), named: (c, kw) => c.x.unsqueeze(kw as never), positional: (c) => c.x.unsqueeze(-1) },
  { op: "flatten", kw: () => ({ start_dim: 1, end_dim: 2 }), named: (c, kw) => c.x.reshape(2, 3, 1).flatten(kw), positional: (c) => c.x.reshape(2, 3, 1).flatten(1, 2) },
  { op: "transpose", kw: () => ({ dim0: 0, dim1: 1 }), named: (c, kw) => c.x.transpose(kw as never), positional: (c) => c.x.transpose(0, 1) },
  { op: "narrow", kw: () => ({ dim: 1, start: 1, length: 2 }), named: (c, kw) => c.x.narrow(kw as never), positional: (c) => c.x.narrow(1, 1, 2) },
  { op: "select", kw: () => ({ index: 1 }), named: (c, kw) => c.x.select(1, kw), positional: (c) => c.x.select(1, 1) },
  { op: "select", kw: () => ({ dim: 0, index: -1 }), named: (c, kw) => c.x.select(kw as never), positional: (c) => c.x.select(0, -1) },
  { op: "reshape", kw: () => ({ shape: [3, 2] }), named: (c, kw) => torch.reshape(c.x, kw as never), positional: (c) => c.x.reshape(3, 2) },
  { op: "permute", kw: () => ({ dims: [1, 0] }), named: (c, kw) => torch.permute(c.x, kw as never), positional: (c) => c.x.permute(1, 0) },
  { op: "flip", kw: () => ({ dims: [1] }), named: (c, kw) => torch.flip(c.x, kw as never), positional: (c) => c.x.flip(1) },
  { op: "broadcast_to", kw: () => ({ size: [2, 3] }), named: (c, kw) => c.v.broadcast_to(kw as never), positional: (c) => c.v.expand(2, 3) },
  { op: "gather", kw: (c) => ({ dim: 1, index: c.idx }), named: (c, kw) => c.x.gather(kw as never), positional: (c) => c.x.gather(1, c.idx) },
  { op: "index_select", kw: (c) => ({ index: c.idx.select(0, 0) }), named: (c, kw) => c.x.index_select(1, kw), positional: (c) => c.x.index_select(1, c.idx.select(0, 0)) },
  { op: "index_select", kw: (c) => ({ dim: 0, index: c.idx.select(1, 0) }), named: (c, kw) => c.x.index_select(kw as never), positional: (c) => c.x.index_select(0, c.idx.select(1, 0)) },
  { op: "scatter_add", kw: (c) => ({ dim: 1, index: c.idx, src: c.x.narrow(1, 0, 2) }), named: (c, kw) => c.x.scatter_add(kw as never), positional: (c) => c.x.scatter_add(1, c.idx, c.x.narrow(1, 0, 2)) },
  { op: "scatter", kw: (c) => ({ dim: 1, index: c.idx, src: c.x.narrow(1, 0, 2), reduce: "add" }), named: (c, kw) => c.x.scatter(kw as never), positional: (c) => c.x.scatter_add(1, c.idx, c.x.narrow(1, 0, 2)) },

  ...["cumsum", "cumprod"].flatMap((op): Row[] => [
    { op, kw: () => ({ dim: 1 }), named: (c, kw) => method(c.x, op, kw), positional: (c) => method(c.x, op, 1) },
    { op, kw: () => ({ dtype: "float32" }), named: (c, kw) => method(c.n, op, 0, kw), positional: (c) => method(c.n.float(), op, 0) },
  ]),
  ...["tril", "triu"].map((op): Row => (
    { op, kw: () => ({ diagonal: 1 }), named: (c, kw) => method(c.x, op, kw), positional: (c) => method(c.x, op, 1) })),

  // ---- casts and in-place writes ----
  { op: "to", kw: (c) => ({ device: c.device, dtype: "int32" }), named: (c, kw) => c.x.to(kw), positional: (c) => c.x.to(c.device, "int32") },
  { op: "to", kw: () => ({ copy: true }), named: (c, kw) => c.x.to("float32", kw), positional: (c) => c.x.clone() },
  { op: "fill_", kw: () => ({ value: 4 }), named: (c, kw) => c.x.clone().fill_(kw as never), positional: (c) => c.x.clone().fill_(4) },
  { op: "copy_", kw: (c) => ({ src: c.v }), named: (c, kw) => c.x.clone().copy_(kw as never), positional: (c) => c.x.clone().copy_(c.v) },
  ...(["normal_", "uniform_", "bernoulli_"] as const).map((op): Row => ({
    op,
    kw: (c) => ({ ...{ normal_: { mean: 1, std: 2 }, uniform_: { from: -1, to: 3 }, bernoulli_: { p: 0.25 } }[op], generator: c.gen() }),
    named: (c, kw) => method(c.x.clone(), op, kw),
    positional: (c) => method(c.x.clone(), op, ...{ normal_: [1, 2], uniform_: [-1, 3], bernoulli_: [0.25] }[op], { generator: c.gen() }),
  })),

  // ---- creation and random numbers ----
  ...factoryRows("tensor", (c, kw) => torch.tensor([1, 2], kw)),
  ...["zeros", "ones", "empty"].flatMap((op) => factoryRows(op, (c, kw) => call(torch[op as "zeros"], kw), { size: [2, 3] })),
  ...["rand", "randn"].flatMap((op) => [
    ...factoryRows(op, (c, kw) => call(torch[op as "rand"], [2, 3], { ...kw, generator: c.gen() })),
    { op, kw: (c: Ctx) => ({ size: [4], generator: c.gen() }), named: (c: Ctx, kw: Kw) => call(torch[op as "rand"], kw), positional: (c: Ctx) => call(torch[op as "rand"], [4], { generator: c.gen() }) },
  ]),
  ...factoryRows("full", (c, kw) => torch.full([2], kw as never), { fill_value: 3 }),
  ...["zeros_like", "ones_like", "empty_like", "rand_like", "randn_like"].flatMap((op) =>
    factoryRows(op, (c, kw) => (op.startsWith("rand") ? call(torch[op as "rand_like"], c.x, { ...kw, generator: c.gen() }) : call(torch[op as "zeros_like"], c.n, kw)))),
  ...["rand_like", "randn_like"].map((op): Row => ({
    op, kw: (c) => ({ generator: c.gen() }), named: (c, kw) => call(torch[op as "rand_like"], c.x, kw), positional: (c) => call(torch[op as "rand_like"], c.x, { generator: c.gen() }) })),
  ...factoryRows("full_like", (c, kw) => torch.full_like(c.n, kw as never), { fill_value: 2 }),
  { op: "arange", kw: () => ({ start: 1, end: 7, step: 2 }), named: (c, kw) => torch.arange(kw as never), positional: () => torch.arange(1, 7, 2) },
  ...factoryRows("arange", (c, kw) => torch.arange(4, kw)),
  { op: "linspace", kw: () => ({ start: -1, end: 1, steps: 5 }), named: (c, kw) => torch.linspace(kw as never), positional: () => torch.linspace(-1, 1, 5) },
  ...factoryRows("linspace", (c, kw) => torch.linspace(0, 1, 3, kw)),
  { op: "eye", kw: () => ({ n: 2, m: 3 }), named: (c, kw) => torch.eye(kw as never), positional: () => torch.eye(2, 3) },
  ...factoryRows("eye", (c, kw) => torch.eye(2, kw)),
  { op: "randint", kw: (c) => ({ low: 2, high: 9, size: [5], generator: c.gen() }), named: (c, kw) => torch.randint(kw as never), positional: (c) => torch.randint(2, 9, [5], { generator: c.gen() }) },
  { op: "randint", kw: (c) => ({ dtype: "float32", device: c.device, requires_grad: true }), named: (c, kw) => torch.randint(0, 9, [3], { ...kw, generator: c.gen() }),
    positional: (c) => torch.randint(0, 9, [3], { generator: c.gen(), device: c.device }).float().requires_grad_() },
  { op: "randperm", kw: (c) => ({ n: 6, generator: c.gen() }), named: (c, kw) => torch.randperm(kw as never), positional: (c) => torch.randperm(6, { generator: c.gen() }) },
  { op: "randperm", kw: (c) => ({ dtype: "float32", device: c.device, requires_grad: true }), named: (c, kw) => torch.randperm(4, { ...kw, generator: c.gen() }),
    positional: (c) => torch.randperm(4, { generator: c.gen(), device: c.device }).float().requires_grad_() },

  // ---- nn.functional ----
  ...fnRows(),

  // ---- nn layer and loss constructors: compared by their printed configuration ----
  ...moduleRows(),

  // ---- optimizers: one step from the same start, options given whole or after lr ----
  ...optimRows(),

  // ---- autograd ----
  ...[{ retain_graph: true }, { create_graph: true }, { inputs: "w" }].map((o): Row => ({
    op: "backward",
    kw: () => o,
    named: (c, kw) => {
      const w = c.v.clone().requires_grad_();
      const y = w.mul(w).sum();
      y.backward(kw.inputs ? { ...kw, inputs: [w] } : kw);
      return w.grad!.detach();
    },
    positional: (c) => c.v.mul(2),
  })),
];

/** `torch.nn.functional`: each function's keywords against its positional form. */
function fnRows(): Row[] {
  const F = torch.nn.functional;
  const fn = (name: string) => (F as unknown as Record<string, unknown>)[name];
  const row = (name: string, kw: (c: Ctx) => Kw, named: (c: Ctx, kw: Kw) => unknown, positional: (c: Ctx) => unknown): Row =>
    ({ op: "nn.functional." + name, kw, named, positional });
  const target = (c: Ctx) => c.x.sigmoid();
  const labels = (c: Ctx) => torch.tensor([2, 0], { dtype: "int32", device: c.device });
  const losses: [string, Kw][] = [
    ["mse_loss", { reduction: "sum" }], ["l1_loss", { reduction: "none" }], ["smooth_l1_loss", { reduction: "sum", beta: 0.5 }],
    ["huber_loss", { reduction: "none", delta: 0.5 }],
  ];
  return [
    row("relu", () => ({ inplace: true }), (c, kw) => F.relu(c.x.clone(), kw as never), (c) => F.relu(c.x.clone(), true)),
    row("leaky_relu", () => ({ negative_slope: 0.2, inplace: false }), (c, kw) => F.leaky_relu(c.x, kw as never), (c) => F.leaky_relu(c.x, 0.2, false)),
    row("gelu", () => ({ approximate: "tanh" }), (c, kw) => F.gelu(c.x, kw as never), (c) => F.gelu(c.x, { approximate: "tanh" })),
    row("softplus", () => ({ beta: 2, threshold: 1 }), (c, kw) => F.softplus(c.x, kw as never), (c) => F.softplus(c.x, 2, 1)),
    ...["softmax", "log_softmax"].map((name) =>
      row(name, () => ({ dim: 1, dtype: "float32" }), (c, kw) => call(fn(name), c.n, kw), (c) => call(fn(name), c.n.float(), 1))),
    row("linear", (c) => ({ weight: c.x, bias: c.v.narrow(0, 0, 2) }), (c, kw) => F.linear(c.x, kw as never), (c) => F.linear(c.x, c.x, c.v.narrow(0, 0, 2))),
    row("dropout", (c) => ({ p: 0.5, training: true, inplace: false, generator: c.gen() }), (c, kw) => F.dropout(c.x, kw as never),
      (c) => c.x.mul(torch.zeros_like(c.x).bernoulli_(0.5, { generator: c.gen() })).div(0.5)),
    row("embedding", (c) => ({ weight: c.x, padding_idx: 0 }), (c, kw) => F.embedding(c.idx.select(0, 0).narrow(0, 0, 1), kw as never),
      (c) => F.embedding(c.idx.select(0, 0).narrow(0, 0, 1), c.x, 0)),
    row("one_hot", () => ({ num_classes: 4 }), (c, kw) => F.one_hot(c.idx, kw as never), (c) => F.one_hot(c.idx, 4)),
    row("layer_norm", (c) => ({ normalized_shape: [3], weight: c.v, bias: c.v, eps: 0.1 }), (c, kw) => F.layer_norm(c.x, kw as never),
      (c) => F.layer_norm(c.x, [3], c.v, c.v, 0.1)),
    row("batch_norm", (c) => ({ weight: c.v, bias: c.v, training: true, momentum: 0.5, eps: 0.1 }),
      (c, kw) => F.batch_norm(c.x, null, null, kw as never), (c) => F.batch_norm(c.x, null, null, { weight: c.v, bias: c.v, training: true, momentum: 0.5, eps: 0.1 })),
    ...losses.map(([name, kw]) => row(name, () => kw, (c, k) => call(fn(name), c.x, target(c), k),
      (c) => call(fn(name), c.x, target(c), kw))),
    row("binary_cross_entropy", (c) => ({ weight: c.v.abs(), reduction: "sum" }), (c, kw) => F.binary_cross_entropy(target(c), target(c).mul(0.5), kw as never),
      (c) => F.binary_cross_entropy(target(c), target(c).mul(0.5), { weight: c.v.abs(), reduction: "sum" })),
    row("binary_cross_entropy_with_logits", (c) => ({ weight: c.v.abs(), reduction: "none", pos_weight: c.v.abs() }),
      (c, kw) => F.binary_cross_entropy_with_logits(c.x, target(c), kw as never),
      (c) => F.binary_cross_entropy_with_logits(c.x, target(c), { weight: c.v.abs(), reduction: "none", pos_weight: c.v.abs() })),
    ...convRows(row),
    ...["nll_loss", "cross_entropy"].map((name) => row(name,
      (c) => ({ weight: c.v.abs(), ignore_index: 0, reduction: "sum", ...(name === "cross_entropy" ? { label_smoothing: 0.1 } : {}) }),
      (c, kw) => call(fn(name), c.x, labels(c), kw),
      (c) => call(fn(name), c.x, labels(c), { weight: c.v.abs(), ignore_index: 0, reduction: "sum", ...(name === "cross_entropy" ? { label_smoothing: 0.1 } : {}) }))),
  ];
}

/** Convolution, pooling, resampling and unfold/fold: every keyword, named against by position. */
function convRows(row: (name: string, kw: (c: Ctx) => Kw, named: (c: Ctx, kw: Kw) => unknown, positional: (c: Ctx) => unknown) => Row): Row[] {
  const F = torch.nn.functional;
  const img = (c: Ctx) => c.x.reshape([1, 1, 2, 3]);
  const kernel = (c: Ctx) => c.x.narrow(1, 0, 2).reshape([1, 1, 2, 2]);
  const bias = (c: Ctx) => c.v.narrow(0, 0, 1);
  const fn = (name: string) => (F as unknown as Record<string, unknown>)[name];
  const both = (name: string, input: (c: Ctx) => torch.Tensor, kw: (c: Ctx) => Kw, values: (c: Ctx) => unknown[]) =>
    row(name, kw, (c, k) => call(fn(name), input(c), k), (c) => call(fn(name), input(c), ...values(c)));
  return [
    both("conv2d", img, (c) => ({ weight: kernel(c), bias: bias(c), stride: 1, padding: 1, dilation: 1, groups: 1 }),
      (c) => [kernel(c), bias(c), 1, 1, 1, 1]),
    both("conv1d", (c) => c.x.unsqueeze(0), (c) => ({ weight: c.x.narrow(1, 0, 2).narrow(0, 0, 1).reshape([1, 2, 1]), bias: bias(c), stride: 2, padding: "valid", dilation: 1, groups: 1 }),
      (c) => [c.x.narrow(1, 0, 2).narrow(0, 0, 1).reshape([1, 2, 1]), bias(c), 2, "valid", 1, 1]),
    both("conv_transpose2d", img, (c) => ({ weight: kernel(c), bias: bias(c), stride: 2, padding: 1, output_padding: 1, groups: 1, dilation: 1 }),
      (c) => [kernel(c), bias(c), 2, 1, 1, 1, 1]),
    both("max_pool2d", img, () => ({ kernel_size: 2, stride: 1, padding: 1, dilation: 1, ceil_mode: true, return_indices: false }), () => [2, 1, 1, 1, true, false]),
    both("avg_pool2d", img, () => ({ kernel_size: 2, stride: 1, padding: 1, ceil_mode: true, count_include_pad: false, divisor_override: null }),
      () => [2, 1, 1, true, false, null]),
    both("adaptive_avg_pool2d", img, () => ({ output_size: [1, 2] }), () => [[1, 2]]),
    both("interpolate", img, () => ({ size: null, scale_factor: 2, mode: "bilinear", align_corners: true, recompute_scale_factor: true, antialias: false }),
      () => [null, 2, "bilinear", true, true, false]),
    both("unfold", img, () => ({ kernel_size: 2, dilation: 1, padding: 1, stride: 2 }), () => [2, 1, 1, 2]),
    both("fold", (c) => c.x.reshape([1, 2, 3]), () => ({ output_size: [2, 5], kernel_size: [2, 1], dilation: 1, padding: 0, stride: [1, 2] }),
      () => [[2, 5], [2, 1], 1, 0, [1, 2]]),
    both("dropout2d", img, () => ({ p: 0.5, training: false, inplace: false }), () => [0.5, false, false]),
  ];
}

/** Each layer and loss constructor's keywords: both ways, the same `print(module)` text. */
function moduleRows(): Row[] {
  const nn = torch.nn as unknown as Record<string, new (...a: unknown[]) => torch.nn.Module>;
  const build = (name: string, args: unknown[]) => {
    torch.manual_seed(0);
    return String(new nn[name]!(...args));
  };
  // [class, leading positional arguments, options, the same call by position (or null: options only)]
  const rows: [string, unknown[], (c: Ctx) => Kw, unknown[] | null][] = [
    ["Linear", [3, 2], (c) => ({ bias: false, device: c.device, dtype: "float32" }), [3, 2, false]],
    ["Dropout", [], () => ({ p: 0.2, inplace: true }), [0.2, true]],
    ["ReLU", [], () => ({ inplace: true }), [true]],
    ["LeakyReLU", [], () => ({ negative_slope: 0.2, inplace: true }), [0.2, true]],
    ["GELU", [], () => ({ approximate: "tanh" }), ["tanh"]],
    ["Softmax", [], () => ({ dim: 1 }), [1]],
    ["LogSoftmax", [], () => ({ dim: 0 }), [0]],
    ["Flatten", [], () => ({ start_dim: 0, end_dim: 1 }), [0, 1]],
    ["BatchNorm1d", [3], (c) => ({ eps: 0.1, momentum: 0.5, affine: false, track_running_stats: false, device: c.device, dtype: "float32" }), null],
    ["LayerNorm", [3], (c) => ({ eps: 0.1, elementwise_affine: false, device: c.device, dtype: "float32" }), null],
    ["Embedding", [4, 2], (c) => ({ padding_idx: 0, _weight: null, _freeze: false, device: c.device, dtype: "float32" }), null],
    ["BatchNorm2d", [3], (c) => ({ eps: 0.1, momentum: 0.5, affine: false, track_running_stats: false, device: c.device, dtype: "float32" }), null],
    ["Dropout2d", [], () => ({ p: 0.2, inplace: true }), [0.2, true]],
    ["Conv2d", [2, 4, 3], (c) => ({ stride: 1, padding: "same", dilation: 2, groups: 2, bias: false, padding_mode: "zeros", device: c.device, dtype: "float32" }),
      [2, 4, 3, 1, "same", 2, 2, false]],
    ["Conv1d", [2, 4, 3], (c) => ({ stride: 2, padding: 1, dilation: 1, groups: 1, bias: true, padding_mode: "zeros", device: c.device, dtype: "float32" }),
      [2, 4, 3, 2, 1, 1, 1, true]],
    ["ConvTranspose2d", [2, 4, 3], (c) => ({ stride: 2, padding: 1, output_padding: 1, groups: 2, bias: false, dilation: 1, padding_mode: "zeros",
      device: c.device, dtype: "float32" }), [2, 4, 3, 2, 1, 1, 2, false, 1]],
    ["MaxPool2d", [3], () => ({ stride: 2, padding: 1, dilation: 2, return_indices: true, ceil_mode: true }), [3, 2, 1, 2, true, true]],
    ["AvgPool2d", [3], () => ({ stride: 2, padding: 1, ceil_mode: true, count_include_pad: false, divisor_override: 2 }), [3, 2, 1, true, false, 2]],
    ["AdaptiveAvgPool2d", [], () => ({ output_size: [2, null] }), [[2, null]]],
    ["Upsample", [], () => ({ size: null, scale_factor: 2, mode: "bilinear", align_corners: true, recompute_scale_factor: null }), [null, 2, "bilinear", true]],
    ["MSELoss", [], () => ({ reduction: "sum" }), null],
    ["L1Loss", [], () => ({ reduction: "none" }), null],
    ["SmoothL1Loss", [], () => ({ reduction: "sum", beta: 0.5 }), null],
    ["HuberLoss", [], () => ({ reduction: "sum", delta: 0.5 }), null],
    ["BCELoss", [], (c) => ({ weight: c.v, reduction: "sum" }), null],
    ["BCEWithLogitsLoss", [], (c) => ({ weight: c.v, reduction: "sum", pos_weight: c.v }), null],
    ["NLLLoss", [], (c) => ({ weight: c.v, ignore_index: 1, reduction: "sum" }), null],
    ["CrossEntropyLoss", [], (c) => ({ weight: c.v, ignore_index: 1, reduction: "sum", label_smoothing: 0.1 }), null],
  ];
  return rows.map(([name, lead, kw, positional]): Row => ({
    op: "nn." + name,
    kw,
    named: (c, k) => build(name, [...lead, k]),
    // Options-only constructors have no positional form: their rows check that every key is
    // accepted (and, below, that a misspelt one is refused).
    positional: (c) => (positional ? build(name, positional) : build(name, [...lead, Object.fromEntries(Object.entries(kw(c)))])),
  }));
}

/** Each optimizer's keywords: one step on `sum(p * p * v)`, constructed both ways. */
function optimRows(): Row[] {
  const step = (c: Ctx, make: (p: torch.Tensor[]) => torch.optim.Optimizer) => {
    const p = c.x.clone().requires_grad_();
    const opt = make([p]);
    for (let i = 0; i < 2; i++) {
      opt.zero_grad();
      p.mul(p).mul(c.v).sum().backward();
      opt.step();
    }
    return p.detach();
  };
  const O = torch.optim as unknown as Record<string, new (...a: unknown[]) => torch.optim.Optimizer>;
  const rows: [string, Kw][] = [
    ["SGD", { momentum: 0.9, dampening: 0, weight_decay: 0.1, nesterov: true, maximize: true }],
    ["Adam", { betas: [0.8, 0.9], eps: 1e-6, weight_decay: 0.1, amsgrad: true, maximize: true }],
    ["AdamW", { betas: [0.8, 0.9], eps: 1e-6, weight_decay: 0.1, amsgrad: true, maximize: true }],
    ["RMSprop", { alpha: 0.9, eps: 1e-6, weight_decay: 0.1, momentum: 0.5, centered: true, maximize: true }],
    ["Adagrad", { lr_decay: 0.1, weight_decay: 0.1, initial_accumulator_value: 0.5, eps: 1e-6, maximize: true }],
  ];
  return rows.map(([name, kw]): Row => ({
    op: name,
    kw: () => ({ lr: 0.05, ...kw }),
    named: (c, k) => step(c, (p) => new O[name]!(p, k)),
    positional: (c) => step(c, (p) => new O[name]!(p, 0.05, kw)),
  }));
}

/** Tensors of a result, in order (a tensor, a list of them, or values/indices). */
function tensorsOf(r: unknown): torch.Tensor[] {
  if (r instanceof torch.Tensor) return [r];
  if (r !== null && typeof r === "object" && Symbol.iterator in r) return [...(r as Iterable<torch.Tensor>)];
  throw new Error(`keywords: a row returned ${String(r)}, not tensors`);
}

async function expectSame(named: unknown, positional: unknown, what: string): Promise<void> {
  if (typeof named === "string" || typeof positional === "string") return void expect(named, what).toBe(positional);
  const a = tensorsOf(named), b = tensorsOf(positional);
  expect(a.length, `${what}: number of outputs`).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    expect([x.shape, x.dtype, x.device.type, x.requires_grad], `${what}: output ${i}'s shape, dtype, device, requires_grad`)
      .toEqual([y.shape, y.dtype, y.device.type, y.requires_grad]);
    expect(Array.from(await x.data()), `${what}: output ${i}'s values`).toEqual(Array.from(await y.data()));
  }
}

/** Register the keyword table's tests for `device`. */
export function registerKeywordTests(device: string): void {
  const ctx = (): Ctx => {
    const f = (data: number[] | number[][], dtype: torch.DType = "float32") => torch.tensor(data, { dtype, device });
    return {
      device,
      x: f([[0.5, -1.5, 2], [3, -0.25, 1]]),
      v: f([1, -2, 0.5]),
      n: f([[1, 2], [3, 4]], "int32"),
      idx: f([[0, 2], [1, 0]], "int32"),
      gen: () => new torch.Generator().manual_seed(7),
    };
  };
  // Names by row number: the options hold tensors, which a GPU device can only make once initialised.
  ROWS.forEach((row, i) => {
    it(`${row.op} (row ${i}) with options equals its positional form`, async () => {
      const c = ctx();
      await expectSame(row.named(c, row.kw(c)), row.positional(c), `${row.op} row ${i}`);
    });
    it(`${row.op} (row ${i}) with a misspelt key is refused, naming the op and the key`, () => {
      const c = ctx();
      expect(() => row.named(c, { ...row.kw(c), dimm: 1 })).toThrow(new RegExp(`^${row.op}\\(\\) got an unexpected keyword argument 'dimm'`));
    });
  });
  it("covers every keyword of every op in the registry", () => {
    const covered = new Map<string, Set<string>>();
    for (const row of ROWS) for (const k of Object.keys(row.kw(ctx()))) (covered.get(row.op) ?? covered.set(row.op, new Set()).get(row.op)!).add(k);
    const missing: string[] = [];
    for (const [op, keys] of KEYWORDS)
      for (const k of keys) if (!covered.get(op)?.has(k)) missing.push(`${op}: ${k}`);
    expect(missing.join("; ")).toBe("");
    expect(KEYWORDS.size).toBeGreaterThan(80);
  });
}
