import { describe, expect, it } from "vitest";
import { flatStep, isUniform, Rows } from "../src/kernels/strided.js";
import { offsets as naive } from "./helpers.js";

/** The offsets a Rows walk visits for view 0, in order. */
function walk(shape: number[], strides: number[][], offsets: number[]): { offsets: number[][]; rows: number } {
  const r = new Rows(shape, strides, offsets);
  const out: number[][] = strides.map(() => []);
  let rows = 0;
  do {
    rows++;
    for (let v = 0; v < strides.length; v++)
      for (let t = 0; t < r.n; t++) out[v]!.push(r.off[v]! + t * r.step[v]!);
  } while (r.next());
  return { offsets: out, rows };
}

describe("flat views", () => {
  it("uniform views and flat steps", () => {
    expect(isUniform([4, 5], [0, 0])).toBe(true);
    expect(isUniform([4, 1], [0, 7])).toBe(true);
    expect(isUniform([4, 5], [0, 1])).toBe(false);
    expect(isUniform([], [])).toBe(true);
    expect(flatStep([2, 3], [3, 1])).toBe(1);
    expect(flatStep([2, 1, 3], [3, 99, 1])).toBe(1); // size-1 dims do not matter
    expect(flatStep([2, 3], [0, 0])).toBe(0);
    expect(flatStep([2, 3], [1, 2])).toBe(-1);
  });
});

describe("Rows", () => {
  it("walks a contiguous view as one row", () => {
    const { offsets, rows } = walk([2, 3, 4], [[12, 4, 1]], [5]);
    expect(rows).toBe(1);
    expect(offsets[0]).toEqual(naive([2, 3, 4], [12, 4, 1], 5));
  });

  it("walks a transposed view in row-major order", () => {
    const { offsets, rows } = walk([3, 2], [[1, 3]], [0]);
    expect(rows).toBe(3);
    expect(offsets[0]).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it("merges only the dims every view can merge", () => {
    // view 0 is contiguous, view 1 broadcasts its middle dim.
    const shape = [2, 3, 4];
    const { offsets, rows } = walk(shape, [[12, 4, 1], [4, 0, 1]], [0, 1]);
    expect(rows).toBe(6);
    expect(offsets[0]).toEqual(naive(shape, [12, 4, 1], 0));
    expect(offsets[1]).toEqual(naive(shape, [4, 0, 1], 1));
  });

  it("drops size-1 dims and handles 0-d and all-ones shapes", () => {
    expect(walk([1, 5, 1], [[100, 2, 100]], [3]).offsets[0]).toEqual([3, 5, 7, 9, 11]);
    expect(walk([], [[]], [7]).offsets[0]).toEqual([7]);
    expect(walk([1, 1], [[5, 9]], [2]).offsets[0]).toEqual([2]);
  });

  it("follows negative and odd strides", () => {
    const shape = [3, 2, 2];
    const strides = [-4, 1, 2];
    expect(walk(shape, [strides], [8]).offsets[0]).toEqual(naive(shape, strides, 8));
  });
});
