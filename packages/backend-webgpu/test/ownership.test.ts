// Decision 5 on WebGPU: the shared memory-ownership suite, with and without forced garbage
// collection, and the torch.cuda-style controls of torch.backends.webgpu.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, expect, it } from "vitest";
import "@flambeau/backend-cpu";
import * as torch from "flambeau";
import { init } from "@flambeau/backend-webgpu";
import { runMemoryConformance } from "@flambeau/test-kit";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

beforeAll(async () => {
  await init();
});

runMemoryConformance("webgpu", { countsBytes: true });
runMemoryConformance("webgpu", { countsBytes: true, gc });

it("torch.backends.webgpu reports live bytes and gives idle buffers back with empty_cache()", async () => {
  const controls = torch.backends.webgpu;
  const before = controls.memory_allocated();
  const big = torch.ones([1 << 18], { device: "webgpu" }); // 1 MiB: a buffer of its own, not a slab block
  expect(controls.memory_allocated() - before).toBe(1 << 20);
  expect(controls.max_memory_allocated()).toBeGreaterThanOrEqual(controls.memory_allocated());
  const total = big.sum();
  expect(await total.item()).toBe(1 << 18);
  total.dispose();
  big.dispose();
  expect(controls.memory_allocated()).toBe(before);
  const pooled = controls.pool_stats().bytes;
  controls.empty_cache();
  expect(controls.pool_stats().bytes).toBeLessThanOrEqual(pooled - (1 << 20));
  const again = torch.ones([1 << 18], { device: "webgpu" }); // the device still works
  expect(await again.sum().item()).toBe(1 << 18);
});
