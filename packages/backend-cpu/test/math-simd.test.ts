// exp and tanh of large contiguous float32 tensors run on the math kernels (computed in double
// precision in WebAssembly SIMD, rounded once); here against the plain kernels (Math.exp and
// Math.tanh, rounded once) on the same values: bit-identical over the ranges that matter (the
// overflow and underflow edges, tiny arguments, NaN, infinities, signed zeros), so the PyTorch
// fixtures' tolerances hold on both paths alike.
import { afterEach, describe, expect, it } from "vitest";
import type { TypedArray } from "@flambeau/tensor";
import { setCpuKernels } from "../src/index.js";
import { mathCalls } from "../src/kernels/math-wasm.js";
import { cpu, rng, view } from "./helpers.js";

afterEach(() => setCpuKernels("simd"));

/** Values in several ranges (wide, small, tiny, around the float32 exp limits) and specials. */
function values(n: number, seed: number): Float32Array {
  const r = rng(seed);
  const scales = [240, 20, 1, 1e-3, 1e-8];
  const out = Float32Array.from({ length: n }, (_, i) => r() * scales[i % scales.length]!);
  [NaN, Infinity, -Infinity, -0, 0, 88.72283, 88.7229, -103.97, -103.28, -87.3, 1e-40, -1e-40, 0.03125, -0.03125, 9.01, 1].forEach((v, i) => (out[i * 13] = v));
  return out;
}

function onBoth(f: () => unknown): { simd: TypedArray; plain: TypedArray; calls: number } {
  setCpuKernels("plain");
  const plain = f() as TypedArray;
  setCpuKernels("simd");
  const before = mathCalls.count;
  const simd = f() as TypedArray;
  return { simd, plain, calls: mathCalls.count - before };
}

function differences(x: TypedArray, y: TypedArray): number {
  expect(x.length).toBe(y.length);
  let bad = 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) bad++;
  return bad;
}

describe("exp and tanh on WebAssembly SIMD", () => {
  it("match the plain kernels bit for bit over 200,003 values with specials", () => {
    const x = view(values(200003, 1), [200003]);
    for (const op of ["exp", "tanh"] as const) {
      const { simd, plain, calls } = onBoth(() => cpu.unary(op, x, "float32"));
      expect(calls).toBe(1);
      expect(differences(simd, plain)).toBe(0);
      expect(simd[0]).toBeNaN();
      expect(simd[13]).toBe(op === "exp" ? Infinity : 1);
      expect(Object.is(simd[39], op === "exp" ? 1 : -0)).toBe(true);
    }
  });

  it("leave small, strided and float64 inputs to the plain kernels", () => {
    const small = view(values(16383, 2), [16383]);
    const strided = view(values(40000, 3), [100, 200], { strides: [1, 200] });
    const f64 = view(Float64Array.from(values(20000, 4)), [20000], { dtype: "float64" });
    for (const op of ["exp", "tanh"] as const)
      for (const [x, dtype] of [[small, "float32"], [strided, "float32"], [f64, "float64"]] as const) {
        const { simd, plain, calls } = onBoth(() => cpu.unary(op, x, dtype));
        expect(calls).toBe(0);
        expect(differences(simd, plain)).toBe(0);
      }
  });
});
