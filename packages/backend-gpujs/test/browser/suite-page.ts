// The page script of the browser test: the gpujs device with the shared conformance suites
// registered on the in-page runner, handed to the test as `window.suite`.
import "@flambeau/backend-cpu";
import { fallbackReason, mode, textureStats } from "@flambeau/backend-gpujs";
import * as torch from "flambeau";
import { expect, it } from "vitest";
import { count, run } from "@flambeau/test-kit/page";
import { runConformance, runNnConformance, runOptimConformance, runDataConformance } from "@flambeau/test-kit";

runConformance("gpujs", { skipDtypes: ["float64"] });
runNnConformance("gpujs");
runOptimConformance("gpujs");
runDataConformance("gpujs");

// WebGL2 reads through a pixel-pack buffer and a fence, so the page keeps running meanwhile;
// the read sees the values of the moment it was asked for.
it("gpujs async reads on WebGL2 see the values of the moment they were asked for", async () => {
  const t = torch.arange(0, 1000, { dtype: "float32", device: "gpujs" }).mul(0.5);
  const pending = t.data();
  t.add_(1);
  const [before, after] = [await pending, await t.data()];
  expect(before[999]).toBe(499.5);
  expect(after[999]).toBe(500.5);
  expect(Array.from(await torch.tensor([3, -4], { dtype: "int32", device: "gpujs" }).data())).toEqual([3, -4]);
});

// Large products take the packed (RGBA) matmul kernels, which the suites' small cases do not reach.
it("gpujs packed matmul agrees with the CPU", () => {
  torch.manual_seed(0);
  const a = torch.randn([128, 784]), b = torch.randn([256, 784]);
  const want = a.matmul(b.t()).dataSync();
  const got = a.to("gpujs").matmul(b.to("gpujs").t()).dataSync();
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!)));
  expect(worst).toBeLessThan(1e-4);
});

(globalThis as unknown as { suite: unknown }).suite = { run, count, mode, fallbackReason, textureStats };
document.body.dataset.ready = "yes";
