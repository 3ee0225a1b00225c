import { describe, expect, it } from "vitest";
import { readColumn, readColumnSync } from "../src/data.js";
import { plotly } from "../src/index.js";
import { cpuTensor, gpuTensor } from "./helpers/tensors.js";

describe("reading data", () => {
  it("takes arrays, typed arrays and N×1 nested arrays now", () => {
    expect(readColumn([1, 2, 3], "plot", "x")).toEqual([1, 2, 3]);
    expect(readColumn(Int32Array.from([4, 5]), "plot", "x")).toEqual([4, 5]);
    expect(readColumn([[1], [2]], "plot", "x")).toEqual([1, 2]);
  });

  it("reads a synchronous tensor now, with shape [N], [N, 1] or [1, N]", () => {
    expect(readColumn(cpuTensor([1, 2]), "plot", "x")).toEqual([1, 2]);
    expect(readColumn(cpuTensor([1, 2], [2, 1]), "plot", "x")).toEqual([1, 2]);
    expect(readColumn(cpuTensor([1, 2], [1, 2]), "plot", "x")).toEqual([1, 2]);
  });

  it("reads an asynchronous tensor later", async () => {
    const r = readColumn(gpuTensor([3, 4]), "plot", "y");
    expect(r).toBeInstanceOf(Promise);
    expect(await r).toEqual([3, 4]);
  });

  it("turns infinities into NaN (gaps)", () => {
    expect(readColumn([1, Infinity, -Infinity, NaN], "plot", "y")).toEqual([1, NaN, NaN, NaN]);
  });

  it("rejects matrices and non-numbers with the op and argument named", () => {
    expect(() => readColumn(cpuTensor([1, 2, 3, 4], [2, 2]), "scatter", "x")).toThrow("scatter: x must be 1-D (or N×1), got a tensor of shape [2, 2]");
    expect(() => readColumn([[1, 2]], "plot", "y")).toThrow("plot: y must be 1-D");
    expect(() => readColumn(["a"] as never, "plot", "y")).toThrow("plot: y[0] is not a number");
  });

  it("names the asynchronous form when a value is needed now", () => {
    expect(() => readColumnSync(gpuTensor([1]), "m_b_data", "x_values")).toThrow("await t.data()");
  });
});

describe("m_b_data", () => {
  it("gives the lesson's exact line", () => {
    expect(plotly.m_b_data(1.5, 20, [0, 50, 100])).toEqual({ x: [0, 50, 100], y: [20, 95, 170] });
  });
  it("reads a CPU tensor", () => {
    expect(plotly.m_b_data(2, 1, cpuTensor([0, 1])).y).toEqual([1, 3]);
  });
});
