// TensorFlow.js in this process, the peer of every CPU benchmark. One tfjs instance serves all
// its backends, so switching is a global flip: `useTfjs` switches, and throws if the backend did
// not come up (tf.setBackend returns false and quietly keeps the old one), and `onTfjs` checks
// the flip held for the whole of a timing. The umbrella package is imported only because it
// registers the gradients, which tfjs-core's Node build leaves out.
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-cpu";

/** TensorFlow.js switched to backend `name`, checked. */
export async function useTfjs(name) {
  if (!(await tf.setBackend(name))) throw new Error(`bench: tfjs backend '${name}' did not initialise`);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`bench: tfjs is on '${tf.getBackend()}', not '${name}'`);
  return tf;
}

/** TensorFlow.js on its plain-JavaScript CPU backend (one thread, no SIMD). */
export const tfjsCpu = () => useTfjs("cpu");

/**
 * Runs `timing` (which times tfjs work) and throws if tfjs was not on backend `name` before
 * and after it, so no row can time one backend under another's name.
 */
export async function onTfjs(name, timing) {
  const check = () => {
    if (tf.getBackend() !== name) throw new Error(`bench: timing meant for tfjs-${name} ran on '${tf.getBackend()}'`);
  };
  check();
  const result = await timing();
  check();
  return result;
}

/**
 * One tfjs op, timed as its synchronous CPU backends finish it: when `op` returns, the result
 * is computed (the cpu and wasm kernels run on the calling thread), so it is disposed unread,
 * as Flambeau's result is kept unread. Reading it back would add a copy out of the wasm heap
 * that Flambeau does not make. Never return `dataSync()` from `tf.tidy`: tidy walks the
 * returned value looking for tensors, key by key, and on a 1M-element array that walk took
 * ~1.5 s of CPU — the bug behind the session-start tfjs rows (matmul, a*b+c).
 */
export function tfjsOp(tf, op) {
  return () => {
    const out = op();
    out.dispose();
  };
}

/** The setup of tfjs's current backend, printed on its rows. */
export async function tfjsSetup() {
  const name = tf.getBackend();
  if (name === "cpu") return "plain JS, 1 thr";
  if (name === "wasm") {
    const { getThreadsCount } = await import("@tensorflow/tfjs-backend-wasm");
    const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    return `XNNPACK, ${simd ? "SIMD" : "no SIMD"}, ${getThreadsCount()} thr`;
  }
  return name;
}
