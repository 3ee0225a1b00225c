import type { BinaryOp } from "@flambeau/tensor/internal";
import { describe, expect, it } from "vitest";
import { arr, cpu, elements, rng, transposed, view } from "./helpers.js";

const f32 = (xs: number[]) => xs.map(Math.fround);

describe("binary (float compute)", () => {
  const a = view([1, -2, 3.5, 0, NaN, 7], [6]);
  const b = view([2, 2, -1.5, 0, 1, NaN], [6]);

  it("arithmetic", () => {
    expect(arr(cpu.binary("add", a, b, "float32", "float32"))).toEqual([3, 0, 2, 0, NaN, NaN]);
    expect(arr(cpu.binary("sub", a, b, "float32", "float32"))).toEqual([-1, -4, 5, 0, NaN, NaN]);
    expect(arr(cpu.binary("mul", a, b, "float32", "float32"))).toEqual([2, -4, -5.25, 0, NaN, NaN]);
    expect(arr(cpu.binary("div", a, b, "float32", "float32"))).toEqual(f32([0.5, -1, 3.5 / -1.5, NaN, NaN, NaN]));
    expect(arr(cpu.binary("pow", a, b, "float32", "float32"))).toEqual(f32([1, 4, 3.5 ** -1.5, 1, NaN, NaN]));
    expect(arr(cpu.binary("atan2", a, b, "float32", "float32"))).toEqual(f32([Math.atan2(1, 2), Math.atan2(-2, 2), Math.atan2(3.5, -1.5), 0, NaN, NaN]));
  });

  it("pow to a scalar exponent takes PyTorch's shortcuts and agrees with pow", () => {
    const x = view([3, -2, 0.25, NaN, -0, 4], [6]);
    const exp = (e: number, dtype: "float32" | "int32" = "float32") => view([e], [6], { dtype, strides: [0] });
    expect(arr(cpu.binary("pow", x, exp(2), "float32", "float32"))).toEqual([9, 4, 0.0625, NaN, 0, 16]);
    expect(arr(cpu.binary("pow", x, exp(0.5), "float32", "float32"))).toEqual([Math.fround(Math.sqrt(3)), NaN, 0.5, NaN, -0, 2]);
    expect(arr(cpu.binary("pow", x, exp(-1), "float32", "float32"))).toEqual(f32([1 / 3, -0.5, 4, NaN, -Infinity, 0.25]));
    expect(arr(cpu.binary("pow", x, exp(3), "float32", "float32"))).toEqual([27, -8, 0.015625, NaN, -0, 64]);
    const ints = view([3, -2, 0], [3], { dtype: "int32" });
    expect(arr(cpu.binary("pow", ints, view([2], [3], { dtype: "int32", strides: [0] }), "int32", "int32"))).toEqual([9, 4, 0]);
  });

  it("maximum and minimum propagate NaN from either side", () => {
    expect(arr(cpu.binary("maximum", a, b, "float32", "float32"))).toEqual([2, 2, 3.5, 0, NaN, NaN]);
    expect(arr(cpu.binary("minimum", a, b, "float32", "float32"))).toEqual([1, -2, -1.5, 0, NaN, NaN]);
  });

  it("floor_divide and remainder follow Python's signs", () => {
    const x = view([7, -7, 7, -7, 5.5, 1], [6]);
    const y = view([2, 2, -2, -2, 2, 0], [6]);
    expect(arr(cpu.binary("floor_divide", x, y, "float32", "float32"))).toEqual([3, -4, -4, 3, 2, Infinity]);
    expect(arr(cpu.binary("remainder", x, y, "float32", "float32"))).toEqual([1, 1, -1, -1, 1.5, NaN]);
  });

  it("comparisons produce bool and NaN compares unequal", () => {
    const cases: [BinaryOp, number[]][] = [
      ["eq", [0, 0, 0, 1, 0, 0]],
      ["ne", [1, 1, 1, 0, 1, 1]],
      ["lt", [1, 1, 0, 0, 0, 0]],
      ["le", [1, 1, 0, 1, 0, 0]],
      ["gt", [0, 0, 1, 0, 0, 0]],
      ["ge", [0, 0, 1, 1, 0, 0]],
    ];
    for (const [op, want] of cases) {
      const out = cpu.binary(op, a, b, "float32", "bool");
      expect(out, op).toBeInstanceOf(Uint8Array);
      expect(arr(out), op).toEqual(want);
    }
  });

  it("logical ops treat nonzero (and NaN) as true", () => {
    const x = view([0, 0, 2, NaN], [4]);
    const y = view([0, -1, 0, 3], [4]);
    expect(arr(cpu.binary("logical_and", x, y, "float32", "bool"))).toEqual([0, 0, 0, 1]);
    expect(arr(cpu.binary("logical_or", x, y, "float32", "bool"))).toEqual([0, 1, 1, 1]);
    expect(arr(cpu.binary("logical_xor", x, y, "float32", "bool"))).toEqual([0, 1, 1, 0]);
  });
});

describe("binary (integral compute)", () => {
  const i32 = (xs: number[], shape = [xs.length]) => view(xs, shape, { dtype: "int32" });

  it("wraps like int32", () => {
    const big = i32([2 ** 31 - 1, 65536, -5]);
    const two = i32([1, 65536, 3]);
    expect(arr(cpu.binary("add", big, two, "int32", "int32"))).toEqual([-(2 ** 31), 131072, -2]);
    expect(arr(cpu.binary("mul", big, two, "int32", "int32"))).toEqual([2 ** 31 - 1, 0, -15]);
    const out = cpu.binary("sub", big, two, "int32", "int32");
    expect(out).toBeInstanceOf(Int32Array);
    expect(arr(out)).toEqual([2 ** 31 - 2, 0, -8]);
  });

  it("floor_divide, remainder and pow are integral", () => {
    const x = i32([7, -7, 7, -7]);
    const y = i32([2, 2, -2, -2]);
    expect(arr(cpu.binary("floor_divide", x, y, "int32", "int32"))).toEqual([3, -4, -4, 3]);
    expect(arr(cpu.binary("remainder", x, y, "int32", "int32"))).toEqual([1, 1, -1, -1]);
    expect(arr(cpu.binary("pow", i32([3, -2, 5]), i32([3, 3, 0]), "int32", "int32"))).toEqual([27, -8, 1]);
    expect(arr(cpu.binary("maximum", x, y, "int32", "int32"))).toEqual([7, 2, 7, -2]);
  });

  it("raises on integer division by zero; a negative integer power tensor computes as PyTorch's", () => {
    const x = i32([1, 2]);
    const z = i32([1, 0]);
    expect(() => cpu.binary("floor_divide", x, z, "int32", "int32")).toThrow("ZeroDivisionError");
    expect(() => cpu.binary("remainder", x, z, "int32", "int32")).toThrow("ZeroDivisionError");
    expect(arr(cpu.binary("pow", x, i32([-1, 2]), "int32", "int32"))).toEqual([1, 4]);
  });

  it("bool arithmetic stays 0/1 and bool operands read as ints", () => {
    const t = view([1, 1, 0], [3], { dtype: "bool" });
    const u = view([1, 0, 0], [3], { dtype: "bool" });
    expect(arr(cpu.binary("add", t, u, "bool", "bool"))).toEqual([1, 1, 0]);
    expect(arr(cpu.binary("mul", t, u, "bool", "bool"))).toEqual([1, 0, 0]);
    expect(arr(cpu.binary("add", t, i32([5, 5, 5]), "int32", "int32"))).toEqual([6, 6, 5]);
  });
});

describe("binary operand casts", () => {
  it("reads operands as the compute dtype", () => {
    // int32 16777217 is 16777216 in float32, so it equals 16777216.
    const ints = view([16777217, 3], [2], { dtype: "int32" });
    const floats = view([16777216, 3], [2]);
    expect(arr(cpu.binary("eq", ints, floats, "float32", "bool"))).toEqual([1, 1]);
    // The same through a broadcast scalar.
    const scalar = view([16777217], [2], { dtype: "int32", strides: [0] });
    expect(arr(cpu.binary("eq", floats, scalar, "float32", "bool"))).toEqual([1, 0]);
    // float64 operands are rounded to float32 first.
    const d = view([0.1], [1], { dtype: "float64" });
    expect(arr(cpu.binary("eq", view([0.1], [1]), d, "float32", "bool"))).toEqual([1]);
    // float operands of an integral computation truncate.
    expect(arr(cpu.binary("add", view([2.7, -2.7], [2]), view([1, 1], [2], { dtype: "int32" }), "int32", "int32"))).toEqual([3, -1]);
  });

  it("keeps float64 precision in float64 compute", () => {
    const x = view([0.1], [1], { dtype: "float64" });
    expect(arr(cpu.binary("add", x, x, "float64", "float64"))).toEqual([0.2]);
  });
});

describe("binary layouts", () => {
  it("broadcasts a scalar (0-stride) operand on either side", () => {
    const x = view([1, 2, 3, 4], [2, 2]);
    const s = view([0, 10], [2, 2], { strides: [0, 0], offset: 1 });
    expect(arr(cpu.binary("sub", x, s, "float32", "float32"))).toEqual([-9, -8, -7, -6]);
    expect(arr(cpu.binary("sub", s, x, "float32", "float32"))).toEqual([9, 8, 7, 6]);
  });

  it("broadcasts [n, 1] against [1, m]", () => {
    const col = view([1, 2, 3], [3, 4], { strides: [1, 0] });
    const row = view([10, 20, 30, 40], [3, 4], { strides: [0, 1] });
    expect(arr(cpu.binary("add", col, row, "float32", "float32"))).toEqual([
      11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43,
    ]);
  });

  it("matches a naive reference on random transposed and offset views", () => {
    const r = rng(7);
    const buf = Float32Array.from({ length: 64 }, () => r());
    const a = transposed(view(buf, [4, 5], { offset: 3 })); // [5, 4]
    const b = view(buf, [5, 4], { strides: [1, 7], offset: 30 });
    const got = arr(cpu.binary("mul", a, b, "float32", "float32"));
    const ea = elements(a);
    const eb = elements(b);
    expect(got).toEqual(f32(ea.map((v, i) => v * eb[i]!)));
    // A 3-d case with a broadcast middle dim.
    const c = view(buf, [2, 3, 4], { strides: [16, 0, 1], offset: 2 });
    const d = view(buf, [2, 3, 4], { strides: [1, 2, 6] });
    const ec = elements(c);
    const ed = elements(d);
    expect(arr(cpu.binary("add", c, d, "float32", "float32"))).toEqual(f32(ec.map((v, i) => v + ed[i]!)));
  });

  it("handles 0-d and empty shapes", () => {
    expect(arr(cpu.binary("add", view([2], []), view([0, 3], [], { offset: 1 }), "float32", "float32"))).toEqual([5]);
    const empty = cpu.binary("add", view([], [3, 0]), view([], [3, 0]), "float32", "float32");
    expect(empty).toBeInstanceOf(Float32Array);
    expect(arr(empty)).toEqual([]);
  });
});

describe("int64 truncating division and fmod (exact past int32, as PyTorch)", () => {
  it("div(rounding_mode='trunc') and fmod keep int64 and its values; a zero divisor raises", async () => {
    await import("@flambeau/backend-cpu");
    const { tensor, div, fmod } = await import("@flambeau/tensor");
    const a = tensor([5000000000, -7, 7], { dtype: "int64" }), b = tensor([3, 2, -2], { dtype: "int64" });
    // PyTorch 1.13: tensor([1666666666, -3, -3]) and tensor([2, -1, 1]).
    const q = div(a, b, { rounding_mode: "trunc" });
    expect([q.dtype, Array.from(q.dataSync() as Float64Array)]).toEqual(["int64", [1666666666, -3, -3]]);
    const m = fmod(a, b);
    expect([m.dtype, Array.from(m.dataSync() as Float64Array)]).toEqual(["int64", [2, -1, 1]]);
    expect(() => fmod(a, tensor([1, 0, 1], { dtype: "int64" }))).toThrow("ZeroDivisionError");
  });
});
