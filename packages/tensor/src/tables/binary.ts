/**
 * Every broadcasting binary op, one row each: how its result's dtype follows from the promoted
 * operands, what its graph node saves, its gradient and the name PyTorch prints for that node.
 * `BinaryOp` is the keys; the backends' kernel tables are `Record<BinaryOp, …>`. See unary.ts
 * for the shape of a row; here a gradient returns one gradient per operand (null where the
 * operand needs none: `needs[i]`), and the engine sums broadcast dimensions away.
 */
import type { Tensor } from "../tensor.js";

/** The gradients of `(input, other)`. */
export type BinaryGrads = [Tensor | null, Tensor | null];
type Needs = readonly boolean[];

/**
 * `promote`: the promoted dtype of the operands (PyTorch's type promotion); `float`: that,
 * made floating (integers divide to float32); `bool`: a predicate, computed in the promoted
 * dtype and stored as bool.
 */
export type BinaryResult = "promote" | "float" | "bool";

/**
 * One broadcasting binary op: its result dtype, what its graph node saves, its gradient and node name.
 *
 * @internal The op table is the backends' and autograd's plumbing, not user API.
 */
export type BinaryRow = {
  readonly result: BinaryResult;
  /** PyTorch's error when both operands are bool, where PyTorch refuses them. */
  readonly refuseBool?: string;
  /** `false` where PyTorch has no in-place form (`maximum_`); every other row gets `x.<op>_(other)`. */
  readonly inPlace?: false;
} & (
  | { readonly saves: null; readonly grad: (g: Tensor, needs: Needs) => BinaryGrads; readonly node: string }
  | { readonly saves: "operands"; readonly grad: (g: Tensor, needs: Needs, a: Tensor, b: Tensor) => BinaryGrads; readonly node: string }
  | {
    readonly saves: "operands and result";
    readonly grad: (g: Tensor, needs: Needs, a: Tensor, b: Tensor, result: Tensor) => BinaryGrads;
    readonly node: string;
  }
  | { readonly saves?: undefined; readonly grad: null; readonly node?: undefined }
);

/** The larger (smaller) operand takes the gradient; ties split it in half. */
function minmax(a: Tensor, b: Tensor, g: Tensor, wins: "gt" | "lt"): BinaryGrads {
  const aw = a[wins](b), tie = a.eq(b);
  const half = g.mul(0.5);
  return [g.where(aw, half.where(tie, 0)), half.where(tie, g).where(aw.logical_not(), 0)];
}

// Gradients state their return type, as in unary.ts (Tensor's methods derive from the tables).
/** @internal Every broadcasting binary op, one row each (see {@link BinaryRow}). */
export const BINARY_OPS = {
  add: { result: "promote", saves: null, grad: (g): BinaryGrads => [g, g], node: "AddBackward0" },
  sub: {
    result: "promote", saves: null, grad: (g, needs): BinaryGrads => [g, needs[1] ? g.neg() : null], node: "SubBackward0",
    refuseBool: "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
  },
  mul: {
    result: "promote", saves: "operands", node: "MulBackward0",
    grad: (g, needs, a, b): BinaryGrads => [needs[0] ? g.mul(b) : null, needs[1] ? g.mul(a) : null],
  },
  div: {
    result: "float", saves: "operands", node: "DivBackward0",
    grad: (g, needs, a, b): BinaryGrads => [needs[0] ? g.div(b) : null, needs[1] ? g.neg().mul(a).div(b.square()) : null],
  },
  pow: {
    result: "promote", saves: "operands and result", node: "PowBackward1",
    grad: (g, needs, a, b, out): BinaryGrads => [
      // d/da a^b = b a^(b-1), taken as 0 where b == 0 (PyTorch's convention, avoiding 0 * inf).
      needs[0] ? g.mul(b).mul(a.pow(b.sub(1))).where(b.ne(0), 0) : null,
      // d/db a^b = a^b log a, taken as 0 where a == 0 and b >= 0.
      needs[1] ? g.mul(out).mul(a.log()).where(a.eq(0).logical_and(b.ge(0)).logical_not(), 0) : null,
    ],
  },
  maximum: { result: "promote", inPlace: false, saves: "operands", node: "MaximumBackward0", grad: (g, _, a, b): BinaryGrads => minmax(a, b, g, "gt") },
  minimum: { result: "promote", inPlace: false, saves: "operands", node: "MinimumBackward0", grad: (g, _, a, b): BinaryGrads => minmax(a, b, g, "lt") },
  atan2: {
    result: "float", saves: "operands", node: "Atan2Backward0",
    grad: (g, _, a, b): BinaryGrads => {
      const denom = a.square().add(b.square());
      return [g.mul(b).div(denom), g.mul(a).neg().div(denom)];
    },
  },
  floor_divide: {
    // PyTorch records a node whose backward refuses to run.
    result: "promote", saves: null, node: "NotImplemented",
    grad: (): BinaryGrads => {
      throw new Error("the derivative for 'floor_divide' is not implemented");
    },
  },
  remainder: {
    result: "promote", saves: "operands", node: "RemainderBackward1",
    grad: (g, needs, a, b): BinaryGrads => [g, needs[1] ? g.neg().mul(a.floor_divide(b)) : null],
  },
  fmod: {
    result: "promote", saves: "operands", node: "FmodBackward1",
    grad: (g, needs, a, b): BinaryGrads => [g, needs[1] ? g.neg().mul(a.div(b, { rounding_mode: "trunc" })) : null],
  },
  eq: { result: "bool", grad: null },
  ne: { result: "bool", grad: null },
  lt: { result: "bool", grad: null },
  le: { result: "bool", grad: null },
  gt: { result: "bool", grad: null },
  ge: { result: "bool", grad: null },
  logical_and: { result: "bool", grad: null },
  logical_or: { result: "bool", grad: null },
  logical_xor: { result: "bool", grad: null },
} satisfies Record<string, BinaryRow>;

/** The name of a broadcasting binary op; the keys of `BINARY_OPS`. */
export type BinaryOp = keyof typeof BINARY_OPS;

/** The binary ops with a gradient: those whose nodes the graph records. */
export type DifferentiableBinaryOp = { [K in BinaryOp]: (typeof BINARY_OPS)[K]["grad"] extends null ? never : K }[BinaryOp];

/** The binary ops' names, in table order. */
export const binaryOps = Object.keys(BINARY_OPS) as BinaryOp[];

/** The binary ops PyTorch has an in-place form of (`x.fmod_(2)`): every row without `inPlace: false`. */
export type InPlaceBinaryOp = { [K in BinaryOp]: (typeof BINARY_OPS)[K] extends { inPlace: false } ? never : K }[BinaryOp];
/** {@link InPlaceBinaryOp}'s names, in table order. */
export const inPlaceBinaryOps = binaryOps.filter((op) => (BINARY_OPS[op] as BinaryRow).inPlace !== false) as InPlaceBinaryOp[];
