// The printers on their own, without a GPU: the gpu.js JavaScript of every recipe, run as plain
// JavaScript (as gpu.js's CPU fallback runs it), gives PyTorch's special values; the WGSL names
// each function once, dependencies included, and spells no non-finite literal.
import { describe, expect, it } from "vitest";
import { readFixture } from "@flambeau/test-kit/fixtures";
import { BINARY, UNARY, jsStatements, recipe, wgslFunctions, type Recipe } from "@flambeau/scalar-math";
import { guard, isnan, ret } from "../src/expr.js";

interface Case {
  name: string;
  op: string;
  inputs: { data: (number | string)[] }[];
  out: { data: (number | string | boolean)[] }[];
}
const cases = readFixture<{ cases: Case[] }>("special.json").cases;
const decode = (v: number | string | boolean) => (typeof v === "boolean" ? +v : typeof v === "number" ? v : v === "nan" ? NaN : v === "inf" ? Infinity : -Infinity);

function compile(r: Recipe): (...args: number[]) => number {
  const params = r.params.map((_, i) => `p${i}`);
  const body = `let r = 0;\n${jsStatements(r, params, "r")}\nreturn r;`;
  const f = new Function(...params, "nanv", "infv", body) as (...a: number[]) => number;
  return (...args) => Math.fround(f(...args.map(Math.fround), NaN, Infinity));
}

describe("recipes printed to gpu.js JavaScript, run on the CPU", () => {
  it("covers every case of fixtures/special.json", () => expect(cases.length).toBeGreaterThan(30));
  for (const c of cases) {
    it(c.name, () => {
      const r = (UNARY as Record<string, Recipe>)[c.op] ?? (BINARY as Record<string, Recipe>)[c.op]!;
      const f = compile(r);
      const bad: string[] = [];
      c.out[0]!.data.forEach((ev, i) => {
        const e = decode(ev);
        const args = c.inputs.map((inp) => decode(inp.data[i]!));
        const got = f(...args);
        const ok = Number.isNaN(e) ? Number.isNaN(got) : !Number.isFinite(e) ? got === e : Math.abs(got - e) <= 1e-5 + 1e-4 * Math.abs(e);
        if (!ok) bad.push(`${c.op}(${args.join(", ")}) = ${got}, PyTorch ${e}`);
      });
      expect(bad).toEqual([]);
    });
  }
});

describe("the printers", () => {
  it("WGSL: each function once, dependencies included, mutated locals as var", () => {
    // expm1, tanh and sigmoid all use exp.
    const w = wgslFunctions([UNARY.expm1, UNARY.tanh, UNARY.sigmoid, BINARY.remainder]);
    for (const name of ["m_exp", "m_expm1", "m_tanh", "m_sigmoid", "m_remainder"]) expect(w.split(`fn ${name}(`).length, name).toBe(2);
    expect(w).toMatch(/var q = floor/);
    expect(w).not.toMatch(/NaN|Infinity|0\.0 \/ 0\.0/);
  });

  it("JavaScript: an early return becomes an else holding the rest", () => {
    const js = jsStatements(recipe("t", ["x"], [guard(isnan("x"), 0), ret("x")]), ["v"], "out");
    expect(js.replace(/\s+/g, " ")).toBe("if ((v != v)) { out = 0.0; } else { out = v; }");
  });

  it("refuses a recipe that can end without a result", () => {
    expect(() => jsStatements(recipe("bad", ["x"], [guard(isnan("x"), 0)]), ["x"], "r")).toThrow(/bad: a recipe's body must return on every path/);
  });
});
