// The page of browser.test.ts: a float32 product on the plain kernels, then on SIMD with two
// threads, retried until the Web Workers (which a page starts asynchronously) have joined.
import { cpu, cpuKernels, get_num_threads, set_num_threads, setCpuKernels } from "@flambeau/backend-cpu";
import type { TypedArray } from "@flambeau/tensor";
import type { View } from "@flambeau/tensor/internal";
import { threadedJobs } from "../../src/wasm/threads.js";

function random(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1);
}

async function check() {
  const [m, k, n] = [420, 400, 420]; // above the ~3.1M multiply-adds from which products run on the pool
  const a: View = { buffer: random(m * k, 1), dtype: "float32", shape: [m, k], strides: [k, 1], offset: 0 };
  const b: View = { buffer: random(k * n, 2), dtype: "float32", shape: [k, n], strides: [1, k], offset: 0 };
  setCpuKernels("plain");
  const plain = cpu.matmul(a, b, "float32") as TypedArray;
  setCpuKernels("simd");
  set_num_threads(2);
  const before = threadedJobs;
  let simd = cpu.matmul(a, b, "float32") as TypedArray;
  for (let i = 0; i < 100 && threadedJobs === before && get_num_threads() > 1; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    simd = cpu.matmul(a, b, "float32") as TypedArray;
  }
  let maxDiff = 0;
  for (let i = 0; i < plain.length; i++) maxDiff = Math.max(maxDiff, Math.abs(plain[i]! - simd[i]!));
  return { isolated: crossOriginIsolated, kernels: cpuKernels(), threads: get_num_threads(), threadedJobs: threadedJobs - before, maxDiff };
}

(globalThis as { check?: typeof check }).check = check;
document.body.dataset.ready = "yes";
