import type { UnaryOp } from "@flambeau/tensor/internal";
import { describe, expect, it } from "vitest";
import { arr, cpu, elements, transposed, view } from "./helpers.js";

const f32 = (xs: number[]) => xs.map(Math.fround);

describe("unary", () => {
  it("computes each float op elementwise", () => {
    const xs = [-2.5, -0.5, 0, 0.5, 1.5, 2.5, 3.7];
    const x = view(xs, [7]);
    const cases: [UnaryOp, (v: number) => number][] = [
      ["neg", (v) => -v],
      ["abs", Math.abs],
      ["exp", Math.exp],
      ["expm1", Math.expm1],
      ["sin", Math.sin],
      ["cos", Math.cos],
      ["tan", Math.tan],
      ["tanh", Math.tanh],
      ["sigmoid", (v) => 1 / (1 + Math.exp(-v))],
      ["relu", (v) => Math.max(v, 0)],
      ["sign", Math.sign],
      ["floor", Math.floor],
      ["ceil", Math.ceil],
      ["trunc", Math.trunc],
      ["square", (v) => v * v],
      ["reciprocal", (v) => 1 / v],
    ];
    for (const [op, f] of cases) {
      // `+ 0` folds -0 into 0: signed zeros are not what these cases check.
      const got = arr(cpu.unary(op, x, "float32")).map((v) => v + 0);
      expect(got, op).toEqual(f32(f32(xs).map(f)).map((v) => v + 0));
    }
    expect(arr(cpu.unary("round", x, "float32"))).toEqual([-2, -0, 0, 0, 2, 2, 4]);
  });

  it("computes sqrt, rsqrt, log, log1p with NaN for negatives", () => {
    const x = view([4, 0.25, -1], [3]);
    expect(arr(cpu.unary("sqrt", x, "float32"))).toEqual([2, 0.5, NaN]);
    expect(arr(cpu.unary("rsqrt", x, "float32"))).toEqual([0.5, 2, NaN]);
    expect(arr(cpu.unary("log", view([1, Math.E, 0, -1], [4]), "float32"))).toEqual(f32([0, Math.log(Math.fround(Math.E)), -Infinity, NaN]));
    expect(arr(cpu.unary("log1p", view([0, -1], [2]), "float32"))).toEqual([0, -Infinity]);
  });

  it("erf is accurate in float32", () => {
    const got = arr(cpu.unary("erf", view([0.5, -1, 2], [3]), "float32"));
    expect(got).toEqual(f32([0.5204998778130465, -0.8427007929497149, 0.9953222650189527]));
  });

  it("handles NaN like PyTorch: relu keeps it, sign gives 0, isnan finds it", () => {
    const x = view([NaN, -1, 2], [3]);
    expect(arr(cpu.unary("relu", x, "float32"))).toEqual([NaN, 0, 2]);
    expect(arr(cpu.unary("sign", x, "float32"))).toEqual([0, -1, 1]);
    expect(arr(cpu.unary("abs", x, "float32"))).toEqual([NaN, 1, 2]);
    const isnan = cpu.unary("isnan", x, "bool");
    expect(isnan).toBeInstanceOf(Uint8Array);
    expect(arr(isnan)).toEqual([1, 0, 0]);
    // NaN is truthy: logical_not(NaN) is false.
    expect(arr(cpu.unary("logical_not", view([NaN, 0, 3], [3]), "bool"))).toEqual([0, 1, 0]);
  });

  it("keeps integers integral and wraps int32", () => {
    const x = view([-3, 0, 5, -(2 ** 31), 70000], [5], { dtype: "int32" });
    const abs = cpu.unary("abs", x, "int32");
    expect(abs).toBeInstanceOf(Int32Array);
    expect(arr(abs)).toEqual([3, 0, 5, -(2 ** 31), 70000]);
    expect(arr(cpu.unary("neg", x, "int32"))).toEqual([3, 0, -5, -(2 ** 31), -70000]);
    expect(arr(cpu.unary("square", x, "int32"))).toEqual([9, 0, 25, 0, Math.imul(70000, 70000)]);
    expect(arr(cpu.unary("sign", x, "int32"))).toEqual([-1, 0, 1, -1, 1]);
  });

  it("reads transposed, broadcast and offset views", () => {
    const base = view([1, 2, 3, 4, 5, 6], [2, 3]);
    const t = transposed(base);
    expect(arr(cpu.unary("neg", t, "float32"))).toEqual(elements(t).map((v) => -v));
    const bcast = view([1, 2, 3, 4, 5, 6], [4, 3], { strides: [0, 1], offset: 3 });
    expect(arr(cpu.unary("square", bcast, "float32"))).toEqual([16, 25, 36, 16, 25, 36, 16, 25, 36, 16, 25, 36]);
    const scalar = view([7, 9], [3, 2], { strides: [0, 0], offset: 1 });
    expect(arr(cpu.unary("neg", scalar, "float32"))).toEqual([-9, -9, -9, -9, -9, -9]);
  });

  it("handles 0-d and empty shapes", () => {
    expect(arr(cpu.unary("exp", view([0, 1], [], { offset: 1 }), "float32"))).toEqual([Math.fround(Math.E)]);
    const empty = cpu.unary("exp", view([], [0, 3]), "float32");
    expect(empty).toBeInstanceOf(Float32Array);
    expect(arr(empty)).toEqual([]);
  });

  it("writes float64 without rounding to float32", () => {
    expect(arr(cpu.unary("exp", view([1], [1], { dtype: "float64" }), "float64"))).toEqual([Math.E]);
  });
});
