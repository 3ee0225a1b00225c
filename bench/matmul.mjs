// Float32 square matmul throughput, in GFLOP/s: Flambeau on one thread and on all of them,
// beside TensorFlow.js's CPU and wasm backends and jax-js on its wasm device.
import * as torch from "flambeau";
import { onTfjs, tfjsCpu, tfjsOp, tfjsSetup } from "./tfjs.mjs";
import { jaxMatmul, jaxSetup, jaxWasm, tfjsWasm } from "./wasm-peers.mjs";
import { median } from "./timing.mjs";
import { flambeauCpuSetup } from "./setup.mjs";

/** tfjs-cpu's plain-JavaScript product takes tens of seconds at 2048: left out there. */
const TFJS_CPU_MAX = 1024;

export async function matmul() {
  const rows = [];
  const all = torch.get_num_threads();
  await jaxWasm();
  for (const n of [256, 512, 1024, 2048]) {
    const repeats = n >= 1024 ? 3 : 5;
    const gflops = (ms) => (2 * n ** 3) / (ms * 1e6);
    const a = torch.randn([n, n]), b = torch.randn([n, n]);
    // Each peer frees its product every run (tfjs's dispose, jax-js's dispose), so here torch.tidy
    // does, as in muladd.mjs: the freed block of WebAssembly memory serves the next run. Without
    // it the collector frees products late, so each run allocates and first-touches a fresh
    // array and the kernel writes a scratch C to copy out; that figure is printed too.
    const ours = {};
    for (const threads of new Set([1, all])) {
      torch.set_num_threads(threads);
      ours[threads] = gflops(await median(() => torch.tidy(() => { a.matmul(b); }), { repeats }));
    }
    torch.set_num_threads(1);
    const untidy = gflops(await median(() => a.matmul(b), { repeats }));
    const peers = [];
    for (const [peerName, use] of [["tfjs-cpu", tfjsCpu], ["tfjs-wasm", tfjsWasm]]) {
      if (peerName === "tfjs-cpu" && n > TFJS_CPU_MAX) continue;
      const tf = await use();
      const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
      const ms = await onTfjs(tf.getBackend(), () => median(tfjsOp(tf, () => tf.matMul(ta, tb)), { repeats }));
      tf.dispose([ta, tb]);
      peers.push({ peerName, peerSetup: await tfjsSetup(), peer: gflops(ms) });
    }
    const jx = jaxMatmul(n);
    peers.push({ peerName: "jax-js wasm", peerSetup: jaxSetup(), peer: gflops(await median(jx.run, { repeats })) });
    jx.dispose();
    console.log(`matmul ${n}: flambeau ${Object.entries(ours).map(([t, g]) => `${g.toFixed(1)} (${t} thr)`).join(", ")} GFLOP/s (${untidy.toFixed(1)} on 1 thr without torch.tidy); ` +
      peers.map((p) => `${p.peerName} ${p.peer.toFixed(1)}`).join(", "));
    for (const [threads, g] of Object.entries(ours))
      for (const p of peers)
        rows.push({
          name: `matmul ${n}x${n} float32`, oursSetup: flambeauCpuSetup(+threads), unit: "GFLOP/s", digits: 1,
          ours: g, ...p, higherIsBetter: true,
          target: n === 1024 ? (+threads === 1 ? ">= 20, ahead" : ">= 40 on 2 threads, ahead") : "ahead",
        });
  }
  torch.set_num_threads(all);
  return rows;
}
