// Broadcast float32 arithmetic, comparisons and where (the rows kernels) and reductions along
// adjacent axes (the axis kernels) on WebAssembly SIMD, against the plain JavaScript kernels on
// the same data: bit-identical everywhere except sums along the last axis (summed in doubles in
// another order). Layouts the kernels do not take must fall back, with the same results.
import { afterEach, describe, expect, it } from "vitest";
import type { TypedArray } from "@flambeau/tensor";
import { contiguousStrides, type View } from "@flambeau/tensor/internal";
import { setCpuKernels } from "../src/index.js";
import { rowsCalls } from "../src/kernels/rows-wasm.js";
import { axisCalls } from "../src/kernels/axis-wasm.js";
import { axpyCalls } from "../src/kernels/axpy-wasm.js";
import { residentFloat32 } from "../src/wasm/resident.js";
import { cpu, rng, view } from "./helpers.js";

afterEach(() => setCpuKernels("simd"));

/** `n` random float32 values with NaN, infinities, signed zeros and repeats sprinkled in. */
function values(n: number, seed: number): Float32Array {
  const r = rng(seed);
  const out = Float32Array.from({ length: n }, () => Math.round(r() * 40) / 4);
  [Number.NaN, Infinity, -Infinity, -0, 0].forEach((v, i) => (out[(i * 7919 + seed) % n] = v));
  return out;
}

/** A contiguous random view of `shape`. */
const dense = (shape: number[], seed: number): View => view(values(shape.reduce((a, b) => a * b, 1), seed), shape);

/** `v` broadcast to `shape` (its dims of size 1, and missing leading dims, get stride 0). */
function broadcast(v: View, shape: number[]): View {
  const lead = shape.length - v.shape.length;
  const strides = shape.map((s, d) => (d < lead || v.shape[d - lead] === 1 ? 0 : v.strides[d - lead]!));
  return { ...v, shape, strides };
}

/** `f` on the plain kernels, then on SIMD; how many rows/axis kernel calls SIMD made. */
function onBoth(f: () => unknown): { simd: TypedArray; plain: TypedArray; calls: number } {
  setCpuKernels("plain");
  const plain = f() as TypedArray;
  setCpuKernels("simd");
  const before = rowsCalls.count + axisCalls.count;
  const simd = f() as TypedArray;
  return { simd, plain, calls: rowsCalls.count + axisCalls.count - before };
}

/** Elements that differ, NaN equal to NaN and -0 unequal to 0 (Object.is). */
function differences(x: TypedArray, y: TypedArray): number {
  expect(x.length).toBe(y.length);
  let bad = 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) bad++;
  return bad;
}

const ARITHMETIC = ["add", "sub", "mul", "div"] as const;
const COMPARISONS = ["eq", "ne", "lt", "le", "gt", "ge"] as const;

describe("broadcast rows on WebAssembly SIMD", () => {
  // Row lengths that leave a scalar tail (257, 101, 90) and a 3-d case walked block by block.
  const x = dense([130, 257], 1);
  const pairs: [string, View, View][] = [
    ["[B, N] + [N] (bias)", x, broadcast(dense([257], 2), [130, 257])],
    ["[N] + [B, N]", broadcast(dense([257], 3), [130, 257]), x],
    ["[B, N] - [B, 1]", dense([200, 101], 4), broadcast(dense([200, 1], 5), [200, 101])],
    ["[3, 70, 90] * [70, 1]", dense([3, 70, 90], 6), broadcast(dense([70, 1], 7), [3, 70, 90])],
    ["[B, N] with a scalar", x, broadcast(view([0.5], [1]), [130, 257])],
  ];

  it("add, sub, mul and div match the plain kernels bit for bit", () => {
    for (const [, a, b] of pairs.slice(0, 4))
      for (const op of ARITHMETIC) {
        const { simd, plain, calls } = onBoth(() => cpu.binary(op, a, b, "float32", "float32"));
        expect(calls).toBe(1);
        expect(differences(simd, plain)).toBe(0);
      }
  });

  it("comparisons give the plain kernels' bools, NaN included, flat or broadcast", () => {
    const flat = dense([130, 257], 8);
    for (const [, a, b] of [...pairs, ["flat", x, flat] as [string, View, View]])
      for (const op of COMPARISONS) {
        const { simd, plain, calls } = onBoth(() => cpu.binary(op, a, b, "float32", "bool"));
        expect(simd).toBeInstanceOf(Uint8Array);
        expect(calls).toBe(1);
        expect(differences(simd, plain)).toBe(0);
      }
  });

  it("where(cond, a, b) with a scalar or broadcast operand matches the plain kernel", () => {
    const cond = cpu.binary("gt", x, broadcast(view([0], [1]), [130, 257]), "float32", "bool") as Uint8Array;
    const c = view(cond, [130, 257], { dtype: "bool" });
    for (const [, a, b] of [pairs[4]!, pairs[0]!, [
      "", broadcast(dense([257], 9), [130, 257]), x] as [string, View, View]]) {
      const { simd, plain, calls } = onBoth(() => cpu.where(c, a, b, "float32"));
      expect(calls).toBe(1);
      expect(differences(simd, plain)).toBe(0);
    }
  });

  it("leaves transposed operands, small tensors and float64 to the plain kernels, with the same results", () => {
    const t = view(values(130 * 257, 10), [130, 257], { strides: [1, 130] });
    const bias = broadcast(dense([257], 11), [130, 257]);
    const small = dense([127, 129], 12); // 16383 elements: one under the threshold
    const cases: [() => unknown, number][] = [
      [() => cpu.binary("add", t, bias, "float32", "float32"), 0],
      [() => cpu.binary("gt", small, broadcast(view([0], [1]), [127, 129]), "float32", "bool"), 0],
      [() => cpu.binary("add", dense([128, 128], 13), broadcast(dense([128], 14), [128, 128]), "float32", "float32"), 1],
      [() => cpu.where(view(new Uint8Array(130 * 257).fill(1), [130, 257], { dtype: "bool", strides: [1, 130] }), x, bias, "float32"), 0],
      [() => cpu.binary("add", view(Float64Array.from(values(20000, 15)), [100, 200], { dtype: "float64" }),
        broadcast(view(Float64Array.from(values(200, 16)), [200], { dtype: "float64" }), [100, 200]), "float64", "float64"), 0],
    ];
    for (const [f, expected] of cases) {
      const { simd, plain, calls } = onBoth(f);
      expect(calls).toBe(expected);
      expect(differences(simd, plain)).toBe(0);
    }
  });
});

describe("reductions along axes on WebAssembly SIMD", () => {
  const reduce = (op: "sum" | "max" | "min", x: View, axes: number[]) => () => cpu.reduce(op, x, axes, "float32");

  it("sum, max and min down the rows (dim 0, inner dims) match the plain kernels bit for bit, NaN and -0 included", () => {
    const shapes: [number[], number[]][] = [[[130, 257], [0]], [[4, 50, 90], [1]], [[3, 40, 50, 7], [1, 2]], [[2, 9000, 2], [1]]];
    for (const [shape, axes] of shapes)
      for (const op of ["sum", "max", "min"] as const) {
        const finite = view(values(shape.reduce((a, b) => a * b, 1), 20).map((v) => (Number.isNaN(v) ? 1 : v)), shape);
        for (const x of [finite, dense(shape, 21)]) {
          const { simd, plain, calls } = onBoth(reduce(op, x, axes));
          expect(calls).toBe(1);
          expect(differences(simd, plain)).toBe(0);
        }
      }
  });

  it("sums along the last axis agree with the plain kernel to float32 rounding", () => {
    for (const shape of [[300, 77], [20, 1000], [2, 3, 4000]]) {
      const n = shape.reduce((a, b) => a * b, 1);
      const r = rng(22);
      const x = view(Float32Array.from({ length: n }, () => r() * 100), shape, { strides: contiguousStrides(shape) });
      const { simd, plain, calls } = onBoth(reduce("sum", x, [shape.length - 1]));
      expect(calls).toBe(1);
      for (let i = 0; i < plain.length; i++) expect(Math.abs(simd[i]! - plain[i]!)).toBeLessThanOrEqual(2e-7 * Math.abs(plain[i]!) + 1e-9);
    }
  });

  it("leaves axes that are not adjacent, last-axis max, strided and small inputs to the plain kernels", () => {
    const x = dense([30, 30, 30], 23);
    const t = view(values(130 * 257, 24), [130, 257], { strides: [1, 130] });
    const cases: [() => unknown, number][] = [
      [reduce("sum", x, [0, 2]), 0],
      [reduce("max", x, [2]), 0],
      [reduce("sum", t, [0]), 0],
      [reduce("sum", dense([127, 129], 25), [0]), 0],
      [reduce("sum", dense([128, 128], 26), [0]), 1],
    ];
    for (const [f, expected] of cases) {
      const { simd, plain, calls } = onBoth(f);
      expect(calls).toBe(expected);
      expect(differences(simd, plain)).toBe(0);
    }
  });
});

describe("the optimizers' fused update (addScaledInPlace) on WebAssembly SIMD", () => {
  /** What add_(src, { alpha }) computes: the product stored as float32, then the sum. */
  function composed(dst: View, src: View, alpha: number): TypedArray {
    const scalar: View = { ...view([alpha], [1]), shape: dst.shape, strides: dst.shape.map(() => 0) };
    const product = cpu.binary("mul", src, scalar, "float32", "float32") as Float32Array;
    return cpu.binary("add", dst, view(product, dst.shape), "float32", "float32") as TypedArray;
  }
  const N = 20001;

  it("updates large contiguous float32 tensors in place with add_'s values, src aliasing dst included", () => {
    setCpuKernels("plain");
    const dst = view(values(N + 2, 30), [N], { offset: 2 });
    const src = view(values(N, 31), [N]);
    for (const [s, alpha] of [[src, -0.01], [src, 1 / 3], [dst, 0.5]] as const) {
      const expected = composed(dst, s, alpha);
      setCpuKernels("simd");
      expect(cpu.addScaledInPlace(dst, s, alpha)).toBe(true);
      setCpuKernels("plain");
      expect(differences((dst.buffer as Float32Array).subarray(2), expected)).toBe(0);
    }
  });

  it("updates tensors that live in the kernels' memory in place, a partial last vector and an offset view included", () => {
    setCpuKernels("simd");
    const D = residentFloat32(N + 3);
    const S = residentFloat32(N);
    expect(D).not.toBeNull();
    D!.set(values(N + 3, 37));
    S!.set(values(N, 38));
    const dst = view(D!, [N], { offset: 2 }); // N % 4 === 1: whole vectors, then one element here
    const src = view(S!, [N]);
    const after = D![N + 2];
    setCpuKernels("plain");
    const expected = composed(dst, src, -0.125);
    setCpuKernels("simd");
    const calls = axpyCalls.count;
    expect(cpu.addScaledInPlace(dst, src, -0.125)).toBe(true);
    expect(axpyCalls.count).toBe(calls + 1);
    expect(differences(D!.subarray(2, N + 2), expected)).toBe(0);
    expect(Object.is(D![N + 2], after)).toBe(true); // the element past the view is untouched
  });

  it("declines strided, integer, partly overlapping and large float64 tensors, writing nothing", () => {
    setCpuKernels("simd");
    const strided = view(values(2 * 10000, 34), [100, 100], { strides: [1, 200] });
    const f64 = view(Float64Array.from(values(N, 35)), [N], { dtype: "float64" });
    const ints = view(Int32Array.from([1, 2, 3]), [3], { dtype: "int32" });
    const shared = values(200, 39);
    const cases: [View, View][] = [
      [strided, view(values(10000, 36), [100, 100])],
      [f64, f64],
      [ints, ints],
      [view(shared, [100], { offset: 50 }), view(shared, [100])], // reads what it wrote
    ];
    for (const [d, s] of cases) {
      const before = Array.from(d.buffer as TypedArray);
      expect(cpu.addScaledInPlace(d, s, 2)).toBe(false);
      expect(Array.from(d.buffer as TypedArray)).toEqual(before);
    }
  });

  it("updates small dense float tensors, and any on the plain path, in a loop with add_'s values", () => {
    /** add_'s values for float64: the product stored as float64, then the sum. */
    const composed64 = (dst: View, src: View, alpha: number): TypedArray => {
      const scalar: View = { ...view(Float64Array.of(alpha), [1], { dtype: "float64" }), shape: dst.shape, strides: dst.shape.map(() => 0) };
      const product = cpu.binary("mul", src, scalar, "float64", "float64");
      return cpu.binary("add", dst, view(product as Float64Array, dst.shape, { dtype: "float64" }), "float64", "float64") as TypedArray;
    };
    const small32 = () => view(values(1003, 40), [1000], { offset: 3 });
    const small64 = () => view(Float64Array.from(values(1000, 41), (x) => x / 3), [1000], { dtype: "float64" });
    const cases: [string, () => View, (d: View, s: View, a: number) => TypedArray, () => View][] = [
      ["simd", small32, composed, () => view(values(1000, 42), [1000])],
      ["simd", small64, composed64, () => view(Float64Array.from(values(1000, 43), (x) => x / 7), [1000], { dtype: "float64" })],
      ["plain", () => view(values(N, 44), [N]), composed, () => view(values(N, 45), [N])],
    ];
    for (const [kernels, makeDst, expectedOf, makeSrc] of cases)
      for (const alpha of [1, -1, -0.01, 1 / 3]) {
        for (const aliased of [false, true]) {
          const dst = makeDst();
          const src = aliased ? dst : makeSrc();
          setCpuKernels("plain");
          const expected = expectedOf(dst, src, alpha);
          setCpuKernels(kernels as "simd" | "plain");
          const calls = axpyCalls.count;
          expect(cpu.addScaledInPlace(dst, src, alpha)).toBe(true);
          expect(axpyCalls.count).toBe(calls + 1);
          const D = dst.buffer as TypedArray;
          expect(differences(D.subarray(dst.offset, dst.offset + expected.length), expected)).toBe(0);
        }
      }
    setCpuKernels("simd");
  });
});
