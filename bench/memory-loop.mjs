// One memory run (a child of memory.mjs): the MLP training step of mlp-steps.mjs on one device,
// written as in PyTorch (no dispose, no tidy), for `steps` steps; prints JSON lines with the live
// device bytes (torch.memory_allocated) at 10%, 50% and 100% of the steps, and the expected
// figure. argv: device, "gc" | "nogc", steps, "plain" | "tidy". With "gc" (node --expose-gc)
// a full collection runs, and finalizers get to run, before each checkpoint.
import * as torch from "flambeau";
import { BATCH, SIZES, flambeauMlp } from "./mlp-steps.mjs";

const [device, gcMode, stepsArg, style] = process.argv.slice(2);
const steps = Number(stepsArg);
if (device === "webgpu") await (await import("@flambeau/backend-webgpu")).init();
else await import("@flambeau/backend-gpujs");

const { model, x, y, step } = flambeauMlp(torch, device);

const bytes = (ts) => ts.reduce((n, t) => n + t.numel() * t.element_size(), 0);
const params = bytes(model.parameters());
// Live after a step: parameters, their gradients (kept until the next zero_grad), SGD's state
// (none without momentum), the inputs, and the one step's activations the user still holds
// (the model's output and the loss; with tidy, the loss only until it is disposed).
const outputBytes = BATCH * SIZES[3] * 4 + 4;
const expected = 2 * params + bytes([x, y]) + (style === "plain" ? outputBytes : 0);

const checkpoints = new Set([Math.round(steps / 10), Math.round(steps / 2), steps]);
const t0 = performance.now();
for (let i = 1; i <= steps; i++) {
  let loss;
  if (style === "tidy") loss = torch.tidy(step);
  else loss = step();
  const value = await loss.item();
  if (style === "tidy") loss.dispose();
  if (!Number.isFinite(value)) throw new Error(`step ${i}: loss is ${value}`);
  if (checkpoints.has(i)) {
    if (gcMode === "gc") {
      for (let k = 0; k < 3; k++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    const live = torch.memory_allocated(device);
    console.log(JSON.stringify({ step: i, live, expected, peak: torch.max_memory_allocated(device), ms: performance.now() - t0 }));
  }
}
process.exit(0);
