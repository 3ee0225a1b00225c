// The lessons' workload: thousands of steps on a few numbers, where per-op overhead is all
// that counts. 3000 iterations of `m * x + b`, a squared-error sum, backward and a manual
// SGD update on 100 points.
import * as torch from "flambeau";
import { tfjsCpu, tfjsSetup } from "./tfjs.mjs";
import { flambeauCpuSetup } from "./setup.mjs";
import { median } from "./timing.mjs";

const N = 100, STEPS = 3000, LR = 1e-5;
const xs = Array.from({ length: N }, (_, i) => i / 10);
const ys = xs.map((x) => 1.5 * x + 10 + Math.sin(x));

function flambeauLoop() {
  const x = torch.tensor(xs), y = torch.tensor(ys);
  const m = torch.tensor([0.5], { requires_grad: true }), b = torch.tensor([0.1], { requires_grad: true });
  for (let i = 0; i < STEPS; i++) {
    const loss = m.mul(x).add(b).sub(y).pow(2).sum();
    loss.backward();
    torch.no_grad(() => {
      m.sub_(m.grad.mul(LR));
      b.sub_(b.grad.mul(LR));
      m.grad.zero_();
      b.grad.zero_();
    });
  }
  return m.itemSync();
}

function tfjsLoop(tf) {
  const x = tf.tensor1d(xs), y = tf.tensor1d(ys);
  const m = tf.variable(tf.tensor1d([0.5])), b = tf.variable(tf.tensor1d([0.1]));
  for (let i = 0; i < STEPS; i++) {
    tf.tidy(() => {
      const loss = () => tf.sum(tf.square(tf.sub(tf.add(tf.mul(m, x), b), y)));
      const { grads } = tf.variableGrads(loss, [m, b]);
      m.assign(tf.sub(m, tf.mul(grads[m.name], LR)));
      b.assign(tf.sub(b, tf.mul(grads[b.name], LR)));
    });
  }
  const out = m.dataSync()[0];
  tf.dispose([x, y, m, b]);
  return out;
}

export async function tinyLoop() {
  const tf = await tfjsCpu();
  // Both at steady state: V8 takes a few loops to optimize the per-op paths (one warm-up loop
  // left Flambeau's figure ~10% above its steady one).
  const ours = await median(flambeauLoop, { warmup: 5, repeats: 15 });
  const peer = await median(() => tfjsLoop(tf), { warmup: 2, repeats: 5 });
  const a = flambeauLoop(), c = tfjsLoop(tf);
  if (Math.abs(a - c) > 1e-3 * Math.abs(c)) throw new Error(`tiny-loop: results disagree (${a} vs ${c})`);
  console.log(`tiny-loop: flambeau ${ours.toFixed(1)} ms, tfjs-cpu ${peer.toFixed(1)} ms for ${STEPS} steps`);
  return [{
    name: `tiny loop (${STEPS} steps, µs/step)`, unit: "µs", oursSetup: flambeauCpuSetup(), peerName: "tfjs-cpu", peerSetup: await tfjsSetup(),
    // Issue 14: no slower than before the SIMD work (~28 ms, 9.3 µs/step, on the idle machine
    // of 4 Dec; this VM's speed drifts by ~25%, so compare builds side by side: docs/design.md).
    ours: (ours * 1000) / STEPS, peer: (peer * 1000) / STEPS, target: ">= 10x; no slower than the pre-SIMD build (~28 ms idle)",
  }];
}
