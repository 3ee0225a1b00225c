/**
 * The recipe language: float32 expressions and a few statements, small enough that printing
 * it to WGSL (wgsl.ts) and to gpu.js JavaScript (js.ts) is a page each. Values are float32
 * or bool; there are no integers, because gpu.js holds every number in a float.
 *
 * Non-finite constants and NaN tests are nodes of their own, never `0.0 / 0.0` or `x != x`:
 * each printer spells them so that its shader compiler cannot fold them away.
 */

/** Built-ins both targets have, with IEEE results on finite, in-domain arguments. */
export type Builtin = "abs" | "floor" | "ceil" | "sqrt" | "exp" | "log" | "atan2" | "pow";

export type BinarySymbol = "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "&&" | "||";

export type Expr =
  | { readonly k: "num"; readonly v: number }
  | { readonly k: "nan" }
  | { readonly k: "inf" }
  | { readonly k: "ref"; readonly name: string }
  | { readonly k: "call"; readonly fn: Builtin; readonly args: readonly Expr[] }
  | { readonly k: "bin"; readonly op: BinarySymbol; readonly a: Expr; readonly b: Expr }
  | { readonly k: "neg"; readonly a: Expr }
  | { readonly k: "not"; readonly a: Expr }
  /** Whether a float is NaN. */
  | { readonly k: "isnan"; readonly a: Expr }
  /** Whether a float's sign bit is set (-0 and negatives). */
  | { readonly k: "signbit"; readonly a: Expr }
  /** Whether a float is not zero (NaN is not zero). */
  | { readonly k: "nonzero"; readonly a: Expr }
  /** `c ? t : f`. */
  | { readonly k: "sel"; readonly c: Expr; readonly t: Expr; readonly f: Expr };

export type Stmt =
  /** A new variable (mutable with `set`). */
  | { readonly k: "let"; readonly name: string; readonly e: Expr }
  | { readonly k: "set"; readonly name: string; readonly e: Expr }
  | { readonly k: "if"; readonly c: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] }
  | { readonly k: "return"; readonly e: Expr }
  /** A new variable holding another recipe's result: a function call in WGSL, inlined in gpu.js. */
  | { readonly k: "use"; readonly name: string; readonly recipe: Recipe; readonly args: readonly Expr[] };

/** One scalar function: float parameters, a float or bool result, a body that ends in `return`. */
export interface Recipe {
  /** Unique among recipes; WGSL names the function `m_<name>`. */
  readonly name: string;
  readonly params: readonly string[];
  readonly result: "float" | "bool";
  readonly body: readonly Stmt[];
}

// ---- builders -------------------------------------------------------------------------------

export type Operand = Expr | number | string;

/** Numbers become literals, strings variable references. */
export function ex(v: Operand): Expr {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`scalar-math: write ${v} with NAN or INF, not as a literal`);
    return { k: "num", v };
  }
  return typeof v === "string" ? { k: "ref", name: v } : v;
}

export const NAN: Expr = { k: "nan" };
export const INF: Expr = { k: "inf" };
export const NEG_INF: Expr = { k: "neg", a: INF };

const bin = (op: BinarySymbol) => (a: Operand, b: Operand): Expr => ({ k: "bin", op, a: ex(a), b: ex(b) });
export const add = bin("+");
export const sub = bin("-");
export const mul = bin("*");
export const div = bin("/");
export const lt = bin("<");
export const le = bin("<=");
export const gt = bin(">");
export const ge = bin(">=");
export const eq = bin("==");
export const ne = bin("!=");
export const and = bin("&&");
export const or = bin("||");
export const neg = (a: Operand): Expr => ({ k: "neg", a: ex(a) });
export const not = (a: Operand): Expr => ({ k: "not", a: ex(a) });
export const isnan = (a: Operand): Expr => ({ k: "isnan", a: ex(a) });
export const signbit = (a: Operand): Expr => ({ k: "signbit", a: ex(a) });
export const nonzero = (a: Operand): Expr => ({ k: "nonzero", a: ex(a) });
export const sel = (c: Expr, t: Operand, f: Operand): Expr => ({ k: "sel", c, t: ex(t), f: ex(f) });
export const call = (fn: Builtin, ...args: Operand[]): Expr => ({ k: "call", fn, args: args.map(ex) });
export const abs = (a: Operand) => call("abs", a);
export const floor = (a: Operand) => call("floor", a);
/** `|a| == Infinity`. */
export const isinf = (a: Operand) => eq(abs(a), INF);
/** `-a` where `c` holds, else `a`: a product with ±1, exact, so `a` is written (and computed) once. */
export const negIf = (c: Expr, a: Operand) => mul(a, sel(c, -1, 1));
/** `c0 + v * (c1 + v * (c2 + …))`. */
export function horner(v: Operand, coefficients: readonly number[]): Expr {
  let s = ex(coefficients[coefficients.length - 1]!);
  for (let i = coefficients.length - 2; i >= 0; i--) s = add(coefficients[i]!, mul(v, s));
  return s;
}

export const let_ = (name: string, e: Operand): Stmt => ({ k: "let", name, e: ex(e) });
export const set = (name: string, e: Operand): Stmt => ({ k: "set", name, e: ex(e) });
export const ret = (e: Operand): Stmt => ({ k: "return", e: ex(e) });
export const if_ = (c: Expr, then: readonly Stmt[], otherwise: readonly Stmt[] = []): Stmt => ({ k: "if", c, then, else: otherwise });
/** `if (c) return e;` */
export const guard = (c: Expr, e: Operand): Stmt => if_(c, [ret(e)]);
export const use = (name: string, recipe: Recipe, ...args: Operand[]): Stmt => ({ k: "use", name, recipe, args: args.map(ex) });

export function recipe(name: string, params: readonly string[], body: readonly Stmt[], result: "float" | "bool" = "float"): Recipe {
  return { name, params, result, body };
}
