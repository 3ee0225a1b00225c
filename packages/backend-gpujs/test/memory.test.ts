// Decision 5 on gpu.js: lesson 5's training loop, with no dispose() calls, holds flat GPU
// memory. Tensors are freed by the garbage collector (FinalizationRegistry), which deletes
// their textures; the counts come from torch.memory() (tensors the framework holds) and from
// the WebGL context itself (every texture gpu.js holds, its own included).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { mode, textureStats } from "@flambeau/backend-gpujs";
import { LinearRegressionModel } from "@flambeau/test-kit";

const STEPS = 10_000;

// A full collection on demand (what --expose-gc gives), so samples do not depend on when V8
// happens to collect.
setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Let finalizers run: collect, then yield, since FinalizationRegistry callbacks run as tasks
 * of their own (a loop that never yields to the event loop frees nothing until it does).
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe("memory on gpujs", () => {
  it("lesson 5's loop keeps textures and bytes flat over 10,000 steps without dispose()", async () => {
    expect(mode()).toBe("headlessgl");
    torch.manual_seed(0);
    const x = torch.arange(0, 11, { dtype: "float32" }).reshape(-1, 1).to("gpujs");
    const y = x.mul(2).add(1);
    const model = new LinearRegressionModel(1, 1).to("gpujs");
    const criterion = new torch.nn.MSELoss();
    const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
    const samples: { step: number; tensors: number; bytes: number; textures: number; textureBytes: number }[] = [];
    let lastLoss: torch.Tensor | null = null;
    for (let step = 1; step <= STEPS; step++) {
      optimizer.zero_grad();
      const loss = criterion(model(x), y);
      lastLoss = loss;
      loss.backward();
      optimizer.step();
      if (step % 1000 === 0) {
        await settle();
        const m = torch.memory().gpujs!;
        const t = textureStats();
        samples.push({ step, tensors: m.tensors, bytes: m.bytes, textures: t.textures, textureBytes: t.bytes });
      }
    }
    console.table(samples);
    const final = await lastLoss!.item();
    expect(final).toBeLessThan(1e-3);
    // After warm-up, nothing grows: the last sample holds no more than the first one did.
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    expect(last.tensors).toBeLessThanOrEqual(first.tensors);
    expect(last.bytes).toBeLessThanOrEqual(first.bytes);
    expect(last.textures).toBeLessThanOrEqual(first.textures);
    expect(last.textureBytes).toBeLessThanOrEqual(first.textureBytes);
  }, 600_000);
});
