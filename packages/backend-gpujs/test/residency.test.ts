// Data stays on the GPU between ops (no readback until it is asked for), kernels are compiled
// once per signature, reads are synchronous and asynchronous, and textures are released.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { kernelStats, mode, textureStats } from "@flambeau/backend-gpujs";

const dev = { device: "gpujs" } as const;

describe("gpujs keeps data on the GPU", () => {
  it("runs on headless-gl", () => expect(mode()).toBe("headlessgl"));

  it("runs a chain of ops without reading back, then reads once", () => {
    const x = torch.randn([64, 32]).to("gpujs");
    const w = torch.randn([32, 16], dev);
    const reads = textureStats().reads;
    const y = x.matmul(w).relu().add(1).mul(x.sum(1, true).sigmoid()).softmax(1).sum(0);
    expect(textureStats().reads).toBe(reads);
    expect(y.dataSync()).toHaveLength(16);
    expect(textureStats().reads).toBe(reads + 1);
  });

  it("compiles kernels once per signature: new shapes of the same (collapsed) rank reuse them", () => {
    const step = (n: number, m: number) => {
      const a = torch.randn([n, m], dev);
      const b = torch.randn([m, n], dev);
      return a.matmul(b).add(a.sum(1, true)).exp().mean(0).sum().itemSync();
    };
    step(3, 4);
    const { compiled } = kernelStats();
    for (const [n, m] of [[5, 7], [17, 2], [64, 33], [2, 9]]) step(n!, m!);
    expect(kernelStats().compiled).toBe(compiled);
  });

  it("a training step compiles nothing after the first step", () => {
    torch.manual_seed(1);
    const model = new torch.nn.Sequential(new torch.nn.Linear(4, 8), new torch.nn.ReLU(), new torch.nn.Linear(8, 3)).to("gpujs");
    const opt = new torch.optim.Adam(model.parameters(), { lr: 0.01 });
    const x = torch.randn([10, 4], dev);
    const y = torch.randn([10, 3], dev);
    const step = () => {
      opt.zero_grad();
      // (cross_entropy would add one read per step: nll_loss checks its targets on the host.)
      const loss = torch.nn.functional.mse_loss(model(x).tanh(), y);
      loss.backward();
      opt.step();
      return loss;
    };
    // The first step meets Adam's zero-initialised state as known scalars, the second as textures.
    step();
    step();
    const { compiled, launches } = kernelStats();
    const reads = textureStats().reads;
    for (let i = 0; i < 5; i++) step();
    expect(kernelStats().compiled).toBe(compiled);
    expect(kernelStats().launches).toBeGreaterThan(launches);
    expect(textureStats().reads).toBe(reads); // the whole step stayed on the GPU
  });
});

describe("reads", () => {
  it("reads synchronously and asynchronously", async () => {
    const t = torch.tensor([[1.5, -2], [3, 4]], dev);
    expect(Array.from(t.dataSync())).toEqual([1.5, -2, 3, 4]);
    expect(Array.from(await t.data())).toEqual([1.5, -2, 3, 4]);
    expect(await t.t().tolist()).toEqual([[1.5, 3], [-2, 4]]);
    expect(t.sum().itemSync()).toBe(6.5);
    expect(await t.max().item()).toBe(4);
  });

  it("an asynchronous read sees the values at the time of the call", async () => {
    const t = torch.tensor([1, 2, 3], dev);
    const pending = t.data();
    t.add_(10);
    expect(Array.from(await pending)).toEqual([1, 2, 3]);
    expect(Array.from(t.dataSync())).toEqual([11, 12, 13]);
  });

  it("a whole-tensor copy_ shares the source's texture, and later writes keep them apart", () => {
    const a = torch.randn([4], dev);
    const b = torch.tensor([1, 2, 3, 4], { dtype: "float32", ...dev });
    const held = () => textureStats().textures - textureStats().pooled;
    const textures = held();
    a.copy_(b);
    expect(held()).toBe(textures - 1); // a's texture went (to the pool); a and b share b's
    b.add_(1);
    a.mul_(10);
    expect(Array.from(a.dataSync())).toEqual([10, 20, 30, 40]);
    expect(Array.from(b.dataSync())).toEqual([2, 3, 4, 5]);
  });

  it("writes through views land in the shared texture", () => {
    const t = torch.zeros([3, 4], dev);
    t.index(":", 1).fill_(7);
    t.index(2).copy_(torch.tensor([1, 2, 3, 4], dev));
    t.index("0:2", "2:").add_(torch.ones([2, 2], dev));
    expect(t.tolistSync()).toEqual([[0, 7, 1, 1], [0, 7, 1, 1], [1, 2, 3, 4]]);
  });
});

describe("textures are released like GPU buffers", () => {
  it("dispose() deletes the texture at once", () => {
    // gpu.js renders each kernel's next result into its last output texture when nothing else
    // holds it, so b (the latest result) shares the kernel's texture and a owns its own.
    const a = torch.ones([256, 256], dev);
    const b = torch.ones([256, 256], dev);
    const before = textureStats();
    const tracked = torch.memory().gpujs!;
    a.dispose();
    const after = textureStats();
    expect(after.textures).toBe(before.textures - 1);
    expect(before.bytes - after.bytes).toBeGreaterThanOrEqual(256 * 256 * 4);
    expect(torch.memory().gpujs!.bytes).toBe(tracked.bytes - 256 * 256 * 4);
    expect(() => a.dataSync()).toThrow(/disposed|freed/);
    expect(b.sum().itemSync()).toBe(256 * 256);
  });
});
