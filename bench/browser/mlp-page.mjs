// The browser MLP page: bench/browser.mjs bundles it (with the test kit's bundler) and opens it in
// headless Chromium, cross-origin isolated, so both sides may use threads: Flambeau's CPU backend
// (WebAssembly SIMD kernels, Web Workers over SharedArrayBuffer) and TensorFlow.js's wasm backend
// (XNNPACK; its threaded SIMD build where the page is isolated), each on its defaults, as an app
// using it would run. The same step as the Node suites (mlp-steps.mjs).
import * as torch from "flambeau";
import { cpuKernels } from "@flambeau/backend-cpu";
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { flambeauMlpStep, tfjsMlpStep } from "../mlp-steps.mjs";
import { median } from "../timing.mjs";

// bench/browser.mjs serves the backend's .wasm files beside the page.
setWasmPaths(new URL("./", location.href).href);

const STEPS = 5;
/** As in the Node suites (mlp.mjs): 20 untimed steps first, so each side is timed in its steady state. */
const WARMUP_ROUNDS = 4;
const perStep = async (step, repeats) =>
  (await median(async () => { for (let i = 0; i < STEPS; i++) await step(); }, { repeats, warmup: WARMUP_ROUNDS })) / STEPS;

window.bench = {
  /** Both sides' setup: what the rows print. Throws where the page is not what the rows claim. */
  async setup() {
    if (!crossOriginIsolated) throw new Error("bench page: not cross-origin isolated (no SharedArrayBuffer, no threads)");
    if (!(await tf.setBackend("wasm"))) throw new Error("bench page: tfjs-backend-wasm did not initialise");
    await tf.ready();
    const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    const threaded = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
    return {
      tfjs: `XNNPACK, ${simd ? "SIMD" : "no SIMD"}, ${getThreadsCount()} thr${threaded ? "" : " (no threaded build)"}`,
      backend: tf.getBackend(),
      kernels: cpuKernels() === "simd" ? "wasm SIMD" : "plain JS",
      threads: torch.get_num_threads(),
      userAgent: navigator.userAgent,
    };
  },
  /** ms per MLP step: Flambeau on each thread count asked for, then tfjs-wasm; each loss read back as a number. */
  async mlp(threadCounts) {
    const ours = {};
    for (const n of threadCounts) {
      torch.set_num_threads(n);
      ours[n] = await perStep(flambeauMlpStep(torch), 5);
    }
    if (tf.getBackend() !== "wasm") throw new Error(`bench page: tfjs is on '${tf.getBackend()}', not wasm`);
    const peer = await perStep(tfjsMlpStep(tf), 5);
    if (tf.getBackend() !== "wasm") throw new Error(`bench page: tfjs left wasm for '${tf.getBackend()}' while timing`);
    return { ours, peer };
  },
};
document.body.dataset.ready = "yes";
