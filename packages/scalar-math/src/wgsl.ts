/**
 * Recipes printed to WGSL: one function `m_<name>` per recipe, early returns kept. The WGSL
 * prelude of the WebGPU backend supplies `nan()`, `inf()` (from bit patterns: WGSL rejects
 * non-finite constants), `isnan_` and `nz` (bit tests, because compilers may fold `x != x`).
 */
import type { Expr, Recipe, Stmt } from "./expr.js";
import { floatLiteral } from "./literal.js";

export function wgslExpr(e: Expr): string {
  switch (e.k) {
    case "num": return floatLiteral(e.v);
    case "nan": return "nan()";
    case "inf": return "inf()";
    case "ref": return e.name;
    case "call": return `${e.fn}(${e.args.map(wgslExpr).join(", ")})`;
    case "bin": return `(${wgslExpr(e.a)} ${e.op} ${wgslExpr(e.b)})`;
    case "neg": return `(-${wgslExpr(e.a)})`;
    case "not": return `(!${wgslExpr(e.a)})`;
    case "isnan": return `isnan_(${wgslExpr(e.a)})`;
    case "signbit": return `(bitcast<u32>(${wgslExpr(e.a)}) >= 0x80000000u)`;
    case "nonzero": return `nz(${wgslExpr(e.a)})`;
    case "sel": return `select(${wgslExpr(e.f)}, ${wgslExpr(e.t)}, ${wgslExpr(e.c)})`;
  }
}

/** Names a block (or its nested blocks) assigns with `set`: those are `var`, the rest `let`. */
function assigned(body: readonly Stmt[], into = new Set<string>()): Set<string> {
  for (const s of body) {
    if (s.k === "set") into.add(s.name);
    if (s.k === "if") assigned(s.then, assigned(s.else, into));
  }
  return into;
}

function statements(body: readonly Stmt[], vars: Set<string>, indent: string): string[] {
  const out: string[] = [];
  for (const s of body) {
    switch (s.k) {
      case "let": out.push(`${indent}${vars.has(s.name) ? "var" : "let"} ${s.name} = ${wgslExpr(s.e)};`); break;
      case "set": out.push(`${indent}${s.name} = ${wgslExpr(s.e)};`); break;
      case "return": out.push(`${indent}return ${wgslExpr(s.e)};`); break;
      case "use": out.push(`${indent}let ${s.name} = ${wgslCall(s.recipe, s.args.map(wgslExpr))};`); break;
      case "if":
        out.push(`${indent}if (${wgslExpr(s.c)}) {`, ...statements(s.then, vars, indent + "  "));
        if (s.else.length > 0) out.push(`${indent}} else {`, ...statements(s.else, vars, indent + "  "));
        out.push(`${indent}}`);
    }
  }
  return out;
}

/** The call of a recipe's function on WGSL argument expressions. */
export function wgslCall(r: Recipe, args: readonly string[]): string {
  return `m_${r.name}(${args.join(", ")})`;
}

/** The recipe's function, alone. */
export function wgslFunction(r: Recipe): string {
  const params = r.params.map((p) => `${p}: f32`).join(", ");
  return [`fn m_${r.name}(${params}) -> ${r.result === "bool" ? "bool" : "f32"} {`, ...statements(r.body, assigned(r.body), "  "), "}"].join("\n");
}

/** Recipes a recipe uses, itself last, each once. */
function withDependencies(r: Recipe, seen: Map<string, Recipe>): void {
  if (seen.has(r.name)) return;
  const visit = (body: readonly Stmt[]) => {
    for (const s of body) {
      if (s.k === "use") withDependencies(s.recipe, seen);
      if (s.k === "if") (visit(s.then), visit(s.else));
    }
  };
  visit(r.body);
  seen.set(r.name, r);
}

/** The WGSL functions of `recipes` and of every recipe they use, each once. */
export function wgslFunctions(recipes: readonly Recipe[]): string {
  const seen = new Map<string, Recipe>();
  for (const r of recipes) withDependencies(r, seen);
  return [...seen.values()].map(wgslFunction).join("\n");
}
