import { describe, expect, it } from "vitest";
import { alloc, normalizeBool, overlaps } from "../src/kernels/arrays.js";

describe("alloc", () => {
  it("returns zeroed arrays of the dtype's type, of every size", () => {
    const types = { float32: Float32Array, float64: Float64Array, int32: Int32Array, bool: Uint8Array } as const;
    for (const [dtype, Type] of Object.entries(types))
      for (const n of [0, 1, 16, 17, 100, 511, 5000]) {
        const a = alloc(dtype as keyof typeof types, n);
        expect(a).toBeInstanceOf(Type);
        expect(a.length).toBe(n);
        expect(a.every((v) => v === 0)).toBe(true);
      }
  });

  it("never hands out memory twice, even from a shared slab", () => {
    const arrays = Array.from({ length: 300 }, (_, i) => alloc(i % 2 ? "float64" : "float32", 100));
    arrays.forEach((a, i) => a.fill(i + 1));
    arrays.forEach((a, i) => expect(a.every((v) => v === i + 1)).toBe(true));
    for (let i = 1; i < arrays.length; i++) expect(overlaps(arrays[i - 1]!, arrays[i]!)).toBe(false);
    // Float64 views need 8-byte alignment, or construction would have thrown.
    expect(arrays[1]!.byteOffset % 8).toBe(0);
  });
});

describe("overlaps", () => {
  it("compares byte ranges, not just buffers", () => {
    const base = new Float32Array(100);
    expect(overlaps(base.subarray(0, 50), base.subarray(49, 60))).toBe(true);
    expect(overlaps(base.subarray(0, 50), base.subarray(50, 100))).toBe(false);
    expect(overlaps(base, new Float32Array(100))).toBe(false);
    expect(overlaps(base, new Uint8Array(base.buffer, 399, 1))).toBe(true);
    expect(overlaps(base, base)).toBe(true);
    // Small arrays at offset 0 are compared by identity only (their .buffer is never read).
    const small = new Float32Array(4);
    expect(overlaps(small, small)).toBe(true);
    expect(overlaps(small, new Float32Array(4))).toBe(false);
  });
});

describe("normalizeBool", () => {
  it("maps nonzero bytes to 1", () => {
    const b = new Uint8Array([0, 2, 255, 1]);
    normalizeBool(b);
    expect(Array.from(b)).toEqual([0, 1, 1, 1]);
  });
});
