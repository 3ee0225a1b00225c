// One memory run (a child of memory.mjs): the MLP training step of mlp-steps.mjs on one device
// for `steps` steps, printing JSON lines with the live device bytes (torch.memory_allocated) at
// 10%, 50% and 100% of the steps beside the target. argv: device, "gc" | "nogc" | "both", steps,
// "plain" | "tidy", "small" | "full". "plain" is written as in PyTorch (no dispose, no tidy);
// "tidy" wraps the step in torch.tidy and disposes the loss once read. With "gc" (node
// --expose-gc) full collections run, and finalizers get to run, before each checkpoint; "both"
// reads each checkpoint before and after forcing them (one run instead of two: the collections
// forced at a checkpoint are then like the collector's own major collections for the next one).
// Each line also carries the process's RSS, so host memory is read beside device memory.
import * as torch from "flambeau";
import { MEMORY_MODELS } from "./memory-models.mjs";
import { flambeauMlp } from "./mlp-steps.mjs";

const [device, gcMode, stepsArg, style, size = "small"] = process.argv.slice(2);
const steps = Number(stepsArg);
if (device === "webgpu") await (await import("@flambeau/backend-webgpu")).init();
else await import("@flambeau/backend-gpujs");

const shape = MEMORY_MODELS[size];
const { model, opt, x, y, step } = flambeauMlp(torch, device, shape);

const bytes = (ts) => ts.reduce((n, t) => n + t.numel() * t.element_size(), 0);
const params = bytes(model.parameters());
/** Optimizer state on the device (none for plain SGD; momentum buffers, Adam's moments otherwise). */
const optimizerState = () => bytes([...opt.state.values()].flatMap((s) => Object.values(s).filter((v) => v instanceof torch.Tensor)));
// One step's activations that the loop holds once the step is over: the model's output and the loss.
const activations = shape.batch * shape.sizes[3] * 4 + 4;
// Gradients stay in .grad until the next zero_grad: one per parameter.
const target = () => 2 * params + optimizerState() + bytes([x, y]) + activations;

const checkpoints = new Set([Math.round(steps / 10), Math.round(steps / 2), steps]);
// The highest live figure after any step so far (not the in-step peak): how far memory climbs
// between the collector's visits.
let maxLive = 0;
const t0 = performance.now();
for (let i = 1; i <= steps; i++) {
  let loss;
  if (style === "tidy") loss = torch.tidy(step);
  else loss = step();
  const value = await loss.item();
  if (style === "tidy") loss.dispose();
  if (!Number.isFinite(value)) throw new Error(`step ${i}: loss is ${value}`);
  maxLive = Math.max(maxLive, torch.memory_allocated(device));
  if (checkpoints.has(i)) {
    const ms = performance.now() - t0;
    const reading = (gc) => ({ step: i, gc, live: torch.memory_allocated(device), maxLive, target: target(), activations, peak: torch.max_memory_allocated(device), rss: process.memoryUsage().rss, ms });
    if (gcMode === "both") console.log(JSON.stringify(reading(false)));
    if (gcMode !== "nogc") {
      for (let k = 0; k < 3; k++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    console.log(JSON.stringify(reading(gcMode !== "nogc")));
  }
}
process.exit(0);
