// Large products take the packed kernels (four k-values to a texel); they must agree with the
// CPU for every layout the tensor layer hands over: transposed, batched, broadcast, ragged
// sizes (not multiples of 4), integers.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { mode } from "@flambeau/backend-gpujs";

function expectClose(got: torch.Tensor, want: torch.Tensor, tol = 1e-4): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  const g = got.dataSync(), w = want.dataSync();
  let worst = 0;
  for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(g[i]! - w[i]!) / (1 + Math.abs(w[i]!)));
  expect(worst).toBeLessThan(tol);
}

const on = (t: torch.Tensor) => t.to("gpujs");

describe("matmul on gpujs, packed and direct", () => {
  it("runs on headless-gl", () => expect(mode()).toBe("headlessgl"));

  it.each([
    [64, 64, 64],
    [37, 129, 51],
    [128, 784, 256],
    [1, 300, 200],
    [200, 9, 3],
    [5, 8, 7000],
  ])("[%i, %i] @ [k, %i] agrees with the CPU", (m, k, n) => {
    torch.manual_seed(m + k + n);
    const a = torch.randn([m, k]), b = torch.randn([k, n]);
    expectClose(on(a).matmul(on(b)), a.matmul(b));
  });

  it("reads transposed operands through their strides", () => {
    torch.manual_seed(3);
    const x = torch.randn([70, 90]), w = torch.randn([50, 90]);
    expectClose(on(x).matmul(on(w).t()), x.matmul(w.t()));
    expectClose(on(x).t().matmul(on(x)), x.t().matmul(x));
  });

  it("batches, with broadcast operands packed once", () => {
    torch.manual_seed(4);
    const x = torch.randn([3, 4, 33, 40]), w = torch.randn([40, 21]), y = torch.randn([4, 40, 17]);
    expectClose(on(x).matmul(on(w)), x.matmul(w));
    expectClose(on(x).matmul(on(y)), x.matmul(y));
    expectClose(on(w).t().matmul(on(x).transpose(-1, -2)), w.t().matmul(x.transpose(-1, -2)));
  });

  it("multiplies integers exactly", () => {
    const a = torch.randint(-50, 50, [40, 60]), b = torch.randint(-50, 50, [60, 30]);
    const got = on(a).matmul(on(b));
    expect(got.dtype).toBe("int32");
    expect(Array.from(got.dataSync())).toEqual(Array.from(a.matmul(b).dataSync()));
  });

  it("gives gradients through the packed path", () => {
    torch.manual_seed(5);
    const a = torch.randn([48, 64]), b = torch.randn([64, 40]);
    const ga = on(a).requires_grad_(true), gb = on(b).requires_grad_(true);
    ga.matmul(gb).tanh().sum().backward();
    const ca = a.clone().requires_grad_(true), cb = b.clone().requires_grad_(true);
    ca.matmul(cb).tanh().sum().backward();
    expectClose(ga.grad!, ca.grad!);
    expectClose(gb.grad!, cb.grad!);
  });
});
