// Runs every benchmark and prints a table of our time beside each peer's, measured in this
// process on this machine; ratios > 1 mean Flambeau is faster.
import { tinyLoop } from "./tiny-loop.mjs";
import { matmul } from "./matmul.mjs";
import { mlp } from "./mlp.mjs";

const suites = { "tiny-loop": tinyLoop, matmul, mlp };
suites.gpujs = async () => (await import("./gpujs.mjs")).gpujs(); // WebGL, in headless Chromium
suites.webgpu = async () => (await import("./webgpu.mjs")).webgpuBench(); // Dawn in Node, beside tfjs-backend-webgpu
const only = process.argv[2];
const rows = [];
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  rows.push(...(await run()));
}
console.log();
console.table(
  rows.map((r) => ({
    benchmark: r.name,
    flambeau: r.ours.toFixed(r.digits ?? 1) + " " + r.unit,
    [r.peerName]: r.peer.toFixed(r.digits ?? 1) + " " + r.unit,
    "speed-up": (r.higherIsBetter ? r.ours / r.peer : r.peer / r.ours).toFixed(2) + "x",
    target: r.target ?? "",
  })),
);
