/**
 * Every unary op of the backend interface as one float32 recipe, the same on WebGPU and gpu.js.
 * The CPU backend's Math.* (double precision, then rounded) is the reference: these agree with
 * it to the conformance tolerance (float32 rtol 1e-4, atol 1e-5) on the fixtures, and exactly
 * on NaN, ±Infinity and the values PyTorch defines at the edges of each domain.
 *
 * GPU built-ins are used only where they are accurate on every GPU we test (abs, floor, ceil,
 * sqrt, exp, log on finite in-domain arguments); edges are spelled out, because GPUs differ
 * there (SwiftShader's exp(NaN) is +Infinity, GLSL leaves log(0) and sqrt(-1) undefined).
 */
import type { UnaryOp } from "@flambeau/tensor/internal";
import {
  INF, NAN, NEG_INF, abs, add, call, div, eq, floor, ge, guard, gt, horner, if_, isinf, isnan, let_, lt, mul, neg, negIf,
  nonzero, not, or, recipe, ret, sel, signbit, sub, use, type Recipe, type Stmt,
} from "./expr.js";

/** NaN in, NaN out, before anything else. */
const nanIn: Stmt = guard(isnan("x"), "x");

// exp overflows float32 above log(FLT_MAX) and underflows (past the subnormals) below log(2^-149).
const EXP_MAX = 88.72283935546875;
const EXP_MIN = -103.97208404541016;

export const exp = recipe("exp", ["x"], [nanIn, guard(gt("x", EXP_MAX), INF), guard(lt("x", EXP_MIN), 0), ret(call("exp", "x"))]);

/** Taylor series below |x| = 0.5 (relative error < 3e-10), where exp(x) - 1 would cancel. */
export const expm1 = recipe("expm1", ["x"], [
  nanIn,
  guard(lt(abs("x"), 0.5), mul("x", horner("x", [1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320, 1 / 362880]))),
  use("e", exp, "x"),
  ret(sub("e", 1)),
]);

export const log = recipe("log", ["x"], [
  nanIn, guard(lt("x", 0), NAN), guard(eq("x", 0), NEG_INF), guard(eq("x", INF), INF), ret(call("log", "x")),
]);

/** log(x) / log(2), from log's edges: 0 at 1, -inf at 0, NaN below. */
export const log2 = recipe("log2", ["x"], [use("l", log, "x"), ret(mul("l", 1 / Math.LN2))]);

/** log1p(x) = 2 atanh(z), z = x / (2 + x): |z| <= 1/5 below |x| = 0.5, where log(1 + x) would lose x's low bits. */
export const log1p = recipe("log1p", ["x"], [
  nanIn,
  guard(lt("x", -1), NAN),
  guard(eq("x", -1), NEG_INF),
  guard(eq("x", INF), INF),
  if_(lt(abs("x"), 0.5), [
    let_("z", div("x", add(2, "x"))),
    ret(mul(mul(2, "z"), horner(mul("z", "z"), [1, 1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11, 1 / 13]))),
  ]),
  ret(call("log", add(1, "x"))),
]);

/**
 * sin, cos and tan share one range reduction: x = k pi/2 + r with pi/2 in three parts (Cody and
 * Waite; k times the first two is exact in float32 while |x| < 2^16), so |r| <= pi/4, then
 * Cephes' sinf/cosf minimax polynomials on r. Software GPUs' own sin and cos are good to only
 * about 2e-4.
 */
function quadrant(): Stmt[] {
  return [
    guard(or(isnan("x"), isinf("x")), NAN),
    let_("k", floor(add(mul("x", 0.6366197723675814), 0.5))),
    let_("r", sub(sub(sub("x", mul("k", 1.5703125)), mul("k", 4.837512969970703e-4)), mul("k", 7.549789954891882e-8))),
    // 0, 1, 2 or 3: which of (s, c, -s, -c) sin(x) is.
    let_("q", sub("k", mul(4, floor(mul("k", 0.25))))),
    let_("z", mul("r", "r")),
    let_("sp", add(mul(mul(horner("z", [-1.6666654611e-1, 8.3321608736e-3, -1.9515295891e-4]), "z"), "r"), "r")),
    let_("cp", add(sub(mul(mul(horner("z", [4.166664568298827e-2, -1.388731625493765e-3, 2.443315711809948e-5]), "z"), "z"), mul(0.5, "z")), 1)),
  ];
}
const sinOf = sel(eq("q", 0), "sp", sel(eq("q", 1), "cp", sel(eq("q", 2), neg("sp"), neg("cp"))));
const cosOf = sel(eq("q", 0), "cp", sel(eq("q", 1), neg("sp"), sel(eq("q", 2), neg("cp"), "sp")));

export const sin = recipe("sin", ["x"], [...quadrant(), ret(sinOf)]);
export const cos = recipe("cos", ["x"], [...quadrant(), ret(cosOf)]);
export const tan = recipe("tan", ["x"], [...quadrant(), ret(div(sinOf, cosOf))]);

/**
 * (1 - e) / (1 + e) with e = exp(-2|x|), which never overflows; below |x| = 0.125, where 1 - e
 * would cancel, tanh's Taylor series (relative error < 2e-9).
 */
export const tanh = recipe("tanh", ["x"], [
  nanIn,
  let_("a", abs("x")),
  guard(lt("a", 0.125), mul("x", horner(mul("x", "x"), [1, -1 / 3, 2 / 15, -17 / 315, 62 / 2835]))),
  use("e", exp, mul(-2, "a")),
  ret(negIf(lt("x", 0), div(sub(1, "e"), add(1, "e")))),
]);

/** exp only ever sees -|x|, so it never overflows. */
export const sigmoid = recipe("sigmoid", ["x"], [
  nanIn,
  use("e", exp, neg(abs("x"))),
  ret(sel(ge("x", 0), div(1, add(1, "e")), div("e", add(1, "e")))),
]);

// W. J. Cody's rational form as XLA's ErfImpl32: erf(x) = x P(x^2) / Q(x^2) on [-4, 4], where
// float32 erf reaches ±1. Absolute error below 5e-7, no exp, no branch.
const ERF_P = [-1.60960333262415e-2, -2.95459980854025e-3, -7.34990630326855e-4, -5.69250639462346e-5, -2.10102402082508e-6, 2.77068142495902e-8, -2.72614225801306e-10];
const ERF_Q = [-1.42647390514189e-2, -7.37332916720468e-3, -1.68282697438203e-3, -2.13374055278905e-4, -1.45660718464996e-5];
export const erf = recipe("erf", ["x"], [
  nanIn,
  let_("c", sel(gt("x", 4), 4, sel(lt("x", -4), -4, "x"))),
  let_("z", mul("c", "c")),
  ret(div(mul("c", horner("z", ERF_P)), horner("z", ERF_Q))),
]);

/** Half to even, as torch.round (GLSL's round may go either way on halves). Above 2^23 every float is an integer. */
export const round = recipe("round", ["x"], [
  nanIn,
  guard(ge(abs("x"), 8388608), "x"),
  let_("f", floor("x")),
  let_("d", sub("x", "f")),
  guard(gt("d", 0.5), add("f", 1)),
  guard(lt("d", 0.5), "f"),
  ret(add("f", sub("f", mul(2, floor(mul("f", 0.5)))))),
]);

/** ±1 / 0 as C gives it: a GPU's division by zero is not defined. */
const overZero = sel(signbit("x"), NEG_INF, INF);

/** Every unary op, float32 in; predicates return bool. */
export const UNARY: Record<UnaryOp, Recipe> = {
  neg: recipe("neg", ["x"], [ret(neg("x"))]),
  abs: recipe("abs", ["x"], [nanIn, ret(abs("x"))]),
  sqrt: recipe("sqrt", ["x"], [nanIn, guard(lt("x", 0), NAN), guard(eq("x", INF), INF), ret(call("sqrt", "x"))]),
  rsqrt: recipe("rsqrt", ["x"], [
    nanIn, guard(lt("x", 0), NAN), guard(eq("x", INF), 0), guard(eq("x", 0), overZero), ret(div(1, call("sqrt", "x"))),
  ]),
  exp, expm1, log, log1p, log2, sin, cos, tan, tanh, sigmoid, erf, round,
  relu: recipe("relu", ["x"], [ret(sel(or(gt("x", 0), isnan("x")), "x", 0))]),
  // PyTorch's (0 < x) - (x < 0): NaN gives 0.
  sign: recipe("sign", ["x"], [ret(sel(gt("x", 0), 1, sel(lt("x", 0), -1, 0)))]),
  floor: recipe("floor", ["x"], [nanIn, ret(floor("x"))]),
  ceil: recipe("ceil", ["x"], [nanIn, ret(call("ceil", "x"))]),
  trunc: recipe("trunc", ["x"], [nanIn, ret(sel(lt("x", 0), call("ceil", "x"), floor("x")))]),
  reciprocal: recipe("reciprocal", ["x"], [nanIn, guard(eq("x", 0), overZero), ret(div(1, "x"))]),
  logical_not: recipe("logical_not", ["x"], [ret(not(nonzero("x")))], "bool"),
  isnan: recipe("isnan", ["x"], [ret(isnan("x"))], "bool"),
  square: recipe("square", ["x"], [ret(mul("x", "x"))]),
};
