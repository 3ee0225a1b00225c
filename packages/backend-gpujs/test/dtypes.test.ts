// How int32, bool and float64 live on a device that stores float32 textures: int32 is exact
// up to 2^24 in magnitude and refused beyond it on upload, bool is 0/1, float64 fails clearly.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { INT_LIMIT, mode } from "@flambeau/backend-gpujs";

const dev = { device: "gpujs" } as const;
const ints = (data: number[]) => torch.tensor(data, { dtype: "int32", ...dev });

describe("int32 on gpujs", () => {
  it("runs on headless-gl", () => expect(mode()).toBe("headlessgl"));

  it("holds every integer up to 2^24 in magnitude exactly, bounds included", () => {
    const values = [0, 1, -1, 255, 65_535, 12_345_678, INT_LIMIT - 1, INT_LIMIT, -INT_LIMIT, -(INT_LIMIT - 1)];
    const t = ints(values);
    expect(t.dtype).toBe("int32");
    expect(t.dataSync()).toBeInstanceOf(Int32Array);
    expect(Array.from(t.dataSync())).toEqual(values);
    // Through a kernel, too, except ±2^24 computed by it: that may be 2^24 ± 1 rounded, so it is refused.
    const inside = values.filter((v) => Math.abs(v) < INT_LIMIT);
    expect(Array.from(ints(inside).add(0).dataSync())).toEqual(inside);
    expect(Array.from(t.clone().dataSync())).toEqual(values); // moved, not computed: exact
    expect(() => ints([INT_LIMIT]).add(0).dataSync()).toThrow(/computed from a value at or past 2\^24/);
  });

  it("refuses to upload an int32 value beyond 2^24, naming the limit", () => {
    expect(() => ints([INT_LIMIT + 1])).toThrow(/16777217 cannot be stored exactly.*2\^24 \(16777216\)/);
    expect(() => ints([-INT_LIMIT - 1])).toThrow(/-16777217/);
    expect(() => torch.full([2], 2 ** 30, { dtype: "int32", ...dev })).toThrow(/2\^24/);
    expect(() => torch.tensor([2 ** 31 - 1], { dtype: "int32" }).to("gpujs")).toThrow(/2147483647/);
  });

  it("computes integer arithmetic exactly near 2^24", () => {
    const a = ints([INT_LIMIT - 1, -(INT_LIMIT - 1), 16_777_213, 9_999_991, -7]);
    const b = ints([3, 7, -5, 10_007, 2]);
    const n = (t: torch.Tensor) => Array.from(t.dataSync());
    expect(n(a.floor_divide(b))).toEqual([5_592_405, -2_396_745, -3_355_443, 999, -4]);
    expect(n(a.remainder(b))).toEqual([0, 0, -2, 2_998, 1]);
    // Results past 2^24 may have rounded in float32 textures: reading one is an error, not a guess.
    expect(n(a.sub(b).index("3:"))).toEqual([9_989_984, -9]);
    expect(() => a.sub(b).dataSync()).toThrow(/gpujs: an integer result was computed from a value at or past 2\^24/);
    expect(n(ints([4095, 3]).mul(ints([4097, -5_592_405])))).toEqual([16_777_215, -16_777_215]);
    expect(() => ints([-4096]).mul(ints([4096])).dataSync()).toThrow(/at or past 2\^24/); // -2^24 computed: maybe rounded
    expect(n(ints([3, -2]).pow(ints([15, 23])))).toEqual([14_348_907, -8_388_608]);
    expect(() => ints([INT_LIMIT - 1, 1]).sum().itemSync()).toThrow(/at or past 2\^24/);
    expect(ints([5, INT_LIMIT, -3]).argmax().itemSync()).toBe(1);
  });

  it("refuses results that leave the exact range rather than rounding them", () => {
    // 2^24 + 1 is not a float32: it would be stored as 2^24, one off.
    expect(() => ints([INT_LIMIT]).add(1).itemSync()).toThrow(/at or past 2\^24/);
    // …and neither is a value computed through it, even when it comes back in range.
    expect(() => ints([INT_LIMIT]).add(1).sub(5).itemSync()).toThrow(/at or past 2\^24/);
  });

  it("casts between dtypes as PyTorch does", () => {
    const f = torch.tensor([-2.7, -0.5, 0, 0.5, 2.7, NaN], dev);
    expect(Array.from(f.to("int32").dataSync())).toEqual([-2, 0, 0, 0, 2, 0]);
    expect(Array.from(f.to("bool").dataSync())).toEqual([1, 1, 0, 1, 1, 1]);
    expect(Array.from(ints([0, 3, -1]).to("bool").to("float32").dataSync())).toEqual([0, 1, 1]);
  });

  it("keeps bool 0/1 through arithmetic and logic", () => {
    const p = torch.tensor([true, true, false, false], dev);
    const q = torch.tensor([true, false, true, false], dev);
    const n = (t: torch.Tensor) => Array.from(t.dataSync());
    expect(n(p.logical_and(q))).toEqual([1, 0, 0, 0]);
    expect(n(p.logical_xor(q))).toEqual([0, 1, 1, 0]);
    expect(n(p.add(q))).toEqual([1, 1, 1, 0]); // True + True is True
    expect(p.sum().itemSync()).toBe(2);
    expect(p.sum().dtype).toBe("int32");
    expect(torch.tensor([1, 2, 3], dev).gt(1.5).tolistSync()).toEqual([false, true, true]);
  });
});

describe("float64 on gpujs", () => {
  it("fails clearly wherever a float64 tensor would be made", () => {
    expect(() => torch.zeros([2], { dtype: "float64", ...dev })).toThrow(/gpujs.*float64/);
    expect(() => torch.tensor([1.5], { dtype: "float64" }).to("gpujs")).toThrow(/gpujs.*float64/);
    expect(() => torch.tensor([1.5], dev).to("float64")).toThrow(/gpujs.*float64/);
    expect(() => torch.tensor([1.5], dev).double()).toThrow(/float64/);
  });
});
