// WebGPU beside TensorFlow.js's WebGPU backend, on the same adapter in the same process: square
// float32 matmul (256–2048, GFLOP/s), one training step of an MLP 784-256-256-10 (ms), and a
// lesson-like loop of tiny ops, where per-op overhead is all that counts (µs per step). In
// Node both run on Dawn (the webgpu package); tfjs-backend-webgpu finds it as navigator.gpu.
// Every timing ends with a read of the result, so both sides wait for the GPU the same way.
import { execFileSync } from "node:child_process";
import * as torch from "flambeau";
import { median } from "./timing.mjs";
import { flambeauMlpStep, tfjsMlpStep } from "./mlp-steps.mjs";
import { MATH_N, flambeauMath, mathInput, tfjsMath } from "./math-chain.mjs";
import { flambeauCnnStep, flambeauConv, tfjsCnnStep, tfjsConv } from "./conv-steps.mjs";

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

/** A CPU-emulated adapter (lavapipe, SwiftShader) takes ~a minute per 2048² product: stop at 1024 there. */
const SOFTWARE_ADAPTER = /llvmpipe|lavapipe|swiftshader/i;

async function matmuls(tf) {
  const rows = [];
  const sizes = SOFTWARE_ADAPTER.test(webgpu.adapterDescription) ? [256, 512, 1024] : [256, 512, 1024, 2048];
  for (const n of sizes) {
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

// The lessons' workload (tiny-loop.mjs's, on the GPU and fewer steps): `m * x + b` on 100
// points, a squared-error sum, backward and a manual SGD update, then one read of m.
const TINY_STEPS = 500, TINY_LR = 1e-5;
const tinyXs = Array.from({ length: 100 }, (_, i) => i / 10);
const tinyYs = tinyXs.map((x) => 1.5 * x + 10 + Math.sin(x));

async function flambeauTiny() {
  const opts = { device: "webgpu" };
  const x = torch.tensor(tinyXs, opts), y = torch.tensor(tinyYs, opts);
  const m = torch.tensor([0.5], { ...opts, requires_grad: true }), b = torch.tensor([0.1], { ...opts, requires_grad: true });
  for (let step = 0; step < TINY_STEPS; step++) {
    m.mul(x).add(b).sub(y).pow(2).sum().backward();
    torch.no_grad(() => {
      for (const p of [m, b]) {
        p.sub_(p.grad.mul(TINY_LR));
        p.grad.zero_();
      }
    });
  }
  return m.item();
}

async function tfjsTiny(tf) {
  const x = tf.tensor1d(tinyXs), y = tf.tensor1d(tinyYs);
  const m = tf.variable(tf.tensor1d([0.5])), b = tf.variable(tf.tensor1d([0.1]));
  const loss = () => tf.sum(tf.square(tf.sub(tf.add(tf.mul(m, x), b), y)));
  for (let step = 0; step < TINY_STEPS; step++) {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(loss, [m, b]);
      for (const v of [m, b]) v.assign(tf.sub(v, tf.mul(grads[v.name], TINY_LR)));
    });
  }
  const out = (await m.data())[0];
  tf.dispose([x, y, m, b]);
  return out;
}

async function tinyLoop(tf) {
  const [a, c] = [await flambeauTiny(), await tfjsTiny(tf)];
  if (Math.abs(a - c) > 1e-3 * Math.abs(c)) throw new Error(`webgpu tiny loop: results disagree (${a} vs ${c})`);
  const ours = await median(flambeauTiny, { repeats: 3 });
  const peer = await median(() => tfjsTiny(tf), { repeats: 3 });
  console.log(`webgpu tiny loop: flambeau ${ours.toFixed(0)} ms, tfjs-webgpu ${peer.toFixed(0)} ms for ${TINY_STEPS} steps`);
  return {
    name: `webgpu tiny loop (${TINY_STEPS} steps, µs/step)`, unit: "µs", peerName: "tfjs-webgpu",
    ours: (ours * 1000) / TINY_STEPS, peer: (peer * 1000) / TINY_STEPS, target: "faster",
  };
}

async function elementwiseMath(tf) {
  const values = mathInput();
  const x = torch.tensor(values, { device: "webgpu" }), tx = tf.tensor1d(values);
  const [a, c] = [await flambeauMath(x), await tfjsMath(tf, tx)];
  if (Math.abs(a - c) > 1e-3 * Math.abs(c)) throw new Error(`webgpu elementwise math: results disagree (${a} vs ${c})`);
  const ours = await median(() => flambeauMath(x), { repeats: 5 });
  const peer = await median(() => tfjsMath(tf, tx), { repeats: 5 });
  tx.dispose();
  console.log(`webgpu elementwise math: flambeau ${ours.toFixed(1)} ms, tfjs-webgpu ${peer.toFixed(1)} ms`);
  return { name: `webgpu sin-tanh-erf-sigmoid-exp-log1p-atan2 on ${MATH_N}`, unit: "ms", peerName: "tfjs-webgpu", ours, peer, target: "" };
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
  rows.push(...(await convolutions(tf)));
  rows.push(await tinyLoop(tf));
  rows.push(await elementwiseMath(tf));
  if (tf.getBackend() !== "webgpu") throw new Error(`bench: tfjs ran on '${tf.getBackend()}', not webgpu`);
  // Both sides run on the one adapter Dawn offers here (tfjs-backend-webgpu asks the same GPU object).
  const adapter = `Dawn, ${SOFTWARE_ADAPTER.exec(webgpu.adapterDescription)?.[0] ?? webgpu.adapterDescription}`;
  return rows.map((r) => ({ ...r, oursSetup: adapter, peerSetup: adapter }));
}

// Conv2d forward+backward and lesson 6's CNN training step, batch 64 (conv-steps.mjs), on the
// same adapter as tfjs-backend-webgpu.
async function convolutions(tf) {
  const rows = [];
  const read = async (t) => (await t.data())[0];
  // On a CPU-emulated adapter a CNN step takes many seconds (minutes on a loaded machine): one
  // warm-up and one timed step per side there.
  const software = SOFTWARE_ADAPTER.test(webgpu.adapterDescription);
  const STEPS = software ? 1 : 5, repeats = software ? 1 : 3;
  for (const [name, ours, peer] of [
    ["webgpu Conv2d 1→32 3×3 fwd+bwd, batch 64", flambeauConv, tfjsConv],
    ["webgpu digits CNN training step, batch 64", flambeauCnnStep, tfjsCnnStep],
  ]) {
    const run = (step) => async () => { for (let i = 0; i < STEPS; i++) await step(); };
    const oursMs = (await median(run(ours(torch, { device: "webgpu", read: (t) => (t.numel() === 1 ? t.item() : read(t)) })), { repeats })) / STEPS;
    const peerMs = (await median(run(peer(tf, { read })), { repeats })) / STEPS;
    console.log(`${name}: flambeau ${oursMs.toFixed(1)} ms, tfjs-webgpu ${peerMs.toFixed(1)} ms`);
    rows.push({ name, unit: "ms", peerName: "tfjs-webgpu", ours: oursMs, peer: peerMs, target: "ahead" });
  }
  return rows;
}
