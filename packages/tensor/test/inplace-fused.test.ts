// `p.sub_(g)` / `p.add_(g)` under no_grad with a tensor of p's dtype and shape take the backend's
// fused update (tryAddScaled_), and a gradient reaching a leaf that already has one is added the
// same way: the values, versions and errors must be add_'s own.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";

const values = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 437.5);

describe("in-place add_/sub_ of a tensor under no_grad", () => {
  it("gives the out-of-place values, float32 and float64, on views too, and bumps the version", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const a = torch.tensor(values(100, 1), { dtype }), b = torch.tensor(values(100, 2), { dtype });
      const [sum, diff] = [a.add(b).tolistSync(), a.sub(b).tolistSync()];
      const x = a.clone(), y = a.clone();
      const [vx, vy] = [x._version, y._version];
      torch.no_grad(() => {
        expect(x.add_(b)).toBe(x);
        expect(y.sub_(b)).toBe(y);
      });
      expect(x.tolistSync()).toEqual(sum);
      expect(y.tolistSync()).toEqual(diff);
      expect([x._version, y._version]).toEqual([vx + 1, vy + 1]);
      const base = a.clone().reshape(10, 10);
      torch.no_grad(() => base.select(0, 3).sub_(b.narrow(0, 0, 10)));
      expect(base.select(0, 3).tolistSync()).toEqual(a.narrow(0, 30, 10).sub(b.narrow(0, 0, 10)).tolistSync());
      expect(base.select(0, 4).tolistSync()).toEqual(a.narrow(0, 40, 10).tolistSync());
    }
  });

  it("x.sub_(x) is zeros; a broadcast, an int or a scalar operand goes add_'s way", () => {
    const x = torch.tensor([1.5, -2, 3]);
    torch.no_grad(() => x.sub_(x));
    expect(x.tolistSync()).toEqual([0, 0, 0]);
    const y = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 });
    torch.no_grad(() => y.add_(torch.tensor([10, 20], { dtype: torch.float32 })).sub_(1));
    expect(y.tolistSync()).toEqual([[10, 21], [12, 23]]);
    const i = torch.tensor([1, 2]);
    torch.no_grad(() => i.add_(torch.tensor([3, 4])));
    expect(i.tolistSync()).toEqual([4, 6]);
    expect(() => torch.no_grad(() => i.add_(torch.tensor([0.5, 0.5])))).toThrow("add_: result type Float can't be cast to the desired output type Int");
  });

  it("keeps add_'s refusals: a leaf that requires grad under grad mode; a saved tensor it overwrote", () => {
    const w = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    expect(() => w.sub_(torch.tensor([1, 1], { dtype: torch.float32 }))).toThrow("sub_: a leaf Variable that requires grad is being used in an in-place operation.");
    const x = torch.tensor([1, 2], { dtype: torch.float32 });
    const loss = w.mul(x).sum();
    torch.no_grad(() => x.add_(torch.tensor([1, 1], { dtype: torch.float32 })));
    expect(() => loss.backward()).toThrow(/modified by an inplace operation/);
  });

  it("accumulates a second backward's gradient into .grad in place, as add_ would", () => {
    const w = torch.tensor(values(50, 3), { dtype: torch.float32, requires_grad: true });
    const x = torch.tensor(values(50, 4), { dtype: torch.float32 });
    w.mul(x).sum().backward();
    const grad = w.grad!;
    w.mul(x).mul(x).sum().backward();
    expect(w.grad).toBe(grad); // the same tensor, updated in place
    expect(w.grad!.tolistSync()).toEqual(x.add(x.mul(x)).tolistSync());
  });
});
