// Runs every benchmark and prints a table of our time beside each peer's, measured in this
// process on this machine; ratios > 1 mean Flambeau is faster.
import { tinyLoop } from "./tiny-loop.mjs";
import { matmul } from "./matmul.mjs";
import { mlp } from "./mlp.mjs";
import { muladd } from "./muladd.mjs";
import { conv } from "./conv.mjs";

const suites = { "tiny-loop": tinyLoop, matmul, mlp, muladd, conv };
suites.browser = async () => (await import("./browser.mjs")).browser(); // the MLP step in headless Chromium, beside tfjs-wasm
suites.gpujs = async () => (await import("./gpujs.mjs")).gpujs(); // WebGL, in headless Chromium
suites.webgpu = async () => (await import("./webgpu.mjs")).webgpuBench(); // Dawn in Node, beside tfjs-backend-webgpu
suites.threads = async () => (await import("./threads.mjs")).threads(); // 1 thread against all, around the threads threshold
suites.memory = async () => (await import("./memory.mjs")).memory(); // live GPU bytes over 10,000 training steps
const only = process.argv[2];
const rows = [];
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  rows.push(...(await run()).map((r) => ({ ...r, suite: name })));
}
// Suites without a peer (memory) print tables of their own.
if (rows.length === 0) process.exit(0);
// Every row says what each side ran on: for the CPU, the kernels (SIMD or not) and threads.
const GPU_SUITES = new Set(["gpujs", "webgpu"]);
for (const r of rows)
  if (!GPU_SUITES.has(r.suite) && !(r.oursSetup && r.peerSetup)) throw new Error(`bench: row '${r.name}' (${r.peerName}) does not say what it ran on`);
const value = (r, v) => v.toFixed(r.digits ?? 1) + " " + r.unit;
console.log();
console.table(
  rows.map((r) => ({
    benchmark: r.name,
    flambeau: value(r, r.ours),
    "flambeau on": r.oursSetup ?? "",
    peer: r.peerName,
    "peer on": r.peerSetup ?? "",
    "peer's": r.failed ? `n/a (${r.failed})` : value(r, r.peer),
    "speed-up": r.failed ? "-" : (r.higherIsBetter ? r.ours / r.peer : r.peer / r.ours).toFixed(2) + "x",
    target: r.target ?? "",
  })),
);
// Peers may leave worker pools running (jax-js): end once the table is out.
process.exit(0);
