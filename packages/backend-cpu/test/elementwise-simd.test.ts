// Large flat float32 add/sub/mul/div, neg/abs/sqrt/relu and full sum/max run on WebAssembly SIMD; here against the
// plain JavaScript kernels on the same data: bit-identical for the arithmetic (a float32 op
// rounds once either way), equal up to summation order for sums.
import { afterEach, describe, expect, it } from "vitest";
import type { TypedArray } from "@flambeau/tensor";
import type { View } from "@flambeau/tensor/internal";
import { setCpuKernels } from "../src/index.js";
import { simdCalls } from "../src/kernels/elementwise-wasm.js";
import { cpu, rng, view } from "./helpers.js";

afterEach(() => setCpuKernels("simd"));

/** `n` random float32 values with NaN, infinities and signed zeros sprinkled in. */
function values(n: number, seed: number, extra = 0): Float32Array {
  const r = rng(seed);
  const out = Float32Array.from({ length: n + extra }, () => r() * 10);
  [Number.NaN, Infinity, -Infinity, -0, 0].forEach((v, i) => (out[(i * 7919) % out.length] = v));
  return out;
}

/** `f` on the plain kernels, then on SIMD; how many SIMD kernel calls it made. */
function onBoth<T>(f: () => T): { simd: T; plain: T; calls: number } {
  setCpuKernels("plain");
  const plain = f();
  setCpuKernels("simd");
  const count = () => simdCalls.binary + simdCalls.unary + simdCalls.fold;
  const before = count();
  const simd = f();
  return { simd, plain, calls: count() - before };
}

/** Elements that differ, NaN equal to NaN and -0 unequal to 0 (Object.is). */
function differences(x: TypedArray, y: TypedArray): number {
  expect(x.length).toBe(y.length);
  let bad = 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) bad++;
  return bad;
}

const first = (buffer: unknown): number => (buffer as TypedArray)[0]!;

const N = 20001; // above the SIMD threshold, not a multiple of 4

describe("elementwise float32 on WebAssembly SIMD", () => {
  it("add, sub, mul and div match the plain kernels bit for bit, with scalar and offset operands", () => {
    const a = view(values(N, 1), [N]);
    const b = view(values(N, 2, 3), [N], { offset: 3 });
    const scalar: View = { ...view([2.5], [1]), shape: [N], strides: [0] };
    for (const op of ["add", "sub", "mul", "div"] as const)
      for (const [x, y] of [[a, b], [a, scalar], [scalar, b]] as const) {
        const { simd, plain, calls } = onBoth(() => cpu.binary(op, x, y, "float32", "float32") as TypedArray);
        expect(calls).toBe(1);
        expect(differences(simd, plain)).toBe(0);
      }
  });

  it("neg, abs, sqrt and relu match the plain kernels bit for bit, NaN and -0 included", () => {
    const x = view(values(N, 6, 1).map((v, i) => (i % 3 === 0 ? -v : v)), [N], { offset: 1 });
    for (const op of ["neg", "abs", "sqrt", "relu"] as const) {
      const { simd, plain, calls } = onBoth(() => cpu.unary(op, x, "float32") as TypedArray);
      expect(calls).toBe(1);
      expect(differences(simd, plain)).toBe(0);
    }
  });

  it("full sums agree to rounding, maxima exactly, NaN included", () => {
    const finite = values(N, 3).map((v) => (Number.isFinite(v) ? v : 1));
    const x = view(finite, [N]);
    const { simd, plain, calls } = onBoth(() => [first(cpu.reduce("sum", x, [0], "float32")), first(cpu.reduce("max", x, [0], "float32"))]);
    expect(calls).toBe(2);
    expect(Math.abs(simd[0]! - plain[0]!)).toBeLessThanOrEqual(1e-6 * Math.abs(plain[0]!));
    expect(simd[1]).toBe(plain[1]);
    const withNaN = view(values(N, 4), [N]);
    const both = onBoth(() => [first(cpu.reduce("sum", withNaN, [0], "float32")), first(cpu.reduce("max", withNaN, [0], "float32"))]);
    expect(both.simd.every(Number.isNaN)).toBe(true);
    expect(both.plain.every(Number.isNaN)).toBe(true);
  });

  it("leaves int32 and strided operands to the plain kernels, with the same results", () => {
    const ints = view(Int32Array.from({ length: N }, (_, i) => i * 3), [N], { dtype: "int32" });
    const i = onBoth(() => cpu.binary("add", ints, ints, "int32", "int32") as TypedArray);
    expect(i.calls).toBe(0);
    expect(differences(i.simd, i.plain)).toBe(0);
    expect(i.simd[N - 1]).toBe((N - 1) * 6);
    const strided = view(values(2 * N, 5), [N], { strides: [2] });
    const s = onBoth(() => cpu.binary("mul", strided, strided, "float32", "float32") as TypedArray);
    expect(s.calls).toBe(0);
    expect(differences(s.simd, s.plain)).toBe(0);
  });
});
