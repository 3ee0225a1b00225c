// Decision 5: lesson 5's training loop, 10,000 steps written as the lesson writes it (no
// dispose calls), holds flat GPU memory once warm. Garbage collection is forced at the
// checkpoints (through V8's flag API, so no Node option is needed) to measure what is live
// rather than what the collector has not reached yet. It is also the regression test of the
// Dawn crash in Node (README): forced collections between submits, with V8's optimiser on,
// abort the worker at once if the backend stops holding Dawn's GPU instance.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import "@flambeau/backend-cpu";
import * as torch from "flambeau";
import { init, pool_stats } from "@flambeau/backend-webgpu";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collect, then let FinalizationRegistry callbacks run and the freed buffers reach the pool. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
  await torch.zeros([1], { device: "webgpu" }).data(); // a submit returns pending frees to the pool
}

async function snapshot() {
  await settle();
  return { ...torch.memory().webgpu!, pool: pool_stats() };
}

it("lesson 5's 10,000-step loop keeps live GPU tensors, buffers and bytes flat", async () => {
  await init();
  const device = "webgpu";
  const x_train = torch.arange(0, 11, { dtype: torch.float32 }).reshape(-1, 1).to(device);
  const y_train = x_train.mul(2).add(1);
  const model = new torch.nn.Linear(1, 1).to(device);
  const criterion = new torch.nn.MSELoss();
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const marks: Record<number, Awaited<ReturnType<typeof snapshot>>> = {};
  let last = NaN;
  for (let epoch = 0; epoch < 10_000; ) {
    epoch += 1;
    const inputs = x_train.detach().requires_grad_();
    optimizer.zero_grad();
    const outputs = model(inputs);
    const loss = criterion(outputs, y_train);
    loss.backward();
    optimizer.step();
    last = await loss.item();
    if (epoch === 1000 || epoch === 5000 || epoch === 10_000) marks[epoch] = await snapshot();
  }
  console.log("webgpu memory after 1,000 / 5,000 / 10,000 steps:", JSON.stringify(marks));
  expect(last).toBeLessThan(1e-3); // it trained: y = 2x + 1
  const warm = marks[1000]!, end = marks[10_000]!;
  expect(end.tensors).toBeLessThanOrEqual(warm.tensors);
  expect(end.bytes).toBeLessThanOrEqual(warm.bytes);
  expect(end.pool.buffers).toBeLessThanOrEqual(warm.pool.buffers);
  expect(end.pool.bytes).toBeLessThanOrEqual(warm.pool.bytes);
}, 300_000);
