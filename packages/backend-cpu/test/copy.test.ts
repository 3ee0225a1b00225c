import { describe, expect, it } from "vitest";
import { castView } from "../src/kernels/copy.js";
import { arr, cpu, elements, transposed, view } from "./helpers.js";

describe("copy", () => {
  it("makes a contiguous copy of strided views", () => {
    const base = view([1, 2, 3, 4, 5, 6], [2, 3]);
    const t = transposed(base);
    expect(arr(cpu.copy(t, "float32"))).toEqual([1, 4, 2, 5, 3, 6]);
    const sliced = view([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 2], { strides: [5, 2], offset: 1 });
    expect(arr(cpu.copy(sliced, "float32"))).toEqual([1, 3, 6, 8]);
    const bcast = view([7, 8], [3, 2], { strides: [0, 1] });
    expect(arr(cpu.copy(bcast, "float32"))).toEqual([7, 8, 7, 8, 7, 8]);
    const flipped = view([1, 2, 3], [3], { strides: [-1], offset: 2 });
    expect(arr(cpu.copy(flipped, "float32"))).toEqual([3, 2, 1]);
  });

  it("never aliases its input", () => {
    const src = new Float32Array([1, 2, 3]);
    const out = cpu.copy(view(src, [3]), "float32") as Float32Array;
    out[0] = 99;
    expect(src[0]).toBe(1);
  });

  it("casts: float to int truncates toward zero, to bool nonzero (and NaN) is true", () => {
    const x = view([2.7, -2.7, 0.5, 0, NaN, -0], [6]);
    const ints = cpu.copy(x, "int32");
    expect(ints).toBeInstanceOf(Int32Array);
    expect(arr(ints)).toEqual([2, -2, 0, 0, 0, 0]);
    const bools = cpu.copy(x, "bool");
    expect(bools).toBeInstanceOf(Uint8Array);
    expect(arr(bools)).toEqual([1, 1, 1, 0, 1, 0]);
    expect(arr(cpu.copy(view([1, 0, 1], [3], { dtype: "bool" }), "float32"))).toEqual([1, 0, 1]);
    expect(arr(cpu.copy(view([0.1], [1], { dtype: "float64" }), "float32"))).toEqual([Math.fround(0.1)]);
    // The strided path casts the same way.
    expect(arr(cpu.copy(view([2.5, 0, -3.5, 0], [2], { strides: [2] }), "bool"))).toEqual([1, 1]);
    expect(arr(cpu.copy(view([2.5, 0, -3.5, 0], [2], { strides: [2] }), "int32"))).toEqual([2, -3]);
  });

  it("handles 0-d and empty shapes", () => {
    expect(arr(cpu.copy(view([1, 2], [], { offset: 1 }), "float32"))).toEqual([2]);
    expect(arr(cpu.copy(view([], [0, 4]), "int32"))).toEqual([]);
  });
});

describe("assign", () => {
  it("writes into a strided window with a cast", () => {
    const dst = new Int32Array(12);
    const window = view(dst, [2, 3], { dtype: "int32", strides: [6, 2], offset: 1 });
    cpu.assign(window, view([1.9, -1.9, 3, 4, 5, 6], [2, 3]));
    expect(Array.from(dst)).toEqual([0, 1, 0, -1, 0, 3, 0, 4, 0, 5, 0, 6]);
  });

  it("broadcasts a scalar source and casts to bool", () => {
    const dst = new Uint8Array(4);
    cpu.assign(view(dst, [2, 2], { dtype: "bool" }), view([0.5], [2, 2], { strides: [0, 0] }));
    expect(Array.from(dst)).toEqual([1, 1, 1, 1]);
  });

  it("is correct when source and destination overlap", () => {
    // x = x.T in place on a 3x3 matrix.
    const buf = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const x = view(buf, [3, 3]);
    cpu.assign(x, transposed(x));
    expect(Array.from(buf)).toEqual([1, 4, 7, 2, 5, 8, 3, 6, 9]);
    // Shift right by one inside the same buffer (a subarray sharing memory counts too).
    const mem = new Float32Array(40).map((_, i) => i + 1);
    cpu.assign(view(mem, [30], { offset: 1 }), view(mem.subarray(0, 30), [30]));
    expect(Array.from(mem.subarray(0, 5))).toEqual([1, 1, 2, 3, 4]);
    expect(mem[30]).toBe(30);
  });

  it("does nothing for empty windows and works for 0-d", () => {
    const buf = new Float32Array([1, 2]);
    cpu.assign(view(buf, [0]), view([], [0]));
    cpu.assign(view(buf, [], { offset: 1 }), view([9], []));
    expect(Array.from(buf)).toEqual([1, 9]);
  });
});

describe("castView", () => {
  it("returns the view itself when no value can change", () => {
    const v = view([1, 2], [2], { dtype: "int32" });
    expect(castView(v, "float64")).toBe(v);
    expect(castView(v, "int32")).toBe(v);
    const b = view([1], [1], { dtype: "bool" });
    expect(castView(b, "float32")).toBe(b);
    // A scalar whose value survives the cast is kept too.
    const s = view([3], [4], { dtype: "int32", strides: [0] });
    expect(castView(s, "float32")).toBe(s);
  });

  it("casts a broadcast scalar as one element and keeps it broadcast", () => {
    const s = view([0.1], [4], { dtype: "float64", strides: [0] });
    const c = castView(s, "float32");
    expect(c.dtype).toBe("float32");
    expect(c.strides).toEqual([0]);
    expect(elements(c)).toEqual([0.1, 0.1, 0.1, 0.1].map(Math.fround));
  });
});
