// Float32 square matmul throughput, in GFLOP/s, beside TensorFlow.js's CPU backend.
import * as torch from "flambeau";
import { tfjsCpu } from "./tfjs.mjs";
import { median } from "./timing.mjs";

export async function matmul() {
  const tf = await tfjsCpu();
  const rows = [];
  for (const n of [256, 512, 1024]) {
    const a = torch.randn([n, n]), b = torch.randn([n, n]);
    const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
    const repeats = n >= 1024 ? 3 : 5;
    const ours = await median(() => a.matmul(b), { repeats });
    const peer = await median(() => tf.tidy(() => tf.matMul(ta, tb).dataSync()), { repeats });
    const gflops = (ms) => (2 * n ** 3) / (ms * 1e6);
    console.log(`matmul ${n}: flambeau ${ours.toFixed(1)} ms, tfjs-cpu ${peer.toFixed(1)} ms`);
    rows.push({
      name: `matmul ${n}x${n} float32`, unit: "GFLOP/s", peerName: "tfjs-cpu", digits: 2,
      ours: gflops(ours), peer: gflops(peer), higherIsBetter: true, target: "ahead",
    });
    tf.dispose([ta, tb]);
  }
  return rows;
}
