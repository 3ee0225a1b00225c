// The WebAssembly peers of the CPU benchmarks: TensorFlow.js's wasm backend (SIMD, XNNPACK) and
// jax-js on its "wasm" device (generated SIMD kernels, a worker pool when SharedArrayBuffer
// exists). Both load their kernels from their packages: nothing is fetched at run time.
import "@tensorflow/tfjs-backend-wasm";
import * as jax from "@jax-js/jax";
import { BATCH, SIZES } from "./mlp-steps.mjs";
import { useTfjs } from "./tfjs.mjs";

/** TensorFlow.js switched to its wasm backend, checked (switch back with tfjsCpu()). */
export const tfjsWasm = () => useTfjs("wasm");

let jaxReady;
/** jax-js with "wasm" as its default device, checked. */
export async function jaxWasm() {
  jaxReady ??= jax.init("wasm").then((devices) => {
    if (!devices.includes("wasm")) throw new Error(`bench: jax-js has no wasm device (${devices})`);
    jax.defaultDevice("wasm");
  });
  await jaxReady;
  if (jax.defaultDevice() !== "wasm") throw new Error(`bench: jax-js is on '${jax.defaultDevice()}', not wasm`);
  return jax;
}

/**
 * jax-js's setup, printed on its rows. Its wasm kernels are always generated with SIMD; it
 * starts a worker pool of navigator.hardwareConcurrency workers only where both
 * SharedArrayBuffer and a global Worker exist (jax-js 0.1.25, createWorkerPool), so in Node
 * (no global Worker) it computes on the calling thread.
 */
export function jaxSetup() {
  const pool = typeof SharedArrayBuffer !== "undefined" && typeof Worker !== "undefined";
  return `SIMD, ${pool ? (globalThis.navigator?.hardwareConcurrency || 4) + " workers" : "1 thr"}`;
}

function randn(n, scale = 1) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return out;
}

/** An `n x n` float32 product in jax-js, forced with blockUntilReady. */
export function jaxMatmul(n) {
  const { numpy: np } = jax;
  const a = np.array(randn(n * n)).reshape([n, n]);
  const b = np.array(randn(n * n)).reshape([n, n]);
  return {
    run: async () => {
      const c = np.matmul(a.ref, b.ref);
      await c.blockUntilReady();
      c.dispose();
    },
    dispose: () => { a.dispose(); b.dispose(); },
  };
}

/** `a * b + c` over `n` float32 in jax-js. */
export function jaxMulAdd(n) {
  const { numpy: np } = jax;
  const [a, b, c] = [np.array(randn(n)), np.array(randn(n)), np.array(randn(n))];
  return async () => {
    const r = a.ref.mul(b.ref).add(c.ref);
    await r.blockUntilReady();
    r.dispose();
  };
}

/** The MLP step of mlp-steps.mjs in jax-js: jit(valueAndGrad) and an SGD update, lr 0.01. */
export function jaxMlpStep() {
  const { numpy: np, nn, jit, valueAndGrad, tree } = jax;
  const layer = (i, o) => [np.array(randn(i * o, 1 / Math.sqrt(i))).reshape([i, o]), np.zeros([o])];
  let params = [layer(SIZES[0], SIZES[1]), layer(SIZES[1], SIZES[2]), layer(SIZES[2], SIZES[3])];
  const x = np.array(randn(BATCH * SIZES[0])).reshape([BATCH, SIZES[0]]);
  const labels = Array.from({ length: BATCH }, () => Math.floor(Math.random() * SIZES[3]));
  const yData = new Float32Array(BATCH * SIZES[3]);
  labels.forEach((l, i) => (yData[i * SIZES[3] + l] = 1));
  const y = np.array(yData).reshape([BATCH, SIZES[3]]);
  const loss = (p, x, y) => {
    let h = x;
    p.forEach(([w, b], i) => {
      h = np.matmul(h, w).add(b);
      if (i < p.length - 1) h = nn.relu(h);
    });
    return nn.logSoftmax(h).mul(y).sum().mul(-1 / BATCH);
  };
  const step = jit((p, x, y) => {
    const [l, g] = valueAndGrad(loss)(tree.ref(p), x, y);
    return [l, tree.map((w, gw) => w.sub(gw.mul(0.01)), p, g)];
  });
  return async () => {
    const [l, next] = step(params, x.ref, y.ref);
    params = next;
    await jax.blockUntilReady([l, params]);
    const value = (await l.data())[0];
    return value;
  };
}
