// Where waking the CPU backend's worker threads starts to pay: float32 products around the
// backend's threshold (THREAD_MIN_WORK multiply-adds, packages/backend-cpu/src/wasm/threads.ts),
// each timed on one thread and on all, interleaved, keeping the fastest of many runs (the
// least disturbed by other processes on a busy machine). Each product is freed by torch.tidy, as
// in matmul.mjs. Shapes: squares, and the products of the MLP bench's step (forward, and the two
// gradients of each layer). Prints its own table.
import * as torch from "flambeau";
import { flambeauCpuSetup } from "./setup.mjs";

const SHAPES = [
  [128, 128, 128], [160, 160, 160], [192, 192, 192], [224, 224, 224], [256, 256, 256],
  [320, 320, 320], [384, 384, 384], [512, 512, 512],
  // The MLP 784-256-256-10 step, batch 128: x@W1, its input and weight gradients, then layer 2's.
  [128, 784, 256], [128, 256, 784], [784, 128, 256], [128, 256, 256], [256, 128, 256],
];

/** The fastest of `runs` calls, in ms. */
function fastest(fn, runs) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export async function threads() {
  const all = torch.get_num_threads();
  if (all < 2) {
    console.log(`threads: only ${flambeauCpuSetup()} here, nothing to compare`);
    return [];
  }
  const table = [];
  for (const [m, k, n] of SHAPES) {
    const a = torch.randn([m, k]), b = torch.randn([k, n]);
    const macs = m * k * n;
    const runs = Math.max(5, Math.min(60, Math.round(4e8 / macs)));
    const best = { 1: Infinity, [all]: Infinity };
    for (let round = 0; round < 3; round++)
      for (const t of [1, all]) {
        torch.set_num_threads(t);
        best[t] = Math.min(best[t], fastest(() => torch.tidy(() => { a.matmul(b); }), runs));
      }
    table.push({
      "m x k x n": `${m}x${k}x${n}`, "M mul-adds": +(macs / 1e6).toFixed(1),
      "1 thr ms": +best[1].toFixed(3), [`${all} thr ms`]: +best[all].toFixed(3),
      [`${all} thr speed-up`]: (best[1] / best[all]).toFixed(2) + "x",
    });
  }
  torch.set_num_threads(all);
  console.log(`matmul on 1 thread and on ${all} (${flambeauCpuSetup()}), fastest of many runs:`);
  console.table(table);
  return [];
}
