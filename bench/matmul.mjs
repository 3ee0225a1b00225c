// Float32 square matmul throughput, in GFLOP/s: Flambeau on one thread and on all of them,
// beside TensorFlow.js's CPU and wasm backends and jax-js on its wasm device. Ours and the two
// WebAssembly peers are timed in turns, median of the rounds.
import * as torch from "flambeau";
import { onTfjs, tfjsCpu, tfjsOp, tfjsSetup } from "./tfjs.mjs";
import { jaxMatmul, jaxSetup, jaxWasm, tfjsWasm } from "./wasm-peers.mjs";
import { interleavedMedians, median } from "./timing.mjs";
import { flambeauCpuSetup } from "./setup.mjs";

/** tfjs-cpu's plain-JavaScript product takes tens of seconds at 2048: left out there. */
const TFJS_CPU_MAX = 1024;

export async function matmul() {
  const rows = [];
  const all = torch.get_num_threads();
  await jaxWasm();
  for (const n of [256, 512, 1024, 2048]) {
    const rounds = n >= 1024 ? 5 : 9;
    // Several products per turn below 1024 (~16 ms of work), so one preempted product on a busy
    // machine does not decide a turn.
    const perTurn = Math.max(1, Math.round(2 ** 28 / n ** 3));
    const turn = (fn) => async () => { for (let i = 0; i < perTurn; i++) await fn(); };
    const gflops = (ms) => (2 * n ** 3) / (ms * 1e6);
    const a = torch.randn([n, n]), b = torch.randn([n, n]);
    // Each peer frees its product every run (tfjs's dispose, jax-js's dispose), so here torch.tidy
    // does, as in muladd.mjs: the freed block of WebAssembly memory serves the next run. Without
    // it the collector frees products late, so each run allocates and first-touches a fresh
    // array and the kernel writes a scratch C to copy out; that figure is printed too.
    const tf = await tfjsWasm();
    const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
    const jx = jaxMatmul(n);
    const tfjsWasmSetup = await tfjsSetup();
    // Ours on each thread count, timed in turns with the two WebAssembly peers (a busy machine's
    // load then weighs on every side of a ratio alike).
    const ours = {}, wasmPeers = {};
    for (const threads of new Set([1, all])) {
      torch.set_num_threads(threads);
      const [mine, tfw, jax] = await onTfjs("wasm", () =>
        interleavedMedians([() => torch.tidy(() => { a.matmul(b); }), tfjsOp(tf, () => tf.matMul(ta, tb)), jx.run].map(turn), { rounds }));
      ours[threads] = gflops(mine / perTurn);
      wasmPeers[threads] = [
        { peerName: "tfjs-wasm", peerSetup: tfjsWasmSetup, peer: gflops(tfw / perTurn) },
        { peerName: "jax-js wasm", peerSetup: jaxSetup(), peer: gflops(jax / perTurn) },
      ];
    }
    tf.dispose([ta, tb]);
    jx.dispose();
    torch.set_num_threads(1);
    const untidy = gflops(await median(() => a.matmul(b), { repeats: rounds }));
    const cpuPeer = [];
    if (n <= TFJS_CPU_MAX) {
      const tfc = await tfjsCpu();
      const ca = tfc.randomNormal([n, n]), cb = tfc.randomNormal([n, n]);
      const ms = await onTfjs("cpu", () => median(tfjsOp(tfc, () => tfc.matMul(ca, cb)), { repeats: 3 }));
      tfc.dispose([ca, cb]);
      cpuPeer.push({ peerName: "tfjs-cpu", peerSetup: await tfjsSetup(), peer: gflops(ms) });
    }
    console.log(`matmul ${n}: ` + Object.entries(ours).map(([t, g]) =>
      `flambeau ${g.toFixed(1)} (${t} thr) against ` + wasmPeers[t].map((p) => `${p.peerName} ${p.peer.toFixed(1)}`).join(", ")).join("; ") +
      ` GFLOP/s; ${untidy.toFixed(1)} on 1 thr without torch.tidy` + cpuPeer.map((p) => `; ${p.peerName} ${p.peer.toFixed(1)}`).join(""));
    for (const [threads, g] of Object.entries(ours))
      for (const p of [...cpuPeer, ...wasmPeers[threads]])
        rows.push({
          name: `matmul ${n}x${n} float32`, oursSetup: flambeauCpuSetup(+threads), unit: "GFLOP/s", digits: 1,
          ours: g, ...p, higherIsBetter: true,
          target: n === 1024 ? (+threads === 1 ? ">= 20, ahead" : ">= 40 on 2 threads, ahead") : "ahead",
        });
  }
  torch.set_num_threads(all);
  return rows;
}
