// `a * b + c` over 1M float32 elements, in ms: the bandwidth-bound elementwise case.
import * as torch from "flambeau";
import { tfjsCpu } from "./tfjs.mjs";
import { jaxMulAdd, jaxWasm, tfjsWasm } from "./wasm-peers.mjs";
import { median } from "./timing.mjs";

const N = 1 << 20;

export async function muladd() {
  const [a, b, c] = [torch.randn([N]), torch.randn([N]), torch.randn([N])];
  const ours = await median(() => a.mul(b).add(c), { repeats: 15 });
  const time = async (tf) => {
    const [ta, tb, tc] = [tf.randomNormal([N]), tf.randomNormal([N]), tf.randomNormal([N])];
    const ms = await median(() => tf.tidy(() => tf.add(tf.mul(ta, tb), tc).dataSync()), { repeats: 15 });
    tf.dispose([ta, tb, tc]);
    return ms;
  };
  const peers = { "tfjs-cpu": await time(await tfjsCpu()), "tfjs-wasm (1 thread)": await time(await tfjsWasm()) };
  await jaxWasm();
  peers["jax-js wasm"] = await median(jaxMulAdd(N), { repeats: 15 });
  console.log(`a*b+c 1M: flambeau ${ours.toFixed(2)} ms; ` + Object.entries(peers).map(([p, ms]) => `${p} ${ms.toFixed(2)} ms`).join(", "));
  return Object.entries(peers).map(([peerName, peer]) => ({
    name: "a*b+c over 1M float32", unit: "ms", peerName, digits: 2, ours, peer, target: "<= 0.7 ms",
  }));
}
