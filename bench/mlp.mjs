// One training step of an MLP 784-256-256-10 (batch 128, ReLU, cross-entropy, SGD), in ms,
// beside TensorFlow.js's CPU backend doing the same step.
import * as torch from "flambeau";
import { tfjsCpu } from "./tfjs.mjs";
import { median } from "./timing.mjs";
import { flambeauMlpStep, tfjsMlpStep } from "./mlp-steps.mjs";

const STEPS = 5;


export async function mlp() {
  const tf = await tfjsCpu();
  const ours = flambeauMlpStep(torch), peer = tfjsMlpStep(tf);
  const oursMs = (await median(() => { for (let i = 0; i < STEPS; i++) ours(); })) / STEPS;
  const peerMs = (await median(() => { for (let i = 0; i < STEPS; i++) peer(); }, { repeats: 3 })) / STEPS;
  console.log(`mlp step: flambeau ${oursMs.toFixed(1)} ms, tfjs-cpu ${peerMs.toFixed(1)} ms`);
  return [{ name: "MLP 784-256-256-10 step, batch 128", unit: "ms", peerName: "tfjs-cpu", ours: oursMs, peer: peerMs, target: "faster" }];
}
