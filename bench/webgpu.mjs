// WebGPU beside TensorFlow.js's WebGPU backend, on the same adapter in the same process: square
// float32 matmul (256–2048, GFLOP/s) and one training step of an MLP 784-256-256-10 (ms). In
// Node both run on Dawn (the webgpu package); tfjs-backend-webgpu finds it as navigator.gpu.
// Every timing ends with a read of the result, so both sides wait for the GPU the same way.
import { execFileSync } from "node:child_process";
import * as torch from "flambeau";
import { median } from "./timing.mjs";
import { flambeauMlpStep, tfjsMlpStep } from "./mlp-steps.mjs";

let init, webgpu;

/**
 * The backend package, built first when `pnpm bench`'s build (flambeau and its dependencies)
 * did not include it.
 */
async function loadBackend() {
  try {
    ({ init, webgpu } = await import("@flambeau/backend-webgpu"));
  } catch {
    console.log("building @flambeau/backend-webgpu …");
    execFileSync("pnpm", ["--filter", "@flambeau/backend-webgpu", "build"], { stdio: "inherit" });
    ({ init, webgpu } = await import("@flambeau/backend-webgpu"));
  }
}

const STEPS = 5;

async function tfjsWebgpu() {
  // tfjs-backend-webgpu looks for navigator.gpu: hand it the GPU object Flambeau's device came from.
  if (!globalThis.navigator?.gpu) Object.defineProperty(globalThis, "navigator", { value: { gpu: webgpu.context.gpu }, configurable: true });
  const tf = await import("@tensorflow/tfjs");
  await import("@tensorflow/tfjs-backend-webgpu");
  if (!(await tf.setBackend("webgpu"))) throw new Error("tfjs-backend-webgpu did not initialise");
  await tf.ready();
  return tf;
}

async function matmuls(tf) {
  const rows = [];
  for (const n of [256, 512, 1024, 2048]) {
    const a = torch.randn([n, n], { device: "webgpu" }), b = torch.randn([n, n], { device: "webgpu" });
    const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
    const repeats = n >= 1024 ? 3 : 5;
    const ours = await median(() => a.matmul(b).data(), { repeats });
    const peer = await median(async () => {
      const c = tf.matMul(ta, tb);
      await c.data();
      c.dispose();
    }, { repeats });
    const gflops = (ms) => (2 * n ** 3) / (ms * 1e6);
    console.log(`webgpu matmul ${n}: flambeau ${ours.toFixed(1)} ms, tfjs-webgpu ${peer.toFixed(1)} ms`);
    rows.push({
      name: `webgpu matmul ${n}x${n} float32`, unit: "GFLOP/s", peerName: "tfjs-webgpu", digits: 2,
      ours: gflops(ours), peer: gflops(peer), higherIsBetter: true, target: "ahead",
    });
    tf.dispose([ta, tb]);
  }
  return rows;
}

export async function webgpuBench() {
  await loadBackend();
  await init();
  const tf = await tfjsWebgpu();
  console.log(`webgpu adapter: ${webgpu.adapterDescription}`);
  const rows = await matmuls(tf);
  const ours = flambeauMlpStep(torch, { device: "webgpu", read: (loss) => loss.item() });
  const peer = tfjsMlpStep(tf, { read: async (cost) => (await cost.data())[0] });
  const run = (step) => async () => { for (let i = 0; i < STEPS; i++) await step(); };
  const oursMs = (await median(run(ours))) / STEPS;
  const peerMs = (await median(run(peer))) / STEPS;
  console.log(`webgpu mlp step: flambeau ${oursMs.toFixed(1)} ms, tfjs-webgpu ${peerMs.toFixed(1)} ms`);
  rows.push({ name: "webgpu MLP 784-256-256-10 step, batch 128", unit: "ms", peerName: "tfjs-webgpu", ours: oursMs, peer: peerMs, target: "faster" });
  return rows;
}
