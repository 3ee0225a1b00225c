// The page script of the browser test: WebGPU through navigator.gpu, with the shared
// conformance suites registered on the test kit's in-page runner, handed to the test as
// `window.suite`. The test kit's bundler embeds the PyTorch fixtures and makes "vitest" that runner.
import "@flambeau/backend-cpu";
import * as torch from "flambeau";
import { expect, it } from "vitest";
import { count, run } from "@flambeau/test-kit/page";
import { runConformance, runNnConformance, runOptimConformance, runDataConformance } from "@flambeau/test-kit";
import { init, init_error, pool_stats, webgpu } from "../../src/index.js";

runConformance("webgpu", { skipDtypes: ["float64"] });
runNnConformance("webgpu");
runOptimConformance("webgpu");
runDataConformance("webgpu");

it("page: webgpu reads see the values of the moment they were asked for", async () => {
  const t = torch.arange(0, 1000, { dtype: "float32", device: "webgpu" }).mul(0.5);
  const pending = t.data();
  t.add_(1);
  const [before, after] = [await pending, await t.data()];
  expect(before[999]).toBe(499.5);
  expect(after[999]).toBe(500.5);
});

it("page: webgpu matmul 128x784 @ 784x256 (64-tiles) agrees with the CPU", async () => {
  torch.manual_seed(0);
  const a = torch.randn([128, 784]), b = torch.randn([256, 784]);
  const want = a.matmul(b.t()).dataSync();
  const got = await a.to("webgpu").matmul(b.to("webgpu").t()).data();
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!)));
  expect(worst).toBeLessThan(1e-4);
});

// Decision 5 in the browser: lesson 5's loop, no dispose calls, flat memory once warm.
it("page: lesson 5's loop holds flat GPU memory", async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("the page needs --js-flags=--expose-gc");
  const snapshot = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 0));
    }
    await torch.zeros([1], { device: "webgpu" }).data();
    return { ...torch.memory().webgpu!, ...pool_stats() };
  };
  const x = torch.arange(0, 11, { dtype: torch.float32 }).reshape(-1, 1).to("webgpu");
  const y = x.mul(2).add(1);
  const model = new torch.nn.Linear(1, 1).to("webgpu");
  const criterion = new torch.nn.MSELoss();
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const marks: Awaited<ReturnType<typeof snapshot>>[] = [];
  for (let epoch = 1; epoch <= 2000; epoch++) {
    optimizer.zero_grad();
    const loss = criterion(model(x.detach().requires_grad_()), y);
    loss.backward();
    optimizer.step();
    await loss.item();
    if (epoch === 500 || epoch === 2000) marks.push(await snapshot());
  }
  const [warm, end] = marks as [(typeof marks)[0], (typeof marks)[0]];
  (globalThis as { memoryMarks?: unknown }).memoryMarks = marks;
  expect(end.tensors).toBeLessThanOrEqual(warm.tensors);
  expect(end.bytes).toBeLessThanOrEqual(warm.bytes);
  expect(end.buffers).toBeLessThanOrEqual(warm.buffers);
});

await init().catch(() => {});
const adapter = () => (webgpu.ready ? webgpu.adapterDescription : null);
const error = () => init_error()?.message ?? null;
(globalThis as unknown as { suite: unknown }).suite = { run, count, adapter, error, pool_stats };
document.body.dataset.ready = "yes";
