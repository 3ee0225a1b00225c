// A chunk of a threaded kernel that traps, on a worker or on the calling thread (an out-of-bounds
// address: only a bug in the kernels' callers could make one), must become an error naming the kernel
// on the calling thread, never a result with a stale share in it, and leave the pool working.
import { afterAll, describe, expect, it } from "vitest";
import { set_num_threads } from "../src/index.js";
import { getWasm } from "../src/wasm/runtime.js";
import { binarySpanJob, readyPool, threadedJobs, workerChunks } from "../src/wasm/threads.js";
import { freeResident, residentFloat32 } from "../src/wasm/resident.js";
import { arr, cpu, view } from "./helpers.js";

afterAll(() => set_num_threads(2));

/** A pool of two threads, once both have started (a browser or a busy machine starts them late). */
async function twoThreadPool() {
  set_num_threads(2);
  const w = getWasm()!;
  for (let tries = 0; tries < 100; tries++) {
    const p = readyPool(w, 2);
    if (p !== null) return { w, p };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the worker thread never started");
}

describe("a kernel chunk that traps", () => {
  it("a trap on the calling thread names the kernel too", () => {
    set_num_threads(1); // a pool of no workers: this thread runs every chunk
    const w = getWasm()!;
    const p = readyPool(w, 1)!;
    const beyond = w.memory.buffer.byteLength + (1 << 20);
    const add = w.exports.binary_add as (o: number, a: number, as: number, b: number, bs: number, n4: number) => void;
    expect(() => binarySpanJob(w, p, 1, "binary_add", beyond, 1024, 16, 1024, 16, 1 << 14, (v0, n) => add(beyond + 16 * v0, 1024, 16, 1024, 16, n))).toThrow(
      /^binary_add: the CPU kernel failed on the calling thread \(memory access out of bounds\)$/,
    );
  });

  it("fails the op by name, and the next op runs on both threads and is exact", async () => {
    const { w, p } = await twoThreadPool();
    expect(w.shared).toBe(true);
    const beyond = w.memory.buffer.byteLength + (1 << 20); // every chunk's output is out of bounds
    const before = workerChunks();
    // This thread's chunks wait (a few seconds at most) until the worker has taken one: the
    // worker's trap, not this thread's, is what the join must report.
    const wait = () => {
      const until = performance.now() + 5000;
      while (workerChunks() === before && performance.now() < until);
    };
    expect(() => binarySpanJob(w, p, 2, "binary_add", beyond, 1024, 16, 1024, 16, 1 << 14, wait)).toThrow(
      "binary_add: a worker thread of the CPU backend failed its share of the work",
    );
    expect(workerChunks()).toBeGreaterThan(before);

    // The pool is not wedged: a large add on resident operands takes the threads again.
    const n = 1 << 20;
    const [a, b] = [residentFloat32(n)!, residentFloat32(n)!];
    for (let i = 0; i < n; i++) [a[i], b[i]] = [i % 251, 0.5 * (i % 7)];
    const jobs = threadedJobs;
    const sum = arr(cpu.binary("add", view(a, [n]), view(b, [n]), "float32", "float32"));
    expect(threadedJobs).toBe(jobs + 1);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (sum[i] !== (i % 251) + 0.5 * (i % 7)) wrong++;
    expect(wrong).toBe(0);
    freeResident(a);
    freeResident(b);
  });
});
