// The SIMD kernels read and write tensors that live in the kernels' WebAssembly memory where they
// are (src/wasm/resident.ts): no copy in or out through the scratch region, which costs about as
// much as the op. Checked by watching what the kernels ask of the scratch region (a whole
// operand's bytes there means a copy), and against the plain kernels' bits, with views that
// start mid-vector and end at their block's last element.
import { afterEach, describe, expect, it } from "vitest";
import * as torch from "@flambeau/tensor";
import type { TypedArray } from "@flambeau/tensor";
import type { View } from "@flambeau/tensor/internal";
import { set_num_threads, setCpuKernels } from "../src/index.js";
import { simdCalls } from "../src/kernels/elementwise-wasm.js";
import { rowsCalls } from "../src/kernels/rows-wasm.js";
import { axisCalls } from "../src/kernels/axis-wasm.js";
import { mathCalls } from "../src/kernels/math-wasm.js";
import { matmulWasm } from "../src/kernels/matmul-wasm.js";
import { getWasm } from "../src/wasm/runtime.js";
import { residentFloat32, residentStats } from "../src/wasm/resident.js";
import type { Wasm } from "../src/wasm/runtime.js";
import { threadedJobs } from "../src/wasm/threads.js";
import { cpu, rng, view } from "./helpers.js";

afterEach(() => {
  setCpuKernels("simd");
  set_num_threads(2);
});

/** A resident view of `shape` with random values, starting `skip` elements into its block. */
function resident(shape: number[], seed: number, skip = 3): View {
  const n = shape.reduce((a, b) => a * b, 1);
  const block = residentFloat32(n + skip);
  expect(block).not.toBeNull();
  const r = rng(seed);
  for (let i = 0; i < block!.length; i++) block![i] = Math.round(r() * 40 - 20) / 4;
  block![skip + 5] = Number.NaN;
  block![skip + 9] = -0;
  return view(block!, shape, { offset: skip });
}

/** Run `f`, returning the bytes each request to the scratch region asked for meanwhile. */
function scratchDuring(f: () => void): number[] {
  const w = getWasm() as Wasm;
  const scratch = w.scratch;
  const asked: number[] = [];
  w.scratch = (bytes) => (asked.push(bytes), scratch(bytes));
  try {
    f();
  } finally {
    w.scratch = scratch;
  }
  return asked;
}

/** Elements of 130 x 257 float32 and bool operands, in bytes: a request this large is a copy. */
const FLOAT_OPERAND = 130 * 257 * 4;
const BOOL_OPERAND = 130 * 257;

/** `f` on the plain kernels, then on SIMD: both results, the SIMD run's scratch requests and kernel calls. */
function onBoth(f: () => unknown, calls: () => number): { simd: TypedArray; plain: TypedArray; scratch: number; calls: number } {
  setCpuKernels("plain");
  const plain = f() as TypedArray;
  setCpuKernels("simd");
  const called = calls();
  let simd: TypedArray | null = null;
  const asked = scratchDuring(() => void (simd = f() as TypedArray));
  return { simd: simd!, plain, scratch: asked.reduce((p, q) => p + q, 0), calls: calls() - called };
}

function same(x: TypedArray, y: TypedArray): boolean {
  return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
}

describe("SIMD kernels on resident tensors", () => {
  // 130 x 257: rows with a scalar tail; the offset view ends at its block's last element.
  const x = resident([130, 257], 1);
  const y = resident([130, 257], 2);
  const bias: View = { ...view(Float32Array.from({ length: 257 }, (_, i) => i / 8 - 16), [257]), shape: [130, 257], strides: [0, 1] };
  const rows = () => rowsCalls.count;

  it("broadcast and flat arithmetic read and write in place: no copy but the small bias row", () => {
    for (const op of ["add", "sub", "mul", "div"] as const)
      for (const [a, b] of [[x, bias], [x, y]]) {
        // [x, bias] takes the rows kernels, [x, y] the flat elementwise ones.
        const r = onBoth(() => cpu.binary(op, a!, b!, "float32", "float32"), () => rowsCalls.count + simdCalls.binary);
        expect(r.calls).toBe(1);
        expect(r.scratch).toBeLessThan(2 * 257 * 4); // the bias row, or nothing
        expect(same(r.simd, r.plain)).toBe(true);
      }
  });

  it("comparisons write resident bool masks in place, and where reads them there", () => {
    const zero: View = { ...view([0], [1]), shape: [130, 257], strides: [0, 0] };
    const gt = onBoth(() => cpu.binary("gt", x, zero, "float32", "bool"), rows);
    expect(gt.calls).toBe(1);
    expect(gt.simd).toBeInstanceOf(Uint8Array);
    expect(cpu.tracksBuffer(gt.simd)).toBe(true);
    expect(gt.scratch).toBeLessThan(64); // the scalar 0
    expect(same(gt.simd, gt.plain)).toBe(true);
    const mask = view(gt.simd, [130, 257], { dtype: "bool" });
    const w = onBoth(() => cpu.where(mask, y, zero, "float32"), rows);
    expect(w.calls).toBe(1);
    expect(w.scratch).toBeLessThan(64);
    expect(same(w.simd, w.plain)).toBe(true);
    // A mask in a JavaScript array is copied in, with the same result.
    const host = view(Uint8Array.from(gt.simd), [130, 257], { dtype: "bool" });
    const copied = onBoth(() => cpu.where(host, y, zero, "float32"), rows);
    expect(copied.scratch).toBeGreaterThanOrEqual(BOOL_OPERAND);
    expect(same(copied.simd, w.simd)).toBe(true);
  });

  it("reductions along axes and exp/tanh read resident inputs in place", () => {
    for (const op of ["sum", "max", "min"] as const) {
      const r = onBoth(() => cpu.reduce(op, x, [0], "float32"), () => axisCalls.count);
      expect(r.calls).toBe(1);
      expect(r.scratch).toBeLessThan(257 * 8 + 64); // the accumulators
      expect(same(r.simd, r.plain)).toBe(true);
    }
    for (const op of ["exp", "tanh"] as const) {
      const r = onBoth(() => cpu.unary(op, x, "float32"), () => mathCalls.count);
      expect([r.calls, r.scratch]).toEqual([1, 0]);
      expect(same(r.simd, r.plain)).toBe(true);
    }
  });

  it("accumulate a product into a resident result whose rows and columns fill whole tiles, with the same bits", () => {
    // [128, 784] x [784, 256]^T as a linear layer's weight, and a batch of 3 [64, 96] x [96, 256].
    const cases: [View, View, number, number][] = [
      [resident([128, 784], 3), { ...resident([256, 784], 4), shape: [784, 256], strides: [1, 784] }, 128 * 256, 128 * 256],
      [resident([3, 64, 96], 5), resident([3, 96, 256], 6), 3 * 64 * 256, 64 * 256],
    ];
    for (const [a, b, n, tile] of cases) {
      const host = new Float32Array(n);
      const viaScratch = scratchDuring(() => matmulWasm(getWasm()!, a, b, host));
      const out = residentFloat32(n)!.fill(0);
      const inPlace = scratchDuring(() => matmulWasm(getWasm()!, a, b, out));
      expect(same(out, host)).toBe(true);
      // The packed panels only: the C region (one matrix of the result) is not asked for.
      expect(viaScratch[0]! - inPlace[0]!).toBe(tile * 4);
    }
  });

  it("copy operands that are not resident, with the same bits", () => {
    const host = view(Float32Array.from((x.buffer as Float32Array).subarray(3)), [130, 257]);
    const r = onBoth(() => cpu.unary("exp", host, "float32"), () => mathCalls.count);
    expect(r.calls).toBe(1);
    expect(r.scratch).toBeGreaterThanOrEqual(FLOAT_OPERAND);
    expect(same(r.simd, r.plain)).toBe(true);
  });

  // The bench's a*b+c over 1M float32 in torch.tidy (pnpm bench muladd): the fast path is two
  // in-place kernel calls split over the threads, whose results reuse the blocks the last step
  // freed, so no copy, no fresh block of memory and no growth. Any of these lost costs the
  // row its target (a copy ~0.5 ms, a fresh 4 MiB array 10-30 ms).
  it("run tidy(a*b+c) over 1M elements in place on the threads, reusing the same two blocks", () => {
    set_num_threads(2);
    const [a, b, c] = [torch.randn([1 << 20]), torch.randn([1 << 20]), torch.randn([1 << 20])];
    const step = (): void => torch.tidy(() => void a.mul(b).add(c));
    step();
    const before = { ...residentStats, kernels: simdCalls.binary, jobs: threadedJobs, bytes: getWasm()!.memory.buffer.byteLength };
    const asked = scratchDuring(() => {
      for (let i = 0; i < 5; i++) step();
    });
    expect(simdCalls.binary - before.kernels).toBe(10);
    expect(asked).toEqual([]);
    expect(threadedJobs - before.jobs).toBe(10);
    expect(residentStats.allocated - before.allocated).toBe(10);
    expect(residentStats.freed - before.freed).toBe(10);
    expect(getWasm()!.memory.buffer.byteLength).toBe(before.bytes);
  });
});
