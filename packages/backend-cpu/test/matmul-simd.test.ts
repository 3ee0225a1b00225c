// The WebAssembly SIMD matmul (the default float32 path above a tiny size) against the plain
// JavaScript kernel, on the layouts the kernel packs through strides, and on worker threads.
import { afterAll, describe, expect, it } from "vitest";
import { contiguousStrides, type View } from "@flambeau/tensor/internal";
import { cpuKernels, get_num_threads, set_num_threads, setCpuKernels, simdMemoryBytes } from "../src/index.js";
import { threadedJobs, workerChunks } from "../src/wasm/threads.js";
import { simdMatmuls, wasmPackedOperands } from "../src/kernels/matmul-wasm.js";
import { addressOf, freeResident, residentFloat32 } from "../src/wasm/resident.js";
import { arr, cpu, rng, view } from "./helpers.js";

type Layout = "contiguous" | "transposed" | "offset";

function randomView(r: () => number, shape: number[], layout: Layout): View {
  const n = shape.reduce((x, y) => x * y, 1);
  if (layout === "offset") return view(Float32Array.from({ length: n + 3 }, () => r()), shape, { offset: 3 });
  if (layout === "contiguous") return view(Float32Array.from({ length: n }, () => r()), shape);
  const nd = shape.length;
  const s = contiguousStrides([...shape.slice(0, nd - 2), shape[nd - 1]!, shape[nd - 2]!]);
  return view(Float32Array.from({ length: n }, () => r()), shape, { strides: [...s.slice(0, nd - 2), s[nd - 1]!, s[nd - 2]!] });
}

/** The product on both kernel paths. */
function bothPaths(a: View, b: View): { simd: number[]; plain: number[] } {
  setCpuKernels("plain");
  const plain = arr(cpu.matmul(a, b, "float32"));
  setCpuKernels("simd");
  const simd = arr(cpu.matmul(a, b, "float32"));
  return { simd, plain };
}

function worstDiff(x: number[], y: number[]): number {
  expect(x.length).toBe(y.length);
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  return worst;
}

afterAll(() => {
  setCpuKernels("simd");
  set_num_threads(2);
});

describe("matmul on WebAssembly SIMD", () => {
  it("is the default path here", () => {
    expect(cpuKernels()).toBe("simd");
  });

  it("agrees with the plain kernel on ragged sizes and strided layouts", () => {
    const r = rng(11);
    // Edges of the 4x8 tiles, of the 256-deep k blocks, and of the narrow/wide copy-out of C.
    const sizes = [[37, 300, 41], [4, 1024, 8], [65, 17, 9], [1, 513, 33], [130, 12, 64], [20, 40, 70]];
    const layouts: Layout[] = ["contiguous", "transposed", "offset"];
    for (const [m, k, n] of sizes)
      for (const la of layouts)
        for (const lb of layouts) {
          const { simd, plain } = bothPaths(randomView(r, [m!, k!], la), randomView(r, [k!, n!], lb));
          expect(worstDiff(simd, plain)).toBeLessThan(2e-6 * k!);
        }
  });

  it("overwrites every element of a reused block (the kernel stores C; nothing clears it first)", () => {
    const r = rng(12);
    // Whole 4x8 tiles, so C is written where the result lives; k spans two 256-deep blocks.
    const a = randomView(r, [128, 300], "contiguous");
    const b = randomView(r, [300, 136], "transposed");
    const { simd, plain } = bothPaths(a, b);
    expect(worstDiff(simd, plain)).toBeLessThan(2e-6 * 300);
    const junk = cpu.matmul(a, b, "float32") as Float32Array;
    const at = addressOf(junk, 0);
    expect(at).toBeGreaterThanOrEqual(0);
    junk.fill(Number.NaN);
    freeResident(junk);
    const out = cpu.matmul(a, b, "float32") as Float32Array;
    expect(addressOf(out, 0)).toBe(at);
    expect(arr(out)).toEqual(simd);
  });

  it("packs operands that live in WebAssembly memory with its SIMD packing, to the same products", () => {
    const r = rng(17);
    // Ragged: k % 4, m % 4 and n % 8 leave partial blocks and panels to the scalar code.
    const [m, k, n] = [130, 131, 133];
    const layouts: Layout[] = ["contiguous", "transposed", "offset"];
    for (const la of layouts)
      for (const lb of layouts) {
        const a = randomView(r, [m, k], la);
        const b = randomView(r, [k, n], lb);
        const inWasm = (v: View): View => {
          const values = v.buffer as Float32Array;
          const res = residentFloat32(values.length)!;
          res.set(values);
          return { ...v, buffer: res };
        };
        const [ra, rb] = [inWasm(a), inWasm(b)];
        const packs = wasmPackedOperands;
        const resident = arr(cpu.matmul(ra, rb, "float32"));
        expect(wasmPackedOperands).toBe(packs + 2);
        // Packing copies values, so the products are bit-identical to the JavaScript packing's.
        expect(resident).toEqual(arr(cpu.matmul(a, b, "float32")));
        freeResident(ra.buffer as Float32Array);
        freeResident(rb.buffer as Float32Array);
      }
  });

  it("takes shallow products (k < 12) with large outputs, as a 3x3 convolution of one channel makes", () => {
    const r = rng(15);
    // [m, k, n, on SIMD]: 16x9x2000 is a conv's first layer; 40x10x40 is just under the shallow threshold.
    const cases: [number, number, number, boolean][] = [[16, 9, 2000, true], [128, 10, 256, true], [300, 1, 70, true], [41, 11, 37, true], [40, 10, 40, false]];
    for (const [m, k, n, onSimd] of cases)
      for (const lb of ["contiguous", "transposed"] as const) {
        const a = randomView(r, [m, k], "contiguous");
        const b = randomView(r, [k, n], lb);
        const before = simdMatmuls;
        const { simd, plain } = bothPaths(a, b);
        expect(simdMatmuls - before).toBe(onSimd ? 1 : 0);
        expect(worstDiff(simd, plain)).toBeLessThan(2e-6 * k);
      }
  });

  it("agrees on batches, with a batch dim broadcast through a 0 stride", () => {
    const r = rng(12);
    const a = randomView(r, [3, 2, 20, 30], "transposed");
    const shared = randomView(r, [30, 25], "contiguous");
    const b: View = { ...shared, shape: [3, 2, 30, 25], strides: [0, 0, 25, 1] };
    const { simd, plain } = bothPaths(a, b);
    expect(worstDiff(simd, plain)).toBeLessThan(1e-4);
    expect(simd.some((x) => x !== 0)).toBe(true);
  });

  it("gives bit-identical products on one, two and three threads", async () => {
    const r = rng(13);
    // 420 x 400 x 420: above the ~3.1M multiply-adds from which products run on the pool.
    const a = randomView(r, [420, 400], "contiguous");
    const b = randomView(r, [400, 420], "transposed");
    // The same operands in WebAssembly memory (packed by the SIMD kernels, B's panels by the
    // thread that takes them), with B transposed (pack_t8) and row-major (pack_n8).
    const inWasm = (v: View): View => {
      const res = residentFloat32((v.buffer as Float32Array).length)!;
      res.set(v.buffer as Float32Array);
      return { ...v, buffer: res };
    };
    const bt = b.buffer as Float32Array; // b(p, j) = bt[p + 400 j]
    const rowMajor = view(Float32Array.from({ length: 400 * 420 }, (_, i) => bt[Math.floor(i / 420) + 400 * (i % 420)]!), [400, 420]);
    const pairs: [View, View][] = [[a, b], [inWasm(a), inWasm(b)], [inWasm(a), inWasm(rowMajor)]];
    set_num_threads(1);
    expect(get_num_threads()).toBe(1);
    const one = pairs.map(([x, y]) => arr(cpu.matmul(x, y, "float32")));
    // Packing copies values, so every layout and packing gives the same bits.
    expect(one[1]).toEqual(one[0]);
    expect(one[2]).toEqual(one[0]);
    /**
     * The product once a worker computed part of it: the caller takes whatever chunks a worker
     * has not claimed, so a worker slow to wake on a busy machine may take none of a product.
     */
    const threaded = async (x: View, y: View): Promise<number[]> => {
      for (let tries = 0; tries < 100; tries++) {
        const [jobs, chunks] = [threadedJobs, workerChunks()];
        const out = arr(cpu.matmul(x, y, "float32"));
        if (threadedJobs === jobs + 1 && workerChunks() > chunks) return out;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error("no worker ever took part in the product");
    };
    // A new pool per count; a replaced pool's workers must not take part any more.
    for (const threads of [2, 3, 2, 3]) {
      set_num_threads(threads);
      expect(get_num_threads()).toBe(threads);
      for (const [x, y] of pairs) expect(await threaded(x, y)).toEqual(one[0]);
    }
    for (const [x, y] of pairs.slice(1)) {
      freeResident(x.buffer as Float32Array);
      freeResident(y.buffer as Float32Array);
    }
    setCpuKernels("plain");
    expect(worstDiff(arr(cpu.matmul(a, b, "float32")), one[0]!)).toBeLessThan(1e-3);
  });

  it("reuses its WebAssembly memory: repeated products keep it flat", () => {
    const r = rng(14);
    const a = randomView(r, [300, 200], "contiguous");
    const b = randomView(r, [200, 100], "transposed");
    const first = arr(cpu.matmul(a, b, "float32"));
    const bytes = simdMemoryBytes();
    expect(bytes).toBeGreaterThanOrEqual(4 * (300 * 200 + 200 * 104 + 300 * 104));
    for (let i = 0; i < 50; i++) cpu.matmul(a, b, "float32");
    expect(simdMemoryBytes()).toBe(bytes);
    expect(arr(cpu.matmul(a, b, "float32"))).toEqual(first);
  });

  it("rejects a thread count that is not a positive integer", () => {
    expect(() => set_num_threads(0)).toThrow(/set_num_threads: expected a positive integer, got 0/);
    expect(() => set_num_threads(1.5)).toThrow(/set_num_threads/);
    expect(() => setCpuKernels("fast" as never)).toThrow(/setCpuKernels: expected "simd" or "plain", got fast/);
  });
});
