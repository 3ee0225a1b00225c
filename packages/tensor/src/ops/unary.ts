/**
 * `torch.<op>(input)` for each row of the unary table (tables/unary.ts): one documented line
 * per op, the same code as the method `input.<op>()`. A row without its function here is a
 * compile error (the check at the end).
 */
import type { Tensor } from "../tensor.js";
import type { UnaryOp } from "../tables/unary.js";
import { unary } from "./elementwise.js";

const fn = (op: UnaryOp) => (input: Tensor): Tensor => unary(op, input);

/** `-input`. @example `torch.neg(torch.tensor([1.0, -2.0])) // tensor([-1.,  2.])` */
export const neg = fn("neg");
/** `|input|`. @example `torch.abs(torch.tensor([-1.5, 2.0])) // tensor([1.5000, 2.0000])` */
export const abs = fn("abs");
/** Square root. @example `torch.sqrt(torch.tensor([4.0, 2.0])) // tensor([2.0000, 1.4142])` */
export const sqrt = fn("sqrt");
/** `1 / sqrt(input)`. @example `torch.rsqrt(torch.tensor([4.0, 0.25])) // tensor([0.5000, 2.0000])` */
export const rsqrt = fn("rsqrt");
/** `e ** input`. @example `torch.exp(torch.tensor([0.0, 1.0])) // tensor([1.0000, 2.7183])` */
export const exp = fn("exp");
/** `exp(input) - 1`, accurate near 0. @example `torch.expm1(torch.tensor([1e-5, 1.0])) // tensor([1.0000e-05, 1.7183e+00])` */
export const expm1 = fn("expm1");
/** Natural logarithm. @example `torch.log(torch.tensor([1.0, 10.0])) // tensor([0.0000, 2.3026])` */
export const log = fn("log");
/** `log(1 + input)`, accurate near 0. @example `torch.log1p(torch.tensor([1e-5, 1.0])) // tensor([9.9999e-06, 6.9315e-01])` */
export const log1p = fn("log1p");
/** Base-2 logarithm. @example `torch.log2(torch.tensor([1.0, 8.0])) // tensor([0., 3.])` */
export const log2 = fn("log2");
/** Sine. @example `torch.sin(torch.tensor([0.0, 1.5708])) // tensor([0., 1.])` */
export const sin = fn("sin");
/** Cosine. @example `torch.cos(torch.tensor([0.0, 3.1416])) // tensor([ 1., -1.])` */
export const cos = fn("cos");
/** Tangent. @example `torch.tan(torch.tensor([0.0, 0.7854])) // tensor([0.0000, 1.0000])` */
export const tan = fn("tan");
/** Hyperbolic tangent. @example `torch.tanh(torch.tensor([0.0, 1.0])) // tensor([0.0000, 0.7616])` */
export const tanh = fn("tanh");
/** Logistic sigmoid `1 / (1 + exp(-input))`. @example `torch.sigmoid(torch.tensor([0.0, 2.0])) // tensor([0.5000, 0.8808])` */
export const sigmoid = fn("sigmoid");
/** `max(input, 0)`. @example `torch.relu(torch.tensor([-1.0, 2.0])) // tensor([0., 2.])` */
export const relu = fn("relu");
/** -1, 0 or 1 by sign (0 for NaN). @example `torch.sign(torch.tensor([-3.0, 0.0, 2.0])) // tensor([-1.,  0.,  1.])` */
export const sign = fn("sign");
/** Round down. @example `torch.floor(torch.tensor([-1.5, 1.5])) // tensor([-2.,  1.])` */
export const floor = fn("floor");
/** Round up. @example `torch.ceil(torch.tensor([-1.5, 1.5])) // tensor([-1.,  2.])` */
export const ceil = fn("ceil");
/** Round half to even. @example `torch.round(torch.tensor([0.5, 1.5, 2.5])) // tensor([0., 2., 2.])` */
export const round = fn("round");
/** Round toward zero. @example `torch.trunc(torch.tensor([-1.7, 1.7])) // tensor([-1.,  1.])` */
export const trunc = fn("trunc");
/** `1 / input`. @example `torch.reciprocal(torch.tensor([2.0, -4.0])) // tensor([ 0.5000, -0.2500])` */
export const reciprocal = fn("reciprocal");
/** The error function. @example `torch.erf(torch.tensor([0.0, 1.0])) // tensor([0.0000, 0.8427])` */
export const erf = fn("erf");
/** `input * input`. @example `torch.square(torch.tensor([-2.0, 3.0])) // tensor([4., 9.])` */
export const square = fn("square");
/** Elementwise logical not. @example `torch.logical_not(torch.tensor([0, 1])) // tensor([ True, False])` */
export const logical_not = fn("logical_not");
/** Whether each element is NaN. @example `torch.isnan(torch.tensor([1.0, NaN])) // tensor([False,  True])` */
export const isnan = fn("isnan");

// Every row of the table has its function above: a missing one names itself here.
type Missing = Exclude<UnaryOp, keyof typeof import("./unary.js")>;
const everyRowHasAFunction: [Missing] extends [never] ? true : Missing = true;
void everyRowHasAFunction;
