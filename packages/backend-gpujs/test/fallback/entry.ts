// Run without an X display: gpu.js cannot open headless-gl and falls back to a CPU backend.
// Prints what the device reports and computes, for fallback.test.ts.
import "@flambeau/backend-cpu";
import * as torch from "@flambeau/tensor";
import { fallbackReason, mode } from "@flambeau/backend-gpujs";

const x = torch.tensor([[1, 2], [3, 4]], { device: "gpujs" });
const y = x.matmul(x.t()).add(torch.tensor([0.5, -1], { device: "gpujs" }));
console.log(
  JSON.stringify({
    mode: mode(),
    reason: fallbackReason(),
    y: Array.from(y.dataSync()),
    rowMax: Array.from(y.amax(1).dataSync()),
    ints: Array.from(torch.tensor([7, -7], { dtype: "int32", device: "gpujs" }).remainder(3).dataSync()),
  }),
);
