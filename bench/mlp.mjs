// One training step of an MLP 784-256-256-10 (batch 128, ReLU, cross-entropy, SGD), in ms,
// beside TensorFlow.js (CPU and wasm backends) and jax-js (wasm, jit) doing the same step.
import * as torch from "flambeau";
import { tfjsCpu } from "./tfjs.mjs";
import { jaxMlpStep, jaxWasm, tfjsWasm } from "./wasm-peers.mjs";
import { median } from "./timing.mjs";
import { flambeauMlpStep, tfjsMlpStep } from "./mlp-steps.mjs";

const STEPS = 5;
const perStep = async (step, repeats = 5) => (await median(async () => { for (let i = 0; i < STEPS; i++) await step(); }, { repeats })) / STEPS;

export async function mlp() {
  const oursMs = await perStep(flambeauMlpStep(torch));
  const peers = {
    "tfjs-cpu": await perStep(tfjsMlpStep(await tfjsCpu()), 3),
    "tfjs-wasm (1 thread)": await perStep(tfjsMlpStep(await tfjsWasm()), 3),
  };
  await jaxWasm();
  peers["jax-js wasm"] = await perStep(jaxMlpStep(), 3);
  console.log(`mlp step: flambeau ${oursMs.toFixed(1)} ms; ` + Object.entries(peers).map(([p, ms]) => `${p} ${ms.toFixed(1)} ms`).join(", "));
  return Object.entries(peers).map(([peerName, peer]) => ({
    name: "MLP 784-256-256-10 step, batch 128", unit: "ms", peerName, ours: oursMs, peer, target: "<= 10 ms, ahead",
  }));
}
