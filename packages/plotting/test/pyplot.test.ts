import { beforeEach, describe, expect, it } from "vitest";
import { pyplot as plt } from "../src/index.js";
import { cpuTensor, gpuTensor } from "./helpers/tensors.js";
import { marks, panels, parseSVG, pathRuns, texts } from "./helpers/svg.js";

const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const y = x.map((v) => 2 * v + 1);
const svgOf = async () => parseSVG(await plt.gcf().toSVG());

beforeEach(() => plt.close("all"));

describe("pyplot", () => {
  it("scatter draws one symbol per point, with axis titles (lesson 4's ground truth)", async () => {
    plt.scatter(x, y);
    plt.xlabel("x");
    plt.ylabel("y");
    const svg = await svgOf();
    expect(marks(svg, "point")).toHaveLength(11);
    expect(texts(svg, "axis-title")).toEqual(["x", "y"]);
    expect(texts(svg, "legend-label")).toEqual([]);
  });

  it("draws a red line and the data with a legend (lesson 4's bad model)", async () => {
    plt.plot(x, x.map((v) => -5 * v + 3), { color: "red", label: "bad model" });
    plt.scatter(x, y, { label: "data" });
    plt.xlabel("x");
    plt.ylabel("y");
    plt.legend();
    const svg = await svgOf();
    const [line] = marks(svg, "line mark");
    expect(line!.getAttribute("stroke")).toBe("red");
    expect(pathRuns(line!.getAttribute("d")!)).toEqual({ runs: 1, vertices: 11 });
    expect(marks(svg, "point")).toHaveLength(11);
    expect(texts(svg, "legend-label")).toEqual(["bad model", "data"]);
  });

  it("puts `MSE: …` in the title (lesson 4's sliders)", async () => {
    plt.scatter(x, y);
    plt.plot(x, y);
    plt.title(`MSE: ${(12.3456).toFixed(2)}`);
    expect(texts(await svgOf(), "title-text")).toEqual(["MSE: 12.35"]);
  });

  it("keeps a title longer than the figure inside it, in a smaller font", async () => {
    plt.scatter(x, y);
    const long = "A scatter plot of our synthetic movie revenue vs budget data (in millions)";
    plt.title(long);
    const svg = await svgOf();
    expect(texts(svg, "title-text")).toEqual([long]);
    expect(texts(svg, "axis-label").length).toBeGreaterThan(4);
  });

  it("draws lesson 5's green dots and dashed predictions with a legend", async () => {
    plt.clf();
    plt.plot(cpuTensor(x, [11, 1]), cpuTensor(y, [11, 1]), "go", { label: "True data", alpha: 0.5 });
    plt.plot(cpuTensor(x, [11, 1]), cpuTensor(y.map((v) => v + 0.2), [11, 1]), "--", { label: "Predictions", alpha: 0.5 });
    plt.legend({ loc: "best" });
    const svg = await svgOf();
    const dots = marks(svg, "point");
    expect(dots).toHaveLength(11);
    expect(dots.every((d) => d.getAttribute("fill") === "#008000")).toBe(true);
    expect(dots[0]!.getAttribute("opacity")).toBe("0.5");
    const [dashed] = marks(svg, "line mark");
    expect(dashed!.getAttribute("stroke-dasharray")).toBeTruthy();
    expect(marks(svg, "line mark")).toHaveLength(1);
    expect(texts(svg, "legend-label")).toEqual(["True data", "Predictions"]);
  });

  it("plot(y) counts x from 0, and a marker keeps the line ('ro-')", async () => {
    plt.plot([3, 2, 1], "ro-");
    const svg = await svgOf();
    expect(marks(svg, "point")).toHaveLength(3);
    expect(pathRuns(marks(svg, "line mark")[0]!.getAttribute("d")!).vertices).toBe(3);
  });

  it("breaks a line at NaN instead of joining across it", async () => {
    plt.plot([0, 1, 2, 3, 4], [1, 2, NaN, 4, 5]);
    const d = marks(await svgOf(), "line mark")[0]!.getAttribute("d")!;
    expect(pathRuns(d)).toEqual({ runs: 2, vertices: 4 });
  });

  it("skips NaN points of a scatter", async () => {
    plt.scatter([0, 1, 2], [1, NaN, 3]);
    expect(marks(await svgOf(), "point")).toHaveLength(2);
  });

  it("reads tensors of an asynchronous device when drawing", async () => {
    plt.scatter(gpuTensor([1, 2, 3]), gpuTensor([4, 5, 6]));
    expect(marks(await svgOf(), "point")).toHaveLength(3);
  });

  it("keeps the axis limits given", async () => {
    plt.scatter([0, 5, 10], [0, 5, 10]);
    plt.xlim(0, 4);
    plt.ylim([-10, 30]);
    const svg = await svgOf();
    // d3-format writes a true minus sign.
    const labels = texts(svg, "axis-label").map((t) => Number(t.replace("\u2212", "-")));
    expect(Math.min(...labels)).toBeGreaterThanOrEqual(-10);
    expect(Math.max(...labels)).toBeLessThanOrEqual(30);
    expect(labels).toContain(4);
  });

  it("subplots gives side-by-side panels with their own titles", async () => {
    const [fig, [left, right]] = plt.subplots(1, 2, { figsize: [10, 4] });
    left.scatter(x, y);
    left.set_title("data");
    right.plot(y);
    right.title("loss");
    right.set_xlabel("iteration");
    const svg = parseSVG(await fig.toSVG());
    expect(svg.getAttribute("width")).toBe("1000");
    expect(svg.getAttribute("height")).toBe("400");
    const [a, b] = panels(svg);
    expect(texts(a!, "title-text")).toEqual(["data"]);
    expect(marks(a!, "point")).toHaveLength(11);
    expect(texts(b!, "title-text")).toEqual(["loss"]);
    expect(texts(b!, "axis-title")).toEqual(["iteration"]);
    expect(Number(b!.getAttribute("x"))).toBe(500);
  });

  it("subplots squeezes like matplotlib", () => {
    const [, one] = plt.subplots();
    expect(Array.isArray(one)).toBe(false);
    const [, grid] = plt.subplots(2, 2);
    expect(grid).toHaveLength(2);
    expect(grid[1]).toHaveLength(2);
  });

  it("colours scatter points by number with c (lesson 5's first figure)", async () => {
    plt.scatter([1, 2, 3], [1, 2, 3], { c: [0, 0.5, 1], alpha: 0.5 });
    const fills = marks(await svgOf(), "point").map((p) => p.getAttribute("fill"));
    expect(new Set(fills).size).toBe(3);
  });

  it("clf empties the figure; close forgets it", async () => {
    plt.scatter(x, y);
    plt.clf();
    plt.plot([1, 2]);
    expect(marks(await svgOf(), "point")).toHaveLength(0);
    plt.close();
    expect(plt.get_fignums()).toEqual([]);
  });
});

describe("bad input", () => {
  it("names both lengths when x and y differ", () => {
    expect(() => plt.scatter([1, 2, 3], [1, 2])).toThrow("scatter: x and y must have the same length, but x has 3 values and y has 2");
    expect(() => plt.plot([1, 2, 3], [1, 2, 3, 4], "go")).toThrow("plot: x and y must have the same length, but x has 3 values and y has 4");
  });

  it("reports a length mismatch of asynchronous tensors when drawing", async () => {
    plt.plot(gpuTensor([1, 2, 3]), gpuTensor([1, 2]));
    await expect(plt.gcf().toSVG()).rejects.toThrow("plot: x and y must have the same length, but x has 3 values and y has 2");
  });

  it("rejects an unknown format string, marker or line style", () => {
    expect(() => plt.plot([1], [1], "gz")).toThrow("plot: illegal format string 'gz'");
    expect(() => plt.scatter([1], [1], { marker: "Q" })).toThrow("scatter: unknown marker 'Q'");
    expect(() => plt.plot([1], [1], { linestyle: "wavy" as never })).toThrow("plot: unknown linestyle 'wavy'");
  });

  it("rejects alpha out of range and bad limits", () => {
    expect(() => plt.scatter([1], [1], { alpha: 2 })).toThrow("scatter: alpha must be between 0 and 1, got 2");
    expect(() => plt.xlim(1, 1)).toThrow("xlim: the limits are equal");
    expect(() => plt.figure({ figsize: [0, 1] })).toThrow("figsize must be two positive numbers");
  });

  it("rejects an unknown legend location", async () => {
    plt.plot([1, 2], { label: "a" });
    plt.legend({ loc: "somewhere" as never });
    await expect(plt.gcf().toSVG()).rejects.toThrow("legend: unknown loc 'somewhere'");
  });
});
