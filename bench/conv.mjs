// Convolution on the CPU: Conv2d forward+backward (batch 64, 1×28×28 → 32 channels, 3×3) and
// one training step of lesson 6's digits CNN (batch 64), in ms, beside TensorFlow.js's CPU and
// wasm backends doing the same work in the same process (conv-steps.mjs). A peer that lacks a
// kernel the work needs gets a row saying so instead of a time.
import * as torch from "flambeau";
import { tfjsCpu } from "./tfjs.mjs";
import { tfjsWasm } from "./wasm-peers.mjs";
import { median } from "./timing.mjs";
import { flambeauCnnStep, flambeauConv, tfjsCnnStep, tfjsConv } from "./conv-steps.mjs";

const STEPS = 3;
const perStep = async (step, repeats = 5) => (await median(async () => { for (let i = 0; i < STEPS; i++) await step(); }, { repeats })) / STEPS;

/** The peer's time, or the reason it could not run (an unsupported kernel). */
async function peerTime(make, build) {
  try {
    return await perStep(build(await make()), 3);
  } catch (e) {
    return e instanceof Error ? e.message.split("\n")[0] : String(e);
  }
}

export async function conv() {
  const rows = [];
  for (const [name, ours, peer] of [
    ["Conv2d 1→32 3×3 fwd+bwd, batch 64 of 28×28", flambeauConv, tfjsConv],
    ["digits CNN training step (lesson 6), batch 64", flambeauCnnStep, tfjsCnnStep],
  ]) {
    const oursMs = await perStep(ours(torch));
    const peers = { "tfjs-cpu": await peerTime(tfjsCpu, peer), "tfjs-wasm (1 thread)": await peerTime(tfjsWasm, peer) };
    console.log(`${name}: flambeau ${oursMs.toFixed(1)} ms; ` + Object.entries(peers).map(([p, ms]) => `${p} ${typeof ms === "number" ? ms.toFixed(1) + " ms" : `n/a (${ms})`}`).join(", "));
    for (const [peerName, peerMs] of Object.entries(peers))
      if (typeof peerMs === "number") rows.push({ name, unit: "ms", peerName, ours: oursMs, peer: peerMs, target: "ahead" });
  }
  await tfjsCpu(); // leave TensorFlow.js on its CPU backend for the suites after this one
  return rows;
}
