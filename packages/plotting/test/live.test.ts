import { describe, expect, it } from "vitest";
import { LossChart, liveLoss } from "../src/index.js";
import { marks, parseSVG, pathRuns, texts } from "./helpers/svg.js";
import { cpuTensor, gpuTensor } from "./helpers/tensors.js";

describe("LossChart in Node", () => {
  it("collects (step, loss) and draws the curve with step and loss axes", async () => {
    const chart = new LossChart({ title: "training" });
    for (let step = 0; step < 30; step++) chart.append(step, 10 / (step + 1));
    expect(chart.length).toBe(30);
    const svg = parseSVG(await chart.toSVG());
    expect(pathRuns(marks(svg, "line mark")[0]!.getAttribute("d")!).vertices).toBe(30);
    expect(texts(svg, "axis-title")).toEqual(["step", "loss"]);
    expect(texts(svg, "title-text")).toEqual(["training"]);
  });

  it("reads loss tensors of any device, keeping the order of the steps", async () => {
    const chart = liveLoss();
    chart.append(0, cpuTensor([3], []));
    chart.append(1, gpuTensor([2], [1]));
    chart.append(2, 1.5);
    chart.append(3, cpuTensor([1], [1, 1]));
    await chart.flush();
    expect(chart.values()).toEqual({ x: [0, 1, 2, 3], y: [3, 2, 1.5, 1] });
  });

  it("leaves a gap at a NaN loss", async () => {
    const chart = liveLoss();
    [1, 0.5, NaN, 0.3, 0.2].forEach((l, i) => chart.append(i, l));
    const d = marks(parseSVG(await chart.toSVG()), "line mark")[0]!.getAttribute("d")!;
    expect(pathRuns(d).runs).toBe(2);
  });

  it("draws several named curves with a legend", async () => {
    const chart = liveLoss();
    for (let i = 0; i < 5; i++) {
      chart.append(i, 1 / (i + 1), "train");
      chart.append(i, 1.2 / (i + 1), "validation");
    }
    const svg = parseSVG(await chart.toSVG());
    expect(marks(svg, "line mark")).toHaveLength(2);
    expect(texts(svg, "legend-label")).toEqual(["train", "validation"]);
  });

  it("rejects a loss that is not one number", () => {
    const chart = liveLoss();
    expect(() => chart.append(0, cpuTensor([1, 2]))).toThrow("LossChart.append: loss must have one element, got a tensor of shape [2]");
    expect(() => chart.append("0" as never, 1)).toThrow("step must be a number");
  });
});
