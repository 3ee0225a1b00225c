// console.log(t) in Node goes through util.inspect: it must print PyTorch's `print(t)`, not the
// object's fields. Expected strings come from real PyTorch (scripts/fixtures/format.py).
import { readFixture } from "@flambeau/test-kit/fixtures";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { BINARY_OPS, UNARY_OPS, binaryOps, unaryOps, type BinaryOp } from "@flambeau/tensor/internal";

interface Case {
  name: string;
  dtype: torch.DType;
  shape: number[];
  data: (number | boolean | "nan" | "inf" | "-inf")[];
  requires_grad: boolean;
  grad_fn: string | null;
  expected: string;
}
const fixture = readFixture<{
  cases: Case[];
  grad_fns: Record<string, string>;
}>("format.json");
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

/** `x.<op>` bound to `x`, for any binary op (their methods take keywords too). */
const binaryMethod = (x: torch.Tensor, op: BinaryOp) => (x[op] as (other: torch.Tensor) => torch.Tensor).bind(x);

// The same expressions as scripts/fixtures/format.py's grad_fns(), keyed alike.
describe("grad_fn prints PyTorch's node names", () => {
  const F = torch.nn.functional;
  const x = torch.tensor([[1.5, 2], [3, 4]], { requires_grad: true });
  const y = torch.tensor([[0.25, 0.5], [0.75, 0.5]]);
  const labels = torch.tensor([0, 1]);
  const EXPRS: Record<string, () => torch.Tensor> = {
    sum: () => x.sum(), "sum(1)": () => x.sum(1), mean: () => x.mean(), "mean(1)": () => x.mean(1),
    prod: () => x.prod(), "prod(1)": () => x.prod(1), max: () => x.max(), "max(1)": () => x.max(1)[0],
    min: () => x.min(), "min(1)": () => x.min(1)[0], var: () => x.var(), std: () => x.std(),
    norm: () => x.norm(), "logsumexp(1)": () => x.logsumexp(1), "softmax(1)": () => x.softmax(1),
    "log_softmax(1)": () => x.log_softmax(1), t: () => x.t(), "transpose(0, 1)": () => x.transpose(0, 1),
    "unsqueeze(0)": () => x.unsqueeze(0), "squeeze(0)": () => x.unsqueeze(0).squeeze(0),
    "squeeze()": () => x.unsqueeze(0).squeeze(), "select(0, 1)": () => x.select(0, 1),
    mul: () => x.mul(2), add: () => x.add(1), matmul: () => x.matmul(x), relu: () => x.relu(), exp: () => x.exp(),
    mse_loss: () => F.mse_loss(x, y), l1_loss: () => F.l1_loss(x, y), smooth_l1_loss: () => F.smooth_l1_loss(x, y),
    huber_loss: () => F.huber_loss(x, y), binary_cross_entropy: () => F.binary_cross_entropy(x.sigmoid(), y),
    binary_cross_entropy_with_logits: () => F.binary_cross_entropy_with_logits(x, y),
    nll_loss: () => F.nll_loss(x, labels), cross_entropy: () => F.cross_entropy(x, labels),
    "amax()": () => x.amax(), "amin()": () => x.amin(),
    "round(decimals=2)": () => x.round({ decimals: 2 }), "round(decimals=-1)": () => x.round({ decimals: -1 }),
    "(x * 1).round_(decimals=2)": () => x.mul(1).round_({ decimals: 2 }),
    // Every row of the op tables with a gradient: the name in its row is PyTorch's.
    ...Object.fromEntries(unaryOps.filter((op) => UNARY_OPS[op].grad !== null).map((op) => [`${op}()`, () => x[op]()])),
    ...Object.fromEntries(binaryOps.filter((op) => BINARY_OPS[op].grad !== null).map((op) => [`${op}(y)`, () => binaryMethod(x, op)(y)])),
  };
  it("has an expression for every fixture entry", () => expect(Object.keys(EXPRS).sort()).toEqual(Object.keys(fixture.grad_fns).sort()));
  for (const [name, want] of Object.entries(fixture.grad_fns))
    it(`${name}: grad_fn=<${want}>`, () => {
      const out = EXPRS[name]!();
      expect(out.grad_fn?.name()).toBe(want);
      expect(inspect(out)).toContain(`grad_fn=<${want}>`);
    });
});
