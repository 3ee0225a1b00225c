// Runs every benchmark and prints a table of our time beside each peer's, measured in this
// process on this machine; ratios > 1 mean Flambeau is faster.
import { tinyLoop } from "./tiny-loop.mjs";
import { matmul } from "./matmul.mjs";
import { mlp } from "./mlp.mjs";
import { muladd } from "./muladd.mjs";
import { conv } from "./conv.mjs";
import * as torch from "flambeau";
import { cpuKernels } from "@flambeau/backend-cpu";

const suites = { "tiny-loop": tinyLoop, matmul, mlp, muladd, conv };
suites.gpujs = async () => (await import("./gpujs.mjs")).gpujs(); // WebGL, in headless Chromium
suites.webgpu = async () => (await import("./webgpu.mjs")).webgpuBench(); // Dawn in Node, beside tfjs-backend-webgpu
suites.memory = async () => (await import("./memory.mjs")).memory(); // live GPU bytes over 10,000 training steps
const only = process.argv[2];
const rows = [];
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  rows.push(...(await run()).map((r) => ({ ...r, suite: name })));
}
// Suites without a peer (memory) print tables of their own.
if (rows.length === 0) process.exit(0);
console.log();
// The CPU rows run on these kernels and (unless a row says) this many threads.
const cpuSetup = `${cpuKernels() === "simd" ? "wasm SIMD" : "plain JS"}, ${torch.get_num_threads()} thr`;
console.log(`flambeau cpu: ${cpuSetup}`);
console.table(
  rows.map((r) => ({
    benchmark: r.name,
    "flambeau cpu": r.suite === "gpujs" || r.suite === "webgpu" ? "-" : r.threads ? `${cpuKernels() === "simd" ? "wasm SIMD" : "plain JS"}, ${r.threads} thr` : cpuSetup,
    flambeau: r.ours.toFixed(r.digits ?? 1) + " " + r.unit,
    [r.peerName]: r.peer.toFixed(r.digits ?? 1) + " " + r.unit,
    "speed-up": (r.higherIsBetter ? r.ours / r.peer : r.peer / r.ours).toFixed(2) + "x",
    target: r.target ?? "",
  })),
);
// Peers may leave worker pools running (jax-js): end once the table is out.
process.exit(0);
