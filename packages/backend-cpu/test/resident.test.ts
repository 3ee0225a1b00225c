// Large float32 tensors living in the kernels' WebAssembly memory (src/wasm/resident.ts): freed
// by scopes and dispose() and recycled, never reachable again from a live tensor or a lent array.
import { afterEach, describe, expect, it } from "vitest";
import * as torch from "@flambeau/tensor";
import type { TypedArray } from "@flambeau/tensor";
import { cpu as backend, set_num_threads, setCpuKernels } from "../src/index.js";
import { getWasm } from "../src/wasm/runtime.js";
import { residentStats } from "../src/wasm/resident.js";
import { threadedJobs } from "../src/wasm/threads.js";

afterEach(() => setCpuKernels("simd"));

const N = 1 << 18;
const resident = (t: torch.Tensor): boolean => backend.tracksBuffer(t.buffer);
const address = (t: torch.Tensor): number => (t.buffer as Float32Array).byteOffset;

describe("large float32 tensors in WebAssembly memory", () => {
  it("live there from a size on (float32 and bool), and small or other tensors stay ordinary arrays", () => {
    expect(resident(torch.randn([N]))).toBe(true);
    expect(resident(torch.randn([N]).gt(0))).toBe(true);
    expect(resident(torch.randn([100]))).toBe(false);
    expect(resident(torch.randn([100]).gt(0))).toBe(false);
    expect(resident(torch.zeros([N], { dtype: "int32" }))).toBe(false);
    setCpuKernels("plain");
    expect(resident(torch.randn([N]))).toBe(false);
    expect(resident(torch.zeros([N], { dtype: "bool" }))).toBe(false);
  });

  it("hold bool masks whose blocks are recycled with the values of a fresh mask", () => {
    const x = torch.randn([N]);
    const mask = (): [number, Uint8Array] => torch.tidy(() => {
      const m = x.gt(0);
      return [address(m), m.dataSync() as Uint8Array];
    });
    const [at, first] = mask();
    const zeros = torch.zeros([N], { dtype: "bool" }); // takes the freed block, cleared
    expect(address(zeros)).toBe(at);
    expect(zeros.dataSync().every((v) => v === 0)).toBe(true);
    const [, again] = mask();
    const xs = x.dataSync();
    expect(again.every((v, i) => v === first[i] && v === (xs[i]! > 0 ? 1 : 0))).toBe(true);
  });

  it("are freed when a tidy scope ends and their blocks serve the next step: memory stays flat", () => {
    const [a, b, c] = [torch.randn([N]), torch.randn([N]), torch.randn([N])];
    const step = (): number[] => torch.tidy(() => {
      const p = a.mul(b);
      const r = p.add(c);
      expect(resident(p) && resident(r)).toBe(true);
      return [address(p), address(r)];
    });
    step();
    const size = getWasm()!.memory.buffer.byteLength;
    const freed = residentStats.freed;
    const used = new Set<number>();
    for (let i = 0; i < 20; i++) for (const at of step()) used.add(at);
    // Both blocks are freed each step and taken again by the next one.
    expect(used.size).toBe(2);
    expect(residentStats.freed - freed).toBe(40);
    expect(getWasm()!.memory.buffer.byteLength).toBe(size);
  });

  it("refuse to be used once disposed instead of reading recycled memory", () => {
    const x = torch.randn([N]);
    const y = x.mul(2);
    y.dispose();
    expect(() => y.add(1)).toThrow(/disposed/);
    expect(() => y.dataSync()).toThrow(/disposed/);
    // A view of a disposed tensor shares its storage and its fate.
    const v = x.narrow(0, 10, 1000);
    x.dispose();
    expect(() => v.mul(3)).toThrow(/disposed/);
  });

  it("lend numpy() arrays that keep their memory after dispose(), while new tensors get other blocks", () => {
    const x = torch.full([N], 7.5);
    expect(resident(x)).toBe(true);
    const shared = x.numpy();
    shared[0] = 5; // still writes through while the tensor lives
    expect(x.dataSync()[0]).toBe(5);
    x.dispose();
    const others = torch.tidy(() => [0, 1, 2, 3].map(() => torch.full([N], -1.5).add(0)));
    for (const o of others) expect(address(o)).not.toBe(shared.byteOffset);
    expect(shared[0]).toBe(5);
    expect(shared.every((v, i) => v === (i === 0 ? 5 : 7.5))).toBe(true);
  });

  it("leave torch.from_numpy's memory shared with the user's array, large or not", () => {
    const host = new Float32Array(N);
    const t = torch.from_numpy(host);
    expect(resident(t)).toBe(false);
    host[3] = 2;
    expect(t.mul(3).dataSync()[3]).toBe(6);
    t.numpy()[4] = 9;
    expect(host[4]).toBe(9);
  });

  it("come back zeroed where a result must start at zero, though recycled blocks hold old values", () => {
    const x = torch.randn([N]).add(1).abs(); // no zeros in it
    const freedBlock = (): number => torch.tidy(() => address(x.mul(3)));
    let at = freedBlock();
    const zeros = torch.zeros([N]);
    expect(address(zeros)).toBe(at);
    expect(zeros.dataSync().every((v) => v === 0)).toBe(true);
    at = freedBlock();
    const index = torch.zeros([N], { dtype: "int32" });
    const scattered = torch.zeros([N]).scatter_add(0, index, x.narrow(0, 0, N));
    const s = scattered.dataSync();
    expect(s[0]).toBeGreaterThan(0);
    expect(s.subarray(1).every((v) => v === 0)).toBe(true);
  });

  it("give the same bits on the plain kernels, with views at odd offsets up to a block's end", () => {
    const base = torch.randn([N + 3]);
    const tail = base.narrow(0, 3, N); // starts mid-vector, ends at the block's last element
    const other = torch.randn([N]);
    const ops = (): TypedArray[] => [
      tail.mul(other), tail.add(other), other.sub(tail), tail.div(other), tail.neg(), tail.abs(), tail.relu(), tail.mul(2),
    ].map((t) => t.dataSync());
    const simd = ops();
    setCpuKernels("plain");
    const plain = ops();
    simd.forEach((s, i) => expect(s.every((v, j) => Object.is(v, plain[i]![j]))).toBe(true));
    expect(tail.sum().itemSync()).toBeCloseTo(Array.from(tail.dataSync()).reduce((p, q) => p + q, 0), 1);
  });

  it("split large elementwise ops over the worker threads with results identical to one thread", () => {
    // 2^20 elements cut into equal chunks; 2^20 + 37 leaves a short last chunk and a partial vector.
    for (const n of [1 << 20, (1 << 20) + 37]) {
      const [a, b] = [torch.randn([n]), torch.randn([n])];
      set_num_threads(1);
      const one = [a.mul(b).sqrt().dataSync(), a.mul(3).dataSync()];
      set_num_threads(2);
      const jobs = threadedJobs;
      const two = [a.mul(b).sqrt().dataSync(), a.mul(3).dataSync()];
      expect(threadedJobs - jobs).toBe(3);
      two.forEach((t, j) => expect(t.every((v, i) => Object.is(v, one[j]![i]))).toBe(true));
    }
  });

  it("leave torch.memory() to the GPUs: the CPU's resident tensors are not counted there", () => {
    torch.tidy(() => torch.randn([N]).mul(2));
    expect(torch.memory().cpu).toBeUndefined();
  });
});
