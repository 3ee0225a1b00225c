/**
 * Every elementwise unary op, one row each: the dtype of its result, what its graph node
 * saves, its gradient and the name PyTorch prints for that node. The op names (`UnaryOp`), the
 * backends' kernel tables (`Record<UnaryOp, …>`), the `Tensor` methods and autograd's rules all
 * derive from these keys, so an op missing anywhere is a compile error.
 *
 * As in PyTorch's `derivatives.yaml` (a formula that names `result` saves the output) and
 * tfjs's gradients (`outputsToSave` beside `gradFunc`), what is saved and the formula that reads
 * it sit side by side. Gradients are written once with tensor ops (Decision 3), so they run on
 * every backend and are themselves differentiated under `create_graph`; `@flambeau/autograd`'s
 * engine runs them.
 */
import type { Tensor } from "../tensor.js";

/** What a graph node keeps for its gradient: PyTorch's `self` (the input) or `result`. */
export type Saves = "input" | "result";

/**
 * One op. `grad` is required, so a new op's author decides: a gradient of the incoming
 * gradient `g` and the saved tensor (`saves` names which), one that needs nothing saved
 * (`saves: null`), or `null` for an op without one (predicates).
 *
 * @internal The op table is the backends' and autograd's plumbing, not user API.
 */
export type UnaryRow = {
  /** The result's dtype: the input's, its floating counterpart (integers give float32), or bool. */
  readonly result: "same" | "float" | "bool";
  /** PyTorch's error for a bool input, where PyTorch refuses one. */
  readonly refuseBool?: string;
  /** `false` where PyTorch has no in-place form (`isnan_`); every other row gets `x.<op>_()`. */
  readonly inPlace?: false;
} & (
  | { readonly saves: Saves; readonly grad: (g: Tensor, saved: Tensor) => Tensor; readonly node: string }
  | { readonly saves: null; readonly grad: (g: Tensor) => Tensor; readonly node: string }
  | { readonly saves?: undefined; readonly grad: null; readonly node?: undefined }
);

/** The gradient of a step function: zero wherever it is defined (PyTorch's convention). */
const zero = (g: Tensor): Tensor => g.mul(0);

// Each gradient states its return type: `Tensor`'s methods derive from this table's keys, so
// inferring it would make the table's type depend on itself.
/** @internal Every elementwise unary op, one row each (see {@link UnaryRow}). */
export const UNARY_OPS = {
  neg: {
    result: "same", saves: null, grad: (g): Tensor => g.neg(), node: "NegBackward0",
    refuseBool: "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
  },
  abs: { result: "same", saves: "input", grad: (g, x): Tensor => g.mul(x.sign()), node: "AbsBackward0" },
  sqrt: { result: "float", saves: "result", grad: (g, y): Tensor => g.div(y.mul(2)), node: "SqrtBackward0" },
  rsqrt: { result: "float", saves: "result", grad: (g, y): Tensor => g.mul(y.pow(3).mul(-0.5)), node: "RsqrtBackward0" },
  exp: { result: "float", saves: "result", grad: (g, y): Tensor => g.mul(y), node: "ExpBackward0" },
  expm1: { result: "float", saves: "result", grad: (g, y): Tensor => g.mul(y.add(1)), node: "Expm1Backward0" },
  log: { result: "float", saves: "input", grad: (g, x): Tensor => g.div(x), node: "LogBackward0" },
  log1p: { result: "float", saves: "input", grad: (g, x): Tensor => g.div(x.add(1)), node: "Log1PBackward0" },
  log2: { result: "float", saves: "input", grad: (g, x): Tensor => g.div(x.mul(Math.LN2)), node: "Log2Backward0" },
  sin: { result: "float", saves: "input", grad: (g, x): Tensor => g.mul(x.cos()), node: "SinBackward0" },
  cos: { result: "float", saves: "input", grad: (g, x): Tensor => g.mul(x.sin().neg()), node: "CosBackward0" },
  tan: { result: "float", saves: "result", grad: (g, y): Tensor => g.mul(y.square().add(1)), node: "TanBackward0" },
  tanh: { result: "float", saves: "result", grad: (g, y): Tensor => g.mul(y.square().neg().add(1)), node: "TanhBackward0" },
  sigmoid: { result: "float", saves: "result", grad: (g, y): Tensor => g.mul(y.mul(y.neg().add(1))), node: "SigmoidBackward0" },
  relu: { result: "same", saves: "result", grad: (g, y): Tensor => g.where(y.gt(0), 0), node: "ReluBackward0" },
  sign: { result: "same", saves: null, grad: zero, node: "SignBackward0" },
  floor: { result: "same", saves: null, grad: zero, node: "FloorBackward0" },
  ceil: { result: "same", saves: null, grad: zero, node: "CeilBackward0" },
  round: { result: "same", saves: null, grad: zero, node: "RoundBackward0" },
  trunc: { result: "same", saves: null, grad: zero, node: "TruncBackward0" },
  reciprocal: { result: "float", saves: "result", grad: (g, y): Tensor => g.mul(y.square().neg()), node: "ReciprocalBackward0" },
  erf: {
    result: "float", saves: "input", grad: (g, x): Tensor => g.mul(x.square().neg().exp().mul(2 / Math.sqrt(Math.PI))), node: "ErfBackward0",
  },
  // PyTorch computes square as pow(x, 2), hence its node's name.
  square: { result: "same", saves: "input", grad: (g, x): Tensor => g.mul(x.mul(2)), node: "PowBackward0" },
  logical_not: { result: "bool", grad: null },
  isnan: { result: "bool", grad: null, inPlace: false },
} satisfies Record<string, UnaryRow>;

/** The name of an elementwise unary op; the keys of `UNARY_OPS`. */
export type UnaryOp = keyof typeof UNARY_OPS;

/** The unary ops with a gradient: those whose nodes the graph records. */
export type DifferentiableUnaryOp = { [K in UnaryOp]: (typeof UNARY_OPS)[K]["grad"] extends null ? never : K }[UnaryOp];

/** The unary ops' names, in table order. */
export const unaryOps = Object.keys(UNARY_OPS) as UnaryOp[];

/** The unary ops PyTorch has an in-place form of (`x.exp_()`): every row without `inPlace: false`. */
export type InPlaceUnaryOp = { [K in UnaryOp]: (typeof UNARY_OPS)[K] extends { inPlace: false } ? never : K }[UnaryOp];
/** {@link InPlaceUnaryOp}'s names, in table order. */
export const inPlaceUnaryOps = unaryOps.filter((op) => (UNARY_OPS[op] as UnaryRow).inPlace !== false) as InPlaceUnaryOp[];
