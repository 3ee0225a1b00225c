// One training step of an MLP 784-256-256-10 (batch 128, ReLU, cross-entropy, SGD), in ms,
// beside TensorFlow.js (CPU and wasm backends) and jax-js (wasm, jit) doing the same step.
import * as torch from "flambeau";
import { onTfjs, tfjsCpu, tfjsSetup } from "./tfjs.mjs";
import { jaxMlpStep, jaxSetup, jaxWasm, tfjsWasm } from "./wasm-peers.mjs";
import { flambeauCpuSetup } from "./setup.mjs";
import { median } from "./timing.mjs";
import { flambeauMlpStep, tfjsMlpStep } from "./mlp-steps.mjs";
import { simdMemoryBytes } from "@flambeau/backend-cpu";

const STEPS = 5;
/** Steps of the memory check: RSS and the SIMD kernels' WebAssembly memory must stay flat. */
const MEMORY_STEPS = 500;
const MiB = (b) => (b / 2 ** 20).toFixed(1) + " MiB";

async function memoryCheck() {
  const step = flambeauMlpStep(torch);
  for (let i = 0; i < 50; i++) step();
  const before = { rss: process.memoryUsage().rss, wasm: simdMemoryBytes() };
  for (let i = 0; i < MEMORY_STEPS; i++) step();
  const after = { rss: process.memoryUsage().rss, wasm: simdMemoryBytes() };
  console.log(`memory over ${MEMORY_STEPS} more MLP steps: RSS ${MiB(before.rss)} -> ${MiB(after.rss)}, ` +
    `WebAssembly memory ${MiB(before.wasm)} -> ${MiB(after.wasm)}`);
}
/**
 * Every side gets the same 20 untimed steps first: a training run's cost is its steady state,
 * and JavaScript engines reach it only after their optimizing compilers have seen a few dozen
 * calls (Flambeau's step took 6-9 ms for its first ~30 steps, ~5.5 ms from then on, on the
 * idle 2-core VM); jax-js compiles its jitted step on the first call.
 */
const WARMUP_ROUNDS = 4;
const perStep = async (step, repeats = 5) =>
  (await median(async () => { for (let i = 0; i < STEPS; i++) await step(); }, { repeats, warmup: WARMUP_ROUNDS })) / STEPS;

export async function mlp() {
  const oursMs = await perStep(flambeauMlpStep(torch));
  const oursSetup = flambeauCpuSetup();
  const peers = [];
  for (const [peerName, use] of [["tfjs-cpu", tfjsCpu], ["tfjs-wasm", tfjsWasm]]) {
    const tf = await use();
    const peer = await onTfjs(tf.getBackend(), () => perStep(tfjsMlpStep(tf), 3));
    peers.push({ peerName, peerSetup: await tfjsSetup(), peer });
  }
  await jaxWasm();
  peers.push({ peerName: "jax-js wasm", peerSetup: jaxSetup(), peer: await perStep(jaxMlpStep(), 3) });
  await memoryCheck();
  console.log(`mlp step: flambeau ${oursMs.toFixed(1)} ms; ` + peers.map((p) => `${p.peerName} ${p.peer.toFixed(1)} ms`).join(", "));
  return peers.map((p) => ({ name: "MLP 784-256-256-10 step, batch 128", unit: "ms", ours: oursMs, oursSetup, ...p, target: "<= 10 ms, ahead" }));
}
