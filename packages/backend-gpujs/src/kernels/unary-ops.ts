/**
 * Each unary op as kernel statements that set `r` from `x` (both float variables), with
 * PyTorch's results at the edges: NaN where PyTorch gives NaN, infinities where it gives
 * them. GLSL leaves `sqrt(-1)`, `log(0)` and `pow` of negatives undefined, and its `tanh`,
 * `expm1` and `log1p` (where gpu.js provides them) lose accuracy or overflow, so those are
 * spelled out. `nanv` and `infv` are uniforms holding NaN and +Infinity: a literal `0.0/0.0`
 * may be folded away or rejected by a shader compiler.
 */
import type { UnaryOp } from "@flambeau/tensor";

// x * (1 + x2 * (c1 + x2 * (c2 + …))), Horner form of an odd series.
function horner(v: string, coefficients: readonly number[]): string {
  let s = String(coefficients[coefficients.length - 1]);
  for (let i = coefficients.length - 2; i >= 0; i--) s = `${coefficients[i]} + ${v} * (${s})`;
  return s;
}

/** erf's Maclaurin series in x^2 (times x): 2/sqrt(pi) * sum (-1)^n x^(2n) / (n! (2n+1)). */
const ERF_SERIES = Array.from({ length: 12 }, (_, n) => {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return ((n % 2 === 0 ? 1 : -1) * 2) / Math.sqrt(Math.PI) / (f * (2 * n + 1));
});

/**
 * sin and cos of `x` in `s` and `c`: GPUs' built-ins can be far off (SwiftShader's are good
 * to about 2e-4), so `x` is reduced by pi/2 (Cody-Waite: pi/2 split in three parts, the first
 * two exact in few bits) and the series run on |t| <= pi/4, good to float32 rounding.
 */
const SINCOS =
  "let k = Math.floor(x * 0.6366197723675814 + 0.5); " +
  "let t = ((x - k * 1.5703125) - k * 0.0004837512969970703) - k * 7.549789954891882e-8; " +
  `let t2 = t * t; let sn = t * (${horner("t2", [1, -1 / 6, 1 / 120, -1 / 5040, 1 / 362880, -1 / 39916800])}); ` +
  `let cs = ${horner("t2", [1, -1 / 2, 1 / 24, -1 / 720, 1 / 40320, -1 / 3628800, 1 / 479001600])}; ` +
  "let quadrant = k - 4 * Math.floor(k / 4); let s = sn; let c = cs; " +
  "if (quadrant == 1) { s = cs; c = -sn; } else if (quadrant == 2) { s = -sn; c = -cs; } else if (quadrant == 3) { s = -cs; c = sn; }";

const UNARY: Record<UnaryOp, string> = {
  neg: "r = -x;",
  abs: "r = Math.abs(x);",
  sqrt: "if (x < 0) { r = nanv; } else { r = Math.sqrt(x); }",
  rsqrt: "if (x < 0) { r = nanv; } else if (x == 0) { r = infv; } else { r = 1 / Math.sqrt(x); }",
  exp: "r = Math.exp(x);",
  // Series below 0.5 (error < 1e-8 relative), where exp(x) - 1 would cancel.
  expm1: `if (Math.abs(x) < 0.5) { r = x * (${horner("x", [1, 1 / 2, 1 / 6, 1 / 24, 1 / 120, 1 / 720, 1 / 5040, 1 / 40320, 1 / 362880])}); } else { r = Math.exp(x) - 1; }`,
  log: "if (x < 0) { r = nanv; } else if (x == 0) { r = -infv; } else { r = Math.log(x); }",
  // log1p(x) = 2 atanh(z), z = x / (2 + x), |z| <= 1/3 below |x| = 0.5.
  log1p: `if (x < -1) { r = nanv; } else if (x == -1) { r = -infv; } else if (Math.abs(x) < 0.5) { let z = x / (2 + x); let z2 = z * z; r = 2 * z * (${horner("z2", [1, 1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11, 1 / 13, 1 / 15])}); } else { r = Math.log(1 + x); }`,
  sin: `${SINCOS} r = s;`,
  cos: `${SINCOS} r = c;`,
  tan: `${SINCOS} r = s / c;`,
  // exp(-2|x|) never overflows; the series covers small |x|, where 1 - e would cancel.
  tanh: `let a = Math.abs(x); if (a < 0.125) { let x2 = x * x; r = x * (${horner("x2", [1, -1 / 3, 2 / 15, -17 / 315, 62 / 2835])}); } else { let e = Math.exp(-2 * a); r = (1 - e) / (1 + e); if (x < 0) { r = -r; } }`,
  // exp only ever sees a non-positive argument.
  sigmoid: "if (x >= 0) { r = 1 / (1 + Math.exp(-x)); } else { let e = Math.exp(x); r = e / (1 + e); }",
  // NaN passes through as in PyTorch (spelled out: a compiler may turn `x <= 0` into `!(x > 0)`).
  relu: "if (x > 0 || x != x) { r = x; } else { r = 0; }",
  // (0 < x) - (x < 0): NaN gives 0.
  sign: "if (x > 0) { r = 1; } else if (x < 0) { r = -1; } else { r = 0; }",
  floor: "r = Math.floor(x);",
  ceil: "r = Math.ceil(x);",
  // Half to even, as torch.round (GLSL's round may go either way on halves).
  round:
    "let f = Math.floor(x); let d = x - f; if (d > 0.5) { r = f + 1; } else if (d < 0.5) { r = f; } else { r = f; if (f - 2 * Math.floor(f / 2) != 0) { r = f + 1; } }",
  trunc: "if (x < 0) { r = Math.ceil(x); } else { r = Math.floor(x); }",
  reciprocal: "r = 1 / x;",
  // Series below 1 (to 1e-8), Abramowitz & Stegun 7.1.26 above (absolute error 1.5e-7).
  erf: `let a = Math.abs(x); if (a < 1) { r = x * (${horner("x * x", ERF_SERIES)}); } else { let k = 1 / (1 + 0.3275911 * a); let y = 1 - k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429)))) * Math.exp(-a * a); if (a != a) { y = a; } if (x < 0) { r = -y; } else { r = y; } }`,
  logical_not: "if (x == 0) { r = 1; } else { r = 0; }",
  isnan: "if (x != x) { r = 1; } else { r = 0; }",
  square: "r = x * x;",
};

/**
 * Ops whose built-ins may not propagate NaN (SwiftShader's exp(NaN) is +Infinity), or whose
 * branches would turn it into a number: NaN in, NaN out, tested before anything else.
 */
const NAN_GUARDED = new Set<UnaryOp>([
  "abs", "sqrt", "rsqrt", "exp", "expm1", "log", "log1p", "sin", "cos", "tan", "tanh", "sigmoid",
  "floor", "ceil", "round", "trunc", "erf",
]);

/** Statements computing unary `op`: `r` from `x`. */
export function unaryCode(op: UnaryOp): string {
  const code = UNARY[op];
  if (code === undefined) throw new Error(`gpujs: unary: unknown op '${op as string}'`);
  return NAN_GUARDED.has(op) ? `if (x != x) { r = x; } else { ${code} }` : code;
}
