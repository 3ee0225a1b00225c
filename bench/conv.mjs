// Convolution on the CPU: Conv2d forward+backward (batch 64, 1×28×28 → 32 channels, 3×3) and
// one training step of lesson 6's digits CNN (batch 64), in ms, beside TensorFlow.js's CPU and
// wasm backends doing the same work in the same process (conv-steps.mjs). A peer that lacks a
// kernel the work needs gets a row saying so instead of a time.
import * as torch from "flambeau";
import { onTfjs, tfjsCpu, tfjsSetup } from "./tfjs.mjs";
import { flambeauCpuSetup } from "./setup.mjs";
import { tfjsWasm } from "./wasm-peers.mjs";
import { median } from "./timing.mjs";
import { flambeauCnnStep, flambeauConv, tfjsCnnStep, tfjsConv } from "./conv-steps.mjs";

const STEPS = 3;
const perStep = async (step, repeats = 5) => (await median(async () => { for (let i = 0; i < STEPS; i++) await step(); }, { repeats })) / STEPS;

/** The peer's time and setup, or the reason it could not run (an unsupported kernel). */
async function peerTime(use, build) {
  const tf = await use();
  const peerSetup = await tfjsSetup();
  try {
    return { peer: await onTfjs(tf.getBackend(), () => perStep(build(tf), 3)), peerSetup };
  } catch (e) {
    return { failed: e instanceof Error ? e.message.split("\n")[0] : String(e), peerSetup };
  }
}

export async function conv() {
  const rows = [];
  for (const [name, ours, peer] of [
    ["Conv2d 1→32 3×3 fwd+bwd, batch 64 of 28×28", flambeauConv, tfjsConv],
    ["digits CNN training step (lesson 6), batch 64", flambeauCnnStep, tfjsCnnStep],
  ]) {
    const oursMs = await perStep(ours(torch));
    const oursSetup = flambeauCpuSetup();
    const peers = { "tfjs-cpu": await peerTime(tfjsCpu, peer), "tfjs-wasm": await peerTime(tfjsWasm, peer) };
    console.log(`${name}: flambeau ${oursMs.toFixed(1)} ms; ` + Object.entries(peers).map(([p, r]) => `${p} ${r.failed ? `n/a (${r.failed})` : r.peer.toFixed(1) + " ms"}`).join(", "));
    for (const [peerName, r] of Object.entries(peers))
      rows.push({ name, unit: "ms", ours: oursMs, oursSetup, peerName, ...r, target: "ahead" });
  }
  await tfjsCpu(); // leave TensorFlow.js on its CPU backend for the suites after this one
  return rows;
}
