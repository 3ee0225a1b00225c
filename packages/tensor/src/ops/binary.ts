/**
 * `torch.<op>(input, other)` for each row of the binary table (tables/binary.ts) that takes no
 * keyword beyond `other`: one documented line per op, `other` bindable by name
 * (`torch.mul(x, { other: y })`), the same code as the method `input.<op>(other)`. The ops with
 * more keywords (`add`, `sub`, `div`, `pow`) are bound in signatures.ts; a row missing from both
 * is a compile error (the check at the end). Examples take `a = torch.tensor([1.0, 5.0])` and
 * `b = torch.tensor([3.0, 2.0])`.
 */
import { keywords, type Kw } from "../keywords.js";
import type { Tensor } from "../tensor.js";
import type { BinaryOp } from "../tables/binary.js";
import { binary, type TensorOrScalar } from "./elementwise.js";

/** The binary ops bound in signatures.ts, for their keywords (`alpha`, `rounding_mode`, `exponent`). */
export type BinaryOpWithKeywords = "add" | "sub" | "div" | "pow";
/** The binary ops bound here, whose only operands are `input` and `other`. */
export type PlainBinaryOp = Exclude<BinaryOp, BinaryOpWithKeywords>;
/** `torch.<op>(input, other)` or `(input, { other })`. */
export type PlainBinary = (input: TensorOrScalar, ...args: Kw<[other: TensorOrScalar], { other?: TensorOrScalar }>) => Tensor;

const fn = (op: PlainBinaryOp): PlainBinary =>
  keywords(`${op}(Tensor|Scalar input, /, Tensor|Scalar other)`, (a: TensorOrScalar, b: TensorOrScalar) => binary(op, a, b)) as unknown as PlainBinary;

/** `input * other`, broadcasting. @example `torch.mul(a, b) // tensor([ 3., 10.])` */
export const mul = fn("mul");
/** Elementwise maximum (NaN propagates). @example `torch.maximum(a, b) // tensor([3., 5.])` */
export const maximum = fn("maximum");
/** Elementwise minimum (NaN propagates). @example `torch.minimum(a, b) // tensor([1., 2.])` */
export const minimum = fn("minimum");
/** `floor(input / other)`. @example `torch.floor_divide(a, b) // tensor([0., 2.])` */
export const floor_divide = fn("floor_divide");
/** Python's `%`: the remainder has the sign of the divisor. @example `torch.remainder(a, b) // tensor([1., 1.])` */
export const remainder = fn("remainder");
/** C's `fmod`: the remainder of truncated division, with the sign of the dividend. @example `torch.fmod(torch.tensor([-7, 7]), 3) // tensor([-1, 1], dtype=torch.int32)` */
export const fmod = fn("fmod");
/** `atan2(input, other)`, the angle of the point `(other, input)`. @example `torch.atan2(a, b) // tensor([0.3218, 1.1903])` */
export const atan2 = fn("atan2");
/** `input == other`, as a bool tensor. @example `torch.eq(a, b) // tensor([False, False])` */
export const eq = fn("eq");
/** `input != other`. @example `torch.ne(a, b) // tensor([True, True])` */
export const ne = fn("ne");
/** `input < other`. @example `torch.lt(a, b) // tensor([ True, False])` */
export const lt = fn("lt");
/** `input <= other`. @example `torch.le(a, b) // tensor([ True, False])` */
export const le = fn("le");
/** `input > other`. @example `torch.gt(a, b) // tensor([False,  True])` */
export const gt = fn("gt");
/** `input >= other`. @example `torch.ge(a, b) // tensor([False,  True])` */
export const ge = fn("ge");
/** Elementwise logical and (non-zero is true). @example `torch.logical_and(a, b) // tensor([True, True])` */
export const logical_and = fn("logical_and");
/** Elementwise logical or. @example `torch.logical_or(a, b) // tensor([True, True])` */
export const logical_or = fn("logical_or");
/** Elementwise logical exclusive or. @example `torch.logical_xor(a, b) // tensor([False, False])` */
export const logical_xor = fn("logical_xor");

// Every plain row of the table has its function above: a missing one names itself here.
type Missing = Exclude<PlainBinaryOp, keyof typeof import("./binary.js")>;
const everyRowHasAFunction: [Missing] extends [never] ? true : Missing = true;
void everyRowHasAFunction;
