// console.log(t) in Node goes through util.inspect: it must print PyTorch's `print(t)`, not the
// object's fields. Expected strings come from real PyTorch (scripts/fixtures/format.py).
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";

interface Case {
  name: string;
  dtype: torch.DType;
  shape: number[];
  data: (number | boolean | "nan" | "inf" | "-inf")[];
  requires_grad: boolean;
  grad_fn: string | null;
  expected: string;
}
const fixture = JSON.parse(readFileSync(new URL("../../../fixtures/format.json", import.meta.url), "utf8")) as { cases: Case[] };
const nonFinite = { nan: NaN, inf: Infinity, "-inf": -Infinity };

/** A real CPU tensor holding the case's values. */
function build(c: Case): torch.Tensor {
  const flat = c.data.map((v) => (typeof v === "string" ? nonFinite[v] : Number(v)));
  const t = torch.tensor(flat, { dtype: c.dtype }).reshape(c.shape);
  return c.requires_grad ? t.requires_grad_() : t;
}

describe("util.inspect (console.log) prints tensors as PyTorch", () => {
  const leaves = fixture.cases.filter((c) => c.grad_fn === null);
  it("has leaf cases", () => expect(leaves.length).toBeGreaterThanOrEqual(40));
  for (const c of leaves) it(c.name, () => expect(inspect(build(c))).toBe(c.expected));

  it("inside arrays and objects, each tensor prints as PyTorch", () => {
    const t = torch.tensor([1, 2]);
    expect(inspect([t])).toBe("[ tensor([1, 2]) ]");
    expect(inspect({ loss: torch.tensor(0.5) })).toBe("{ loss: tensor(0.5000) }");
  });
  it("computed tensors print their grad_fn", () => {
    const x = torch.tensor([1, 2, 3], { dtype: "float32", requires_grad: true });
    const want = fixture.cases.find((c) => c.name === "grad_fn mul")!.expected;
    expect(inspect(x.mul(2))).toBe(want);
  });
});
