/**
 * Every binary op of the backend interface as one float32 recipe of `a` and `b`, the same on
 * WebGPU and gpu.js (see unary.ts for the rule). Integer forms stay in each backend: WGSL has
 * real i32, gpu.js holds integers in floats, so their wrap-around and faults differ.
 */
import type { BinaryOp } from "@flambeau/tensor/internal";
import {
  INF, NAN, NEG_INF, abs, add, and, call, div, eq, floor, ge, gt, guard, if_, isinf, isnan, le, let_, lt, mul, ne, negIf,
  nonzero, not, or, recipe, ret, sel, set, signbit, sub, type Expr, type Recipe, type Stmt,
} from "./expr.js";

const PI = 3.141592653589793;
const nanIn: Stmt = guard(or(isnan("a"), isnan("b")), NAN);

/** `b` is an odd integer (floats of 2^24 and above are all even). */
const odd = and(lt(abs("b"), 16777216), eq(sub(abs("b"), mul(2, floor(mul(abs("b"), 0.5)))), 1));

/** C's pow (which PyTorch's is): GPU pow is exp2(b * log2(a)), undefined for a <= 0 and at the infinities. */
export const pow = recipe("pow", ["a", "b"], [
  guard(or(eq("a", 1), eq("b", 0)), 1),
  nanIn,
  // Exact where PyTorch's CPU is exact.
  guard(eq("b", 1), "a"),
  guard(eq("b", 2), mul("a", "a")),
  guard(isinf("b"), sel(eq(abs("a"), 1), 1, sel(eq(gt(abs("a"), 1), gt("b", 0)), INF, 0))),
  let_("r", sel(lt("b", 0), INF, 0)),
  // ±0 and ±Infinity: the magnitude by the exponent's sign, negative for an odd exponent of a negative base.
  guard(eq("a", 0), negIf(and(odd, signbit("a")), "r")),
  guard(isinf("a"), negIf(and(odd, lt("a", 0)), sel(lt("b", 0), 0, INF))),
  guard(and(lt("a", 0), ne(floor("b"), "b")), NAN),
  ret(negIf(and(lt("a", 0), odd), call("pow", abs("a"), "b"))),
]);

/** atan2(a, b) as C: the GPUs' built-in is undefined at zeros and infinities. */
export const atan2 = recipe("atan2", ["a", "b"], [
  nanIn,
  guard(and(isinf("a"), isinf("b")), negIf(lt("a", 0), sel(gt("b", 0), PI / 4, (3 * PI) / 4))),
  guard(isinf("a"), sel(lt("a", 0), -PI / 2, PI / 2)),
  guard(or(isinf("b"), eq("a", 0)), negIf(signbit("a"), sel(signbit("b"), PI, 0))),
  ret(call("atan2", "a", "b")),
]);

/**
 * Floor division and Python's modulo from one quotient: `q = floor(a / b)` may be one off (GPU
 * division is not correctly rounded), so the remainder is brought into the divisor's half-open
 * range and the quotient follows it. Finite operands, `b` nonzero; callers handle the rest.
 */
const floorDivMod: Stmt[] = [
  let_("q", floor(div("a", "b"))),
  let_("m", sub("a", mul("q", "b"))),
  if_(
    gt("b", 0),
    [if_(lt("m", 0), [set("m", add("m", "b")), set("q", sub("q", 1))]), if_(ge("m", "b"), [set("m", sub("m", "b")), set("q", add("q", 1))])],
    [if_(gt("m", 0), [set("m", add("m", "b")), set("q", sub("q", 1))]), if_(le("m", "b"), [set("m", sub("m", "b")), set("q", add("q", 1))])],
  ),
];

/** PyTorch's floating floor_divide: a / b for b = 0; NaN where fmod is NaN. */
export const floor_divide = recipe("floor_divide", ["a", "b"], [
  nanIn,
  guard(eq("b", 0), sel(eq("a", 0), NAN, sel(eq(signbit("a"), signbit("b")), INF, NEG_INF))),
  guard(isinf("a"), NAN),
  guard(isinf("b"), sel(or(eq("a", 0), eq(lt("a", 0), lt("b", 0))), 0, -1)),
  ...floorDivMod,
  ret("q"),
]);

/** Python's modulo, as torch.remainder: the result takes the divisor's sign. */
export const remainder = recipe("remainder", ["a", "b"], [
  guard(or(or(isnan("a"), isnan("b")), or(isinf("a"), eq("b", 0))), NAN),
  guard(isinf("b"), sel(and(ne("a", 0), ne(lt("a", 0), lt("b", 0))), add("a", "b"), "a")),
  ...floorDivMod,
  ret("m"),
]);

/** C's fmod, as torch.fmod: the remainder of truncated division, with the dividend's sign. */
export const fmod = recipe("fmod", ["a", "b"], [
  guard(or(or(isnan("a"), isnan("b")), or(isinf("a"), eq("b", 0))), NAN),
  guard(or(isinf("b"), eq("a", 0)), "a"),
  ...floorDivMod,
  // Python's modulo has the divisor's sign; where the dividend's differs, step back by one divisor.
  ret(sel(and(ne("m", 0), ne(lt("m", 0), lt("a", 0))), sub("m", "b"), "m")),
]);

/** NaN in either operand wins, as in torch.maximum and torch.minimum. */
const extremum = (name: string, better: typeof gt) =>
  recipe(name, ["a", "b"], [guard(isnan("a"), "a"), guard(isnan("b"), "b"), ret(sel(better("a", "b"), "a", "b"))]);

const predicate = (name: string, e: Expr) => recipe(name, ["a", "b"], [ret(e)], "bool");

/** Every binary op on float32 operands; comparisons and logical ops return bool. */
export const BINARY: Record<BinaryOp, Recipe> = {
  add: recipe("add", ["a", "b"], [ret(add("a", "b"))]),
  sub: recipe("sub", ["a", "b"], [ret(sub("a", "b"))]),
  mul: recipe("mul", ["a", "b"], [ret(mul("a", "b"))]),
  div: recipe("div", ["a", "b"], [ret(div("a", "b"))]),
  pow, atan2, floor_divide, remainder, fmod,
  maximum: extremum("maximum", gt),
  minimum: extremum("minimum", lt),
  eq: predicate("eq", eq("a", "b")),
  ne: predicate("ne", not(eq("a", "b"))),
  lt: predicate("lt", lt("a", "b")),
  le: predicate("le", le("a", "b")),
  gt: predicate("gt", gt("a", "b")),
  ge: predicate("ge", ge("a", "b")),
  // Nonzero, NaN included, is true.
  logical_and: predicate("logical_and", and(nonzero("a"), nonzero("b"))),
  logical_or: predicate("logical_or", or(nonzero("a"), nonzero("b"))),
  logical_xor: predicate("logical_xor", ne(nonzero("a"), nonzero("b"))),
};
