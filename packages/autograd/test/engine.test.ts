import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { decode, expectClose, loadFixture, type Encoded } from "./fixtures.js";

type Case = Record<string, Encoded>;
const fx = loadFixture<{ cases: Record<string, Case & { v: Encoded | number[] }>; errors: Record<string, string> }>(
  "autograd.json",
);
const leaf = (e: Encoded) => decode(e, { requires_grad: true });

describe("backward", () => {
  it("accumulates gradients over repeated backward calls", () => {
    const c = fx.cases.accumulate3!;
    const x = leaf(c.x!), w = decode(c.w!);
    for (let i = 0; i < 3; i++) w.matmul(x).pow(2).sum().backward();
    expectClose(x.grad!, c.grad!);
  });

  it("keeps .grad on non-leaves after retain_grad()", () => {
    const c = fx.cases.retain_grad!;
    const x = leaf(c.x!);
    const h = x.sin();
    h.retain_grad();
    expect(h.retains_grad).toBe(true);
    h.mul(h).sum().backward();
    expectClose(h.grad!, c.h_grad!);
    expectClose(x.grad!, c.x_grad!);
  });

  it("takes an explicit gradient for non-scalar outputs", () => {
    const c = fx.cases.nonscalar_gradient!;
    const x = leaf(c.x!);
    x.mul(2).backward(decode(c.v as Encoded));
    expectClose(x.grad!, c.grad!);
  });

  it("gives independent .grad tensors to inputs that share a gradient", () => {
    const a = torch.tensor([1.0, 2.0], { requires_grad: true });
    const b = torch.tensor([3.0, 4.0], { requires_grad: true });
    a.add(b).sum().backward();
    a.grad!.zero_();
    expect(Array.from(b.grad!.dataSync())).toEqual([1, 1]);
  });

  it("stores large gradients as .grad without a copy only where nothing else reaches them", () => {
    // 20000 float32 elements live in the CPU kernels' memory, where backward tracks who holds a
    // gradient: a shared one must still give each input its own .grad.
    const n = 20000;
    const a = torch.ones([n], { requires_grad: true }), b = torch.ones([n], { requires_grad: true });
    a.add(b).mul(3).sum().backward();
    a.grad!.zero_();
    expect(b.grad!.dataSync().every((v) => v === 3)).toBe(true);
    // A gradient the walk made for one leaf alone, accumulated by a second backward in place.
    const x = torch.linspace(-1, 1, n).requires_grad_();
    const y = x.exp();
    const loss = y.mul(y).sum();
    loss.backward({ retain_graph: true });
    const once = Float32Array.from(x.grad!.dataSync());
    loss.backward();
    const twice = x.grad!.dataSync();
    const ex = torch.linspace(-1, 1, n).mul(2).exp().mul(2).dataSync();
    expect(once.every((v, i) => Math.abs(v - ex[i]!) <= 1e-6 * ex[i]!)).toBe(true);
    expect(twice.every((v, i) => v === 2 * once[i]!)).toBe(true);
  });

  it("sums gradients over broadcast dimensions", () => {
    const m = torch.tensor([2.0], { requires_grad: true });
    const x = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);
    m.mul(x).sum().backward();
    expect(m.grad!.shape).toEqual([1]);
    expect(m.grad!.itemSync()).toBe(10);
  });

  it("gives column-major matmul operands (w.t(), x.t()) the gradients of their contiguous copies", () => {
    // The rule computes these products transposed (PyTorch's mm_mat2_backward), so the weight of
    // a linear layer gets a contiguous gradient; the values must not change.
    const grads = (colMajor: boolean): number[][] => {
      const w = torch.arange(12).reshape([4, 3]).float().requires_grad_();
      const xt = torch.arange(15).reshape([3, 5]).sub(7).float().requires_grad_();
      const x = colMajor ? xt.t() : xt.t().contiguous();
      const wt = colMajor ? w.t() : w.t().contiguous();
      x.matmul(wt).mul(torch.arange(20).reshape([5, 4]).float()).sum().backward();
      return [Array.from(w.grad!.dataSync()), Array.from(xt.grad!.dataSync())];
    };
    const [w, x] = grads(true);
    expect(w).toEqual(grads(false)[0]);
    expect(x).toEqual(grads(false)[1]);
    expect(w.slice(0, 3)).toEqual([-160, 40, 240]); // w.grad[0][c] = sum over i of 4i * x[i][c], x[i][c] = 5c + i - 7
  });
});

describe("higher-order gradients", () => {
  it("differentiates x**3 twice with create_graph", () => {
    const c = fx.cases.cube_second!;
    const x = leaf(c.x!);
    const [g] = torch.autograd.grad(x.pow(3).sum(), [x], undefined, { create_graph: true });
    expectClose(g!, c.grad!);
    const [gg] = torch.autograd.grad(g!.sum(), [x]);
    expectClose(gg!, c.grad2!);
  });

  it("differentiates tanh(x*x) twice through a squared gradient", () => {
    const c = fx.cases.tanh_sq_second!;
    const x = leaf(c.x!);
    const [g] = torch.autograd.grad(x.mul(x).tanh().sum(), [x], undefined, { create_graph: true });
    expectClose(g!, c.grad!);
    g!.mul(g!).sum().backward();
    expectClose(x.grad!, c.grad2!, 1e-4, 1e-5);
  });
});

describe("functional transforms", () => {
  it("vjp matches torch.autograd.functional.vjp", () => {
    const c = fx.cases.vjp!;
    const [out, v] = torch.autograd.functional.vjp((t) => t.exp().mul(t), decode(c.x!), torch.tensor(c.v as number[]));
    expectClose(out, c.out!);
    expectClose(v as torch.Tensor, c.vjp!);
  });

  it("grad(f) returns the gradient function, like jax.grad", () => {
    const c = fx.cases.cube_second!;
    const df = torch.func.grad((x) => x.pow(3).sum());
    expectClose(df(decode(c.x!)), c.grad!);
  });

  it("grad(f) with several argnums returns one gradient each", () => {
    const f = (w: torch.Tensor, b: torch.Tensor) => w.mul(3).add(b).pow(2).sum();
    const [dw, db] = torch.func.grad(f, [0, 1])(torch.tensor([1.0], { dtype: "float32" }), torch.tensor([2.0], { dtype: "float32" }));
    // d/dw (3w+b)^2 = 6(3w+b) = 30; d/db = 2(3w+b) = 10
    expect(dw!.itemSync()).toBeCloseTo(30, 5);
    expect(db!.itemSync()).toBeCloseTo(10, 5);
  });
});

describe("grad mode", () => {
  it("no_grad records nothing and restores the mode, even on throw", () => {
    const x = torch.ones([2], { requires_grad: true });
    const y = torch.no_grad(() => x.mul(2));
    expect(y.requires_grad).toBe(false);
    expect(y.grad_fn).toBeNull();
    expect(() => torch.no_grad(() => { throw new Error("boom"); })).toThrow("boom");
    expect(torch.is_grad_enabled()).toBe(true);
  });

  it("enable_grad records inside no_grad", () => {
    const x = torch.ones([2], { requires_grad: true });
    const y = torch.no_grad(() => torch.enable_grad(() => x.mul(2)));
    expect(y.requires_grad).toBe(true);
    expect(y.grad_fn!.name()).toBe("MulBackward0");
  });

  it("detach cuts the graph but shares memory", () => {
    const x = torch.ones([2], { requires_grad: true });
    const y = x.mul(2);
    const d = y.detach();
    expect(d.requires_grad).toBe(false);
    d.add_(1);
    expect(Array.from(y.dataSync())).toEqual([3, 3]);
  });
});

describe("PyTorch's safety checks", () => {
  it("refuses in-place ops on leaves that require grad, changing nothing", () => {
    const a = torch.ones([2], { requires_grad: true });
    expect(() => a.add_(1)).toThrow(fx.errors.leaf_inplace!);
    expect(Array.from(a.dataSync())).toEqual([1, 1]);
  });

  it("detects tensors modified after being saved for backward", () => {
    const a = torch.ones([3], { requires_grad: true });
    const b = a.mul(2);
    const c = b.mul(b);
    b.add_(1);
    expect(() => c.sum().backward()).toThrow(fx.errors.modified_inplace!.split(" Hint:")[0]!);
  });

  it("refuses a second backward without retain_graph", () => {
    const a = torch.ones([3], { requires_grad: true });
    const c = a.mul(a).sum();
    c.backward();
    expect(() => c.backward()).toThrow(fx.errors.backward_twice!);
  });

  it("checks the kinds of user calls again after a backward, one that threw included", () => {
    // The walk runs its rules without the per-call kind checks; they must be back afterwards.
    const a = torch.ones([3], { requires_grad: true });
    const c = a.mul(2).sum();
    c.backward();
    // keepdim's kind is checked by the kind checks alone (sum itself would take "yes" as true).
    expect(() => a.sum(0, "yes" as never)).toThrow(/sum\(\): argument 'keepdim' must be bool/);
    expect(() => c.backward()).toThrow(fx.errors.backward_twice!);
    expect(() => a.sum(0, "yes" as never)).toThrow(/sum\(\): argument 'keepdim' must be bool/);
  });

  it("allows a second backward with retain_graph and accumulates", () => {
    const a = torch.tensor([1.0, 2.0], { requires_grad: true });
    const c = a.mul(a).sum();
    c.backward(undefined, { retain_graph: true });
    c.backward();
    expect(Array.from(a.grad!.dataSync())).toEqual([4, 8]);
  });

  it("refuses backward on a non-scalar without gradient", () => {
    const a = torch.ones([3], { requires_grad: true });
    expect(() => a.mul(2).backward()).toThrow(fx.errors.nonscalar!);
  });

  it("refuses backward on a tensor that does not require grad", () => {
    expect(() => torch.ones([1]).backward()).toThrow("does not require grad");
  });

  it("refuses to export a tensor that requires grad, and says to detach", () => {
    const a = torch.ones([2], { requires_grad: true });
    expect(() => a.numpy()).toThrow("Use tensor.detach().numpy() instead");
    expect(Array.from(a.detach().numpy())).toEqual([1, 1]);
  });
});
