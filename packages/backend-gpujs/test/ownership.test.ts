// Decision 5 on gpu.js: the shared memory-ownership suite, with and without forced garbage
// collection, and the torch.cuda-style controls of torch.backends.gpujs.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import * as torch from "flambeau";
import { mode, textureStats } from "@flambeau/backend-gpujs";
import { runMemoryConformance } from "@flambeau/test-kit";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

it("runs on headless-gl", () => expect(mode()).toBe("headlessgl"));

runMemoryConformance("gpujs", { countsBytes: true });
runMemoryConformance("gpujs", { countsBytes: true, gc });

it("torch.backends.gpujs reports live bytes and deletes pooled textures with empty_cache()", async () => {
  const controls = torch.backends.gpujs;
  const before = controls.memory_allocated();
  const small = torch.tidy(() => torch.ones([1000], { device: "gpujs" }).add(1).mul(2)); // pooled-size textures
  expect(controls.memory_allocated() - before).toBe(4000);
  expect(controls.max_memory_allocated()).toBeGreaterThanOrEqual(controls.memory_allocated());
  const total = small.sum();
  expect(await total.item()).toBe(4000);
  total.dispose();
  small.dispose();
  expect(controls.memory_allocated()).toBe(before);
  controls.empty_cache();
  expect(textureStats().pooled).toBe(0);
  expect(await torch.ones([1000], { device: "gpujs" }).add(1).sum().item()).toBe(2000);
});
