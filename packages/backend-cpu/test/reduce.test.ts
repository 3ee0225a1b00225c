import type { ReduceOp, View } from "@flambeau/tensor/internal";
import { describe, expect, it } from "vitest";
import { arr, cpu, elements, rng, view } from "./helpers.js";

/** Reference: for each output (row-major over kept axes) the slice in row-major order of the reduced axes. */
function slices(v: View, axes: number[]): number[][] {
  const all = elements(v);
  const shape = v.shape;
  const kept = shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const outN = kept.reduce((p, d) => p * shape[d]!, 1);
  const out: number[][] = Array.from({ length: outN }, () => []);
  for (let flat = 0; flat < all.length; flat++) {
    let rem = flat;
    const idx = new Array<number>(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rem % shape[d]!;
      rem = Math.floor(rem / shape[d]!);
    }
    let o = 0;
    for (const d of kept) o = o * shape[d]! + idx[d]!;
    out[o]!.push(all[flat]!);
  }
  return out;
}

function reference(op: ReduceOp, s: number[]): number {
  switch (op) {
    case "sum":
      return s.reduce((a, b) => a + b, 0);
    case "prod":
      return s.reduce((a, b) => a * b, 1);
    case "max":
      return s.some(Number.isNaN) ? NaN : Math.max(...s);
    case "min":
      return s.some(Number.isNaN) ? NaN : Math.min(...s);
    case "argmax": {
      const nan = s.findIndex(Number.isNaN);
      return nan >= 0 ? nan : s.indexOf(Math.max(...s));
    }
    case "argmin": {
      const nan = s.findIndex(Number.isNaN);
      return nan >= 0 ? nan : s.indexOf(Math.min(...s));
    }
    case "any":
      return s.some((x) => x !== 0) ? 1 : 0;
    case "all":
      return s.every((x) => x !== 0) ? 1 : 0;
  }
}

const OPS: ReduceOp[] = ["sum", "prod", "max", "min", "argmax", "argmin", "any", "all"];

describe("reduce", () => {
  it("reduces one axis of a matrix", () => {
    const x = view([1, 5, 3, 4, 2, 6], [2, 3]);
    expect(arr(cpu.reduce("sum", x, [0], "float32"))).toEqual([5, 7, 9]);
    expect(arr(cpu.reduce("sum", x, [1], "float32"))).toEqual([9, 12]);
    expect(arr(cpu.reduce("prod", x, [1], "float32"))).toEqual([15, 48]);
    expect(arr(cpu.reduce("max", x, [0], "float32"))).toEqual([4, 5, 6]);
    expect(arr(cpu.reduce("min", x, [1], "float32"))).toEqual([1, 2]);
    const am = cpu.reduce("argmax", x, [1], "int32");
    expect(am).toBeInstanceOf(Int32Array);
    expect(arr(am)).toEqual([1, 2]);
    expect(arr(cpu.reduce("argmin", x, [0], "int32"))).toEqual([0, 1, 0]);
    expect(arr(cpu.reduce("sum", x, [0, 1], "float32"))).toEqual([21]);
  });

  it("argmax over several axes indexes row-major over the reduced axes; over all, the flat tensor", () => {
    // shape [2, 3, 2]; reduce axes 0 and 2 -> index in [0, 4) over (axis0, axis2).
    const x = view([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((v) => (v === 8 ? 100 : v)), [2, 3, 2]);
    expect(arr(cpu.reduce("argmax", x, [0, 2], "int32"))).toEqual([3, 2, 3]);
    expect(arr(cpu.reduce("argmax", x, [0, 1, 2], "int32"))).toEqual([8]);
    expect(arr(cpu.reduce("argmin", x, [0, 1, 2], "int32"))).toEqual([0]);
  });

  it("keeps the first of ties and lets the first NaN win", () => {
    const x = view([3, 1, 3, 1, NaN, 2, NaN, 0], [8]);
    expect(arr(cpu.reduce("argmax", x, [0], "int32"))).toEqual([4]);
    expect(arr(cpu.reduce("argmin", x, [0], "int32"))).toEqual([4]);
    const t = view([3, 1, 3, 1], [4]);
    expect(arr(cpu.reduce("argmax", t, [0], "int32"))).toEqual([0]);
    expect(arr(cpu.reduce("argmin", t, [0], "int32"))).toEqual([1]);
    expect(arr(cpu.reduce("argmax", view([-Infinity, -Infinity], [2]), [0], "int32"))).toEqual([0]);
  });

  it("propagates NaN through max and min (also across rows)", () => {
    const x = view([1, NaN, 3, 4, 5, NaN], [2, 3]);
    expect(arr(cpu.reduce("max", x, [0], "float32"))).toEqual([4, NaN, NaN]);
    expect(arr(cpu.reduce("min", x, [1], "float32"))).toEqual([NaN, NaN]);
    expect(arr(cpu.reduce("max", x, [0, 1], "float32"))).toEqual([NaN]);
    expect(arr(cpu.reduce("sum", x, [1], "float32"))).toEqual([NaN, NaN]);
  });

  it("sums bool and int to int32 and any/all to bool", () => {
    const b = view([1, 0, 1, 1], [2, 2], { dtype: "bool" });
    const s = cpu.reduce("sum", b, [0, 1], "int32");
    expect(s).toBeInstanceOf(Int32Array);
    expect(arr(s)).toEqual([3]);
    // Past int32 is an error, never a wrapped value (docs/design.md); right below it is exact.
    expect(() => cpu.reduce("sum", view([2 ** 30, 2 ** 30, 5], [3], { dtype: "int32" }), [0], "int32")).toThrow("sum(): the integer result 2147483653 does not fit int32");
    expect(arr(cpu.reduce("sum", view([2 ** 30, 2 ** 30 - 1, -5], [3], { dtype: "int32" }), [0], "int32"))).toEqual([2 ** 31 - 6]);
    expect(() => cpu.reduce("prod", view([2 ** 16, 2 ** 16, 1, 1], [2, 2], { dtype: "int32" }), [0, 1], "int32")).toThrow("prod(): the integer result 4294967296");
    expect(arr(cpu.reduce("any", b, [1], "bool"))).toEqual([1, 1]);
    expect(arr(cpu.reduce("all", b, [1], "bool"))).toEqual([0, 1]);
    expect(arr(cpu.reduce("all", view([NaN, 2], [2]), [0], "bool"))).toEqual([1]);
    expect(arr(cpu.reduce("any", view([0, 0], [2]), [0], "bool"))).toEqual([0]);
  });

  it("accumulates float32 sums in double", () => {
    const x = new Float32Array(10001).fill(0.1);
    x[0] = 1e8;
    // float32 accumulation would lose every 0.1 added to 1e8.
    expect(arr(cpu.reduce("sum", view(x, [10001]), [0], "float32"))).toEqual([Math.fround(1e8 + 10000 * Math.fround(0.1))]);
  });

  it("over zero axes copies and casts", () => {
    const x = view([1.5, 0, -2], [3]);
    expect(arr(cpu.reduce("sum", x, [], "float32"))).toEqual([1.5, 0, -2]);
    expect(arr(cpu.reduce("any", x, [], "bool"))).toEqual([1, 0, 1]);
    expect(arr(cpu.reduce("argmax", x, [], "int32"))).toEqual([0, 0, 0]);
    expect(arr(cpu.reduce("sum", view([4], []), [], "float32"))).toEqual([4]);
  });

  // max/min/argmax/argmin of an empty slice are refused above the backends (bad-input catalogue).
  it("reduces empty slices to the identity", () => {
    const e = view([], [2, 0]);
    expect(arr(cpu.reduce("sum", e, [1], "float32"))).toEqual([0, 0]);
    expect(arr(cpu.reduce("prod", e, [1], "float32"))).toEqual([1, 1]);
    expect(arr(cpu.reduce("any", e, [1], "bool"))).toEqual([0, 0]);
    expect(arr(cpu.reduce("all", e, [1], "bool"))).toEqual([1, 1]);
    expect(arr(cpu.reduce("sum", e, [0], "float32"))).toEqual([]);
    // A kept empty axis with non-empty reduced ones gives an empty result.
    expect(arr(cpu.reduce("max", view([], [0, 3]), [1], "float32"))).toEqual([]);
  });

  it("matches a reference for every op on random strided views", () => {
    const r = rng(11);
    const buf = Float32Array.from({ length: 200 }, () => Math.round(r(-5, 5)) + 0); // + 0: no -0, whose max with 0 is unspecified
    buf[17] = NaN;
    buf[123] = 0;
    const views: View[] = [
      view(buf, [3, 4, 5], { offset: 2 }),
      view(buf, [3, 4, 5], { strides: [1, 3, 12], offset: 60 }), // fully transposed
      view(buf, [3, 4, 5], { strides: [20, 0, 1], offset: 7 }), // broadcast middle dim
      view(buf, [4, 1, 5], { strides: [-5, 9, 1], offset: 150 }), // negative stride
    ];
    const axesSets = [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]];
    for (const v of views)
      for (const axes of axesSets)
        for (const op of OPS) {
          const outDtype = op === "argmax" || op === "argmin" ? "int32" : op === "any" || op === "all" ? "bool" : "float64";
          const want = slices(v, axes).map((s) => reference(op, s));
          expect(arr(cpu.reduce(op, v, axes, outDtype)), `${op} ${JSON.stringify(axes)} ${JSON.stringify(v.strides)}`).toEqual(want);
        }
  });
});
