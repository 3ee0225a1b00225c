import { describe, expect, it } from "vitest";
import { arr, cpu, transposed, view } from "./helpers.js";
import { indexSite } from "@flambeau/tensor/internal";

const idx = (xs: number[], shape: number[], strides?: number[]) => view(xs, shape, { dtype: "int32", strides });

describe("gather", () => {
  const x = view([1, 2, 3, 4, 5, 6], [2, 3]);

  it("gathers along each dim", () => {
    expect(arr(cpu.gather(x, 1, idx([0, 0, 2, 1], [2, 2]), "float32"))).toEqual([1, 1, 6, 5]);
    expect(arr(cpu.gather(x, 0, idx([1, 0, 1], [1, 3]), "float32"))).toEqual([4, 2, 6]);
    // index smaller than x in the other dim.
    expect(arr(cpu.gather(x, 1, idx([2], [1, 1]), "float32"))).toEqual([3]);
  });

  it("reads strided x and index", () => {
    const t = transposed(x); // [[1, 4], [2, 5], [3, 6]]
    expect(arr(cpu.gather(t, 1, idx([1, 0, 1], [3, 1]), "float32"))).toEqual([4, 2, 6]);
    const bcastIndex = idx([1], [2, 3], [0, 0]);
    expect(arr(cpu.gather(x, 1, bcastIndex, "float32"))).toEqual([2, 2, 2, 5, 5, 5]);
  });

  it("rejects out-of-range indices like PyTorch", () => {
    expect(() => cpu.gather(x, 1, idx([3], [1, 1]), "float32")).toThrow(
      "gather(): index 3 is out of bounds for dimension 1 with size 3",
    );
    expect(() => cpu.gather(x, 0, idx([-1], [1, 1]), "float32")).toThrow(
      "gather(): index -1 is out of bounds for dimension 0 with size 2",
    );
  });

  it("names the user's call (site) rather than gather when given one", () => {
    const site = indexSite("index_select", { input: [2, 3], index: [1] }, 1);
    expect(() => cpu.gather(x, 1, idx([3], [1, 1]), "float32", site)).toThrow(
      "index_select(): index 3 is out of bounds for dimension 1 with size 3 (input of shape [2, 3], index of shape [1])",
    );
  });

  it("handles 0-d and empty index", () => {
    expect(arr(cpu.gather(view([7], []), 0, idx([0], []), "float32"))).toEqual([7]);
    expect(arr(cpu.gather(x, 1, idx([], [2, 0]), "float32"))).toEqual([]);
  });
});

describe("scatterAdd", () => {
  it("adds src into zeros at the indexed positions, accumulating duplicates", () => {
    const index = idx([0, 1, 0, 2, 2, 2], [2, 3]);
    const src = view([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(arr(cpu.scatterAdd([2, 3], 1, index, src, "float32"))).toEqual([4, 2, 0, 0, 0, 15]);
    expect(arr(cpu.scatterAdd([3, 3], 0, idx([2, 0, 2], [1, 3]), src, "float32"))).toEqual([0, 2, 0, 0, 0, 0, 1, 0, 3]);
  });

  it("walks index.shape when src is larger", () => {
    const src = view([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3]);
    expect(arr(cpu.scatterAdd([2, 2], 1, idx([1, 1, 0, 1], [2, 2]), src, "float32"))).toEqual([0, 3, 4, 5]);
  });

  it("reads strided src and int dtypes", () => {
    const src = transposed(view([1, 2, 3, 4], [2, 2], { dtype: "int32" })); // [[1, 3], [2, 4]]
    const out = cpu.scatterAdd([2, 2], 1, idx([0, 0, 1, 1], [2, 2]), src, "int32");
    expect(out).toBeInstanceOf(Int32Array);
    expect(arr(out)).toEqual([4, 0, 0, 6]);
  });

  it("rejects out-of-range indices", () => {
    expect(() => cpu.scatterAdd([2], 0, idx([2], [1]), view([1], [1]), "float32")).toThrow(
      "index 2 is out of bounds for dimension 0 with size 2",
    );
  });

  it("handles empty index and empty output", () => {
    expect(arr(cpu.scatterAdd([3], 0, idx([], [0]), view([], [0]), "float32"))).toEqual([0, 0, 0]);
    expect(arr(cpu.scatterAdd([0], 0, idx([], [0]), view([], [0]), "float32"))).toEqual([]);
  });
});
