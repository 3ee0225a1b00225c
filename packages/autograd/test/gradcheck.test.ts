// torch.autograd.gradcheck (float64, central differences) over every differentiable op of the
// conformance table (packages/conformance/src/ops.ts, cases from fixtures/ops.json): one test
// per op, over every case of that op whose inputs require grad, with the inputs cast to float64.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import type { GradcheckOptions } from "@flambeau/autograd";
import { applyTransform, buildInputs, loadOpsFixture, runOp, type OpCase } from "@flambeau/conformance";

const { cases } = loadOpsFixture();

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A case worth checking numerically: gradients expected, smooth there, no empty input or output. */
function usable(c: OpCase): boolean {
  if (!c.grads || !c.grads.some((g) => g !== null) || c.smooth === false) return false;
  if (c.out.some((o) => size(o.shape) === 0)) return false;
  return c.inputs.every((i) => "scalar" in i || size(i.shape) > 0);
}

const OPTIONS: Record<string, GradcheckOptions> = {
  // float64 -> float32 loses ~1e-8 relative: a wider step keeps the differences accurate.
  to: { eps: 1e-3 },
};

const byOp = new Map<string, OpCase[]>();
for (const c of cases) if (usable(c)) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);

/** The differentiable outputs of a case's op as one flat tensor (gradcheck wants a single output). */
function flatOutputs(outs: torch.Tensor[]): torch.Tensor {
  const floats = outs.filter((o) => o.dtype === "float32" || o.dtype === "float64");
  return floats.length === 1 ? floats[0]! : torch.cat(floats.map((o) => o.reshape([-1])));
}

function check(op: string, c: OpCase): void {
  const { leaves } = buildInputs(c, "cpu", "float64");
  const tracked = leaves.filter((l): l is torch.Tensor => l !== null && l.requires_grad);
  expect(tracked.length, c.name).toBeGreaterThan(0);
  for (const t of tracked) expect(t.dtype, c.name).toBe("float64");
  // gradcheck perturbs the tracked leaves in place and calls fn again; fn rebuilds the case's
  // views of them (transforms, scalars, fixed non-differentiable inputs) each time.
  const fn = (...xs: torch.Tensor[]): torch.Tensor => {
    let k = 0;
    const args = c.inputs.map((inp, i) => {
      if ("scalar" in inp) return inp.scalar;
      const leaf = leaves[i]!.requires_grad ? xs[k++]! : leaves[i]!;
      return applyTransform(leaf, inp.transform);
    });
    return flatOutputs(runOp(op, args, c.kwargs));
  };
  let ok: boolean;
  try {
    ok = torch.autograd.gradcheck(fn, tracked, OPTIONS[op]);
  } catch (e) {
    throw new Error(`${c.name}: ${(e as Error).message}`);
  }
  expect(ok, c.name).toBe(true);
}

describe("gradcheck over every differentiable op of the conformance table", () => {
  it("covers every op that has a case with gradients", () => {
    const differentiable = new Set(cases.filter((c) => c.grads).map((c) => c.op));
    expect([...differentiable].filter((op) => !byOp.has(op))).toEqual([]);
    expect(byOp.size).toBeGreaterThanOrEqual(60);
  });

  for (const [op, opCases] of byOp)
    it(`${op} (${opCases.map((c) => c.name).join(", ")})`, () => {
      for (const c of opCases) check(op, c);
    });
});

describe("gradcheck can fail", () => {
  it("reports a mismatch where the analytical gradient is not the numerical one (relu at its kink)", () => {
    const x = torch.tensor([0.0, 1.5], { dtype: "float64", requires_grad: true });
    expect(torch.autograd.gradcheck((t) => t.relu(), [x], { raise_exception: false })).toBe(false);
    expect(() => torch.autograd.gradcheck((t) => t.relu(), [x])).toThrow(/Jacobian mismatch/);
  });
});

describe("second derivatives through the prod and norm rules (values from PyTorch 1.13)", () => {
  const hessianRowSums = (f: (x: torch.Tensor) => torch.Tensor, v: number[]) => {
    const x = torch.tensor(v, { dtype: "float64", requires_grad: true });
    const [g] = torch.autograd.grad(f(x), [x], undefined, { create_graph: true });
    const [h] = torch.autograd.grad(g!.sum(), [x]);
    return [g!.tolistSync() as number[], h!.tolistSync() as number[]];
  };
  const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));

  it("prod without zeros", () => {
    const [g, h] = hessianRowSums((x) => x.prod(), [2, 3, 5]);
    close(g!, [15, 10, 6]);
    close(h!, [8, 7, 5]);
  });
  it("prod with one zero stays differentiable in the zero", () => {
    const [g, h] = hessianRowSums((x) => x.prod(), [2, 0, 5]);
    close(g!, [0, 10, 0]);
    close(h!, [5, 7, 2]);
  });
  it("norm", () => {
    const [g, h] = hessianRowSums((x) => x.norm(), [3, 4]);
    close(g!, [0.6, 0.8]);
    close(h!, [0.032, -0.024]);
  });
});
