// `a * b + c` over 1M float32 elements, in ms: the bandwidth-bound elementwise case.
import * as torch from "flambeau";
import { onTfjs, tfjsCpu, tfjsOp, tfjsSetup } from "./tfjs.mjs";
import { jaxMulAdd, jaxSetup, jaxWasm, tfjsWasm } from "./wasm-peers.mjs";
import { median } from "./timing.mjs";
import { flambeauCpuSetup } from "./setup.mjs";

const N = 1 << 20;

export async function muladd() {
  const [a, b, c] = [torch.randn([N]), torch.randn([N]), torch.randn([N])];
  // Each peer frees its result and temporaries every run (tf.tidy and dispose; jax-js's
  // dispose), so here torch.tidy does: freed blocks of WebAssembly memory serve the next run.
  // Without it the collector frees them, late; that figure is printed too.
  const ours = await median(() => torch.tidy(() => { a.mul(b).add(c); }), { repeats: 15 });
  const untidy = await median(() => a.mul(b).add(c), { repeats: 15 });
  const oursSetup = flambeauCpuSetup();
  const peers = [];
  for (const [peerName, use] of [["tfjs-cpu", tfjsCpu], ["tfjs-wasm", tfjsWasm]]) {
    const tf = await use();
    const [ta, tb, tc] = [tf.randomNormal([N]), tf.randomNormal([N]), tf.randomNormal([N])];
    const ms = await onTfjs(tf.getBackend(), () => median(tfjsOp(tf, () => tf.tidy(() => tf.add(tf.mul(ta, tb), tc))), { repeats: 15 }));
    tf.dispose([ta, tb, tc]);
    peers.push({ peerName, peerSetup: await tfjsSetup(), peer: ms });
  }
  await jaxWasm();
  peers.push({ peerName: "jax-js wasm", peerSetup: jaxSetup(), peer: await median(jaxMulAdd(N), { repeats: 15 }) });
  console.log(`a*b+c 1M: flambeau ${ours.toFixed(2)} ms (${untidy.toFixed(2)} ms without torch.tidy); ` + peers.map((p) => `${p.peerName} ${p.peer.toFixed(2)} ms`).join(", "));
  return peers.map((p) => ({ name: "a*b+c over 1M float32", unit: "ms", digits: 2, ours, oursSetup, ...p, target: "<= 0.7 ms" }));
}
