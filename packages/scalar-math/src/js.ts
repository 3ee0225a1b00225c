/**
 * Recipes printed to gpu.js JavaScript: statements that set a result variable, inlined into
 * the kernel (gpu.js compiles one function to GLSL; a recipe's `use` of another is inlined
 * too, its variables renamed). gpu.js has no early return inside a kernel's statements, so
 * `if (c) return e; rest` becomes `if (c) { out = e; } else { rest }`.
 *
 * NaN and Infinity are the uniforms `nanv` and `infv` (GLSL has no such literals, and a
 * `0.0 / 0.0` may be folded away); NaN tests are `x != x`, which the GLSL compilers gpu.js
 * meets keep.
 */
import type { Expr, Recipe, Stmt } from "./expr.js";
import { floatLiteral } from "./literal.js";

/** How names print: parameters as the caller's expressions, locals with a unique prefix. */
interface Scope {
  readonly params: ReadonlyMap<string, string>;
  readonly prefix: string;
  /** Shared by every scope of one printing, to number inlined recipes. */
  readonly counter: { n: number };
}

function expr(e: Expr, s: Scope): string {
  const p = (x: Expr) => expr(x, s);
  switch (e.k) {
    case "num": return floatLiteral(e.v);
    case "nan": return "nanv";
    case "inf": return "infv";
    case "ref": return s.params.get(e.name) ?? `${s.prefix}${e.name}`;
    case "call": return `Math.${e.fn}(${e.args.map(p).join(", ")})`;
    case "bin": return `(${p(e.a)} ${e.op} ${p(e.b)})`;
    case "neg": return `(-${p(e.a)})`;
    case "not": return `!(${p(e.a)})`;
    case "isnan": return `(${p(e.a)} != ${p(e.a)})`;
    // -0 is told from +0 by the infinity 1 / x gives.
    case "signbit": return `(${p(e.a)} < 0 || (${p(e.a)} == 0 && 1 / ${p(e.a)} < 0))`;
    case "nonzero": return `(${p(e.a)} != 0)`;
    case "sel": return `(${p(e.c)} ? ${p(e.t)} : ${p(e.f)})`;
  }
}

/** Whether every path through a block returns. */
function returns(body: readonly Stmt[]): boolean {
  const last = body[body.length - 1];
  return last !== undefined && (last.k === "return" || (last.k === "if" && returns(last.then) && returns(last.else)));
}

function block(body: readonly Stmt[], out: string, result: Recipe["result"], s: Scope): string[] {
  const lines: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const st = body[i]!;
    switch (st.k) {
      case "let": lines.push(`let ${s.prefix}${st.name} = ${expr(st.e, s)};`); break;
      case "set": lines.push(`${s.prefix}${st.name} = ${expr(st.e, s)};`); break;
      case "return":
        lines.push(result === "bool" ? `if (${expr(st.e, s)}) { ${out} = 1; } else { ${out} = 0; }` : `${out} = ${expr(st.e, s)};`);
        return lines;
      case "use": {
        const name = `${s.prefix}${st.name}`;
        const inner: Scope = { params: new Map(), prefix: `i${++s.counter.n}_`, counter: s.counter };
        lines.push(`let ${name} = 0;`);
        // Arguments are evaluated once, into the inlined recipe's parameters.
        st.recipe.params.forEach((param, j) => lines.push(`let ${inner.prefix}${param} = ${expr(st.args[j]!, s)};`));
        lines.push(...block(st.recipe.body, name, st.recipe.result, inner));
        break;
      }
      case "if": {
        const rest = body.slice(i + 1);
        const thenReturns = returns(st.then);
        const elseReturns = returns(st.else);
        // What follows an `if` whose one branch returns runs only in the other branch.
        const then = [...st.then, ...(thenReturns ? [] : elseReturns ? rest : [])];
        const otherwise = [...st.else, ...(elseReturns ? [] : thenReturns ? rest : [])];
        lines.push(`if (${expr(st.c, s)}) {`, ...block(then, out, result, s));
        if (otherwise.length > 0) lines.push("} else {", ...block(otherwise, out, result, s));
        lines.push("}");
        if (thenReturns || elseReturns) return lines;
      }
    }
  }
  return lines;
}

/**
 * Statements that set the float variable `out` (declared by the caller) to recipe `r` of the
 * kernel expressions `args`; a bool result is stored as 1 or 0.
 */
export function jsStatements(r: Recipe, args: readonly string[], out: string): string {
  if (args.length !== r.params.length) throw new Error(`scalar-math: ${r.name} takes ${r.params.length} arguments, got ${args.length}`);
  if (!returns(r.body)) throw new Error(`scalar-math: ${r.name}: a recipe's body must return on every path`);
  const scope: Scope = { params: new Map(r.params.map((p, i) => [p, args[i]!])), prefix: "m_", counter: { n: 0 } };
  return block(r.body, out, r.result, scope).join("\n");
}
