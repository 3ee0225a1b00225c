import { describe, expect, it } from "vitest";
import { arr, cpu, view } from "./helpers.js";

describe("where", () => {
  it("selects elementwise", () => {
    const c = view([1, 0, 1, 0], [4], { dtype: "bool" });
    const a = view([1, 2, 3, 4], [4]);
    const b = view([-1, -2, -3, -4], [4]);
    expect(arr(cpu.where(c, a, b, "float32"))).toEqual([1, -2, 3, -4]);
  });

  it("broadcasts scalars and rows through zero strides", () => {
    const c = view([1, 0, 0, 1, 1, 0], [2, 3], { dtype: "bool" });
    const a = view([5], [2, 3], { strides: [0, 0] });
    const b = view([10, 20, 30], [2, 3], { strides: [0, 1] });
    expect(arr(cpu.where(c, a, b, "float32"))).toEqual([5, 20, 30, 5, 5, 30]);
    // A transposed condition.
    const ct = view([1, 0, 1, 1, 0, 0], [2, 3], { dtype: "bool", strides: [1, 2] });
    expect(arr(cpu.where(ct, a, b, "float32"))).toEqual([5, 5, 30, 10, 5, 30]);
  });

  it("casts to the output dtype", () => {
    const c = view([1, 0], [2], { dtype: "bool" });
    const a = view([2.7, 0], [2]);
    const b = view([-2.7, 0.5], [2]);
    expect(arr(cpu.where(c, a, b, "int32"))).toEqual([2, 0]);
    // To bool, nonzero (0.5 included) is true.
    expect(arr(cpu.where(c, a, b, "bool"))).toEqual([1, 1]);
  });

  it("handles 0-d and empty shapes", () => {
    expect(arr(cpu.where(view([0], [], { dtype: "bool" }), view([1], []), view([2], []), "float32"))).toEqual([2]);
    expect(arr(cpu.where(view([], [0], { dtype: "bool" }), view([], [0]), view([], [0]), "float32"))).toEqual([]);
  });
});
