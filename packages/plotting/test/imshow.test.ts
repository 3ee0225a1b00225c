// imshow, text, ticks, axis("off") and colorbar: what lesson 6 draws (a confusion matrix with
// its counts, a grid of digits), read back from the SVG as a person would see it.
import { beforeEach, describe, expect, it } from "vitest";
import { pyplot as plt } from "../src/index.js";
import { descendants, marks, parseSVG, texts, type Chart } from "./helpers/svg.js";
import { cpuTensor, gpuTensor } from "./helpers/tensors.js";

const svgOf = async () => parseSVG(await plt.gcf().toSVG());

beforeEach(() => plt.close("all"));

/** The pixels drawn: each rect's top-left corner and fill, in drawing order. */
function pixels(svg: Chart): { x: number; y: number; fill: string }[] {
  return marks(svg, "rect mark").map((r) => {
    const [, x, y] = /^M([-\d.e]+),([-\d.e]+)/.exec(r.getAttribute("d")!)!;
    return { x: Number(x), y: Number(y), fill: r.getAttribute("fill")! };
  });
}

describe("imshow", () => {
  it("draws one pixel per value, row 0 at the top, through the gray map from black to white", async () => {
    plt.imshow([[0, 1, 2], [3, 4, 6]], { cmap: "gray" });
    const px = pixels(await svgOf());
    expect(px).toHaveLength(6);
    expect(px[0]!.fill).toBe("rgb(0, 0, 0)"); // the minimum
    expect(px[5]!.fill).toBe("rgb(255, 255, 255)"); // the maximum
    expect(px[4]!.fill).toBe("rgb(170, 170, 170)"); // 4 of 0…6
    // Row 0 above row 1, column 0 left of column 1.
    expect(px[0]!.y).toBeLessThan(px[3]!.y);
    expect(px[0]!.x).toBeLessThan(px[1]!.x);
    expect(px[0]!.x).toBe(px[3]!.x);
  });

  it("clamps to vmin and vmax, and reverses a map with _r", async () => {
    plt.imshow([[-5, 0, 5, 50]], { cmap: "gray_r", vmin: 0, vmax: 5 });
    const fills = pixels(await svgOf()).map((p) => p.fill);
    expect(fills).toEqual(["rgb(255, 255, 255)", "rgb(255, 255, 255)", "rgb(0, 0, 0)", "rgb(0, 0, 0)"]);
  });

  it("reads tensors of shape [1, M, N], from a synchronous and an asynchronous device alike", async () => {
    const values = [0, 0.5, 1, 0.25];
    for (const t of [cpuTensor(values, [1, 2, 2]), gpuTensor(values, [1, 2, 2])]) {
      plt.figure();
      plt.imshow(t, { cmap: "gray" });
      const fills = pixels(await svgOf()).map((p) => p.fill);
      expect(fills).toEqual(["rgb(0, 0, 0)", "rgb(128, 128, 128)", "rgb(255, 255, 255)", "rgb(64, 64, 64)"]);
    }
  });

  it("draws pixels square: a 28×28 image in a wide figure is as tall as it is wide", async () => {
    plt.figure({ figsize: [8, 3] });
    plt.imshow(Array.from({ length: 28 }, (_, i) => Array.from({ length: 28 }, (_, j) => i + j)), { cmap: "gray" });
    const px = pixels(await svgOf());
    const w = px[1]!.x - px[0]!.x;
    const h = px[28]!.y - px[0]!.y;
    expect(w).toBeGreaterThan(0);
    expect(Math.abs(w - h) / h).toBeLessThan(0.01);
  });

  it("refuses what it cannot draw, naming imshow and the problem", () => {
    expect(() => plt.imshow([[1, 2], [3]])).toThrow(/imshow: the rows of X differ in length \(row 0 has 2 values, row 1 has 1\)/);
    expect(() => plt.imshow(cpuTensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]))).toThrow(/imshow: X must be 2-D \(M×N\), got a tensor of shape \[2, 2, 2\]/);
    expect(() => plt.imshow([[1]], { cmap: "jet" as "gray" })).toThrow(/imshow: unknown cmap 'jet'; use one of viridis, .*gray/);
    expect(() => plt.imshow([[1]], { vmin: 2, vmax: 1 })).toThrow(/imshow: vmin \(2\) is greater than vmax \(1\)/);
    expect(() => plt.imshow([])).toThrow(/imshow: X is empty/);
    expect(() => plt.colorbar()).toThrow(/colorbar: no image to draw a colour bar for; call imshow first/);
  });
});

describe("a confusion matrix: imshow, text, ticks, labels, colorbar", () => {
  it("writes each count in its cell, labels every tick, and draws a gradient colour bar", async () => {
    const cm = [[50, 2, 0], [1, 40, 3], [0, 5, 45]];
    plt.imshow(cm, { cmap: "Blues" });
    plt.colorbar();
    plt.xticks([0, 1, 2], ["zero", "one", "two"]);
    plt.yticks([0, 1, 2]);
    plt.xlabel("predicted");
    plt.ylabel("true");
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) plt.text(j, i, cm[i]![j], { ha: "center", va: "center", color: cm[i]![j]! > 25 ? "white" : "black" });
    const svg = await svgOf();
    const counts = marks(svg, "text mark");
    expect(counts.map((t) => t.textContent)).toEqual(["50", "2", "0", "1", "40", "3", "0", "5", "45"]);
    expect(counts.map((t) => t.getAttribute("fill"))).toEqual(["white", "black", "black", "black", "white", "black", "black", "black", "white"]);
    expect(counts.every((t) => t.getAttribute("text-anchor") === "middle")).toBe(true);
    expect(texts(svg, "axis-label")).toEqual(["zero", "one", "two", "0", "1", "2"]);
    expect(texts(svg, "axis-title")).toEqual(["predicted", "true"]);
    expect(descendants(svg).filter((e) => (e.getAttribute("class") ?? "").includes("role-legend-gradient"))).toHaveLength(1);
    // Each count sits inside its own cell.
    const px = pixels(svg);
    const at = (t: (typeof counts)[number]) => /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(t.getAttribute("transform")!)!.slice(1).map(Number);
    const [x4, y4] = at(counts[4]!);
    expect(x4).toBeGreaterThan(px[4]!.x);
    expect(x4).toBeLessThan(px[5]!.x);
    expect(y4).toBeGreaterThan(px[4]!.y);
    expect(y4).toBeLessThan(px[7]!.y);
  });

  it("refuses ticks and labels that do not pair up, and bad text options", () => {
    expect(() => plt.xticks([0, 1], ["a"])).toThrow(/set_xticks: 2 ticks but 1 labels/);
    expect(() => plt.text(0, 0, "a", { ha: "middle" as "center" })).toThrow(/text: ha must be 'left', 'center' or 'right', got 'middle'/);
    expect(() => plt.text(NaN, 0, "a")).toThrow(/text: x and y must be finite numbers/);
  });
});

describe("a grid of digits: subplots of images with titles and no axes", () => {
  it("axis('off') draws no ticks, labels or frame; each panel keeps its title", async () => {
    const [fig, axes] = plt.subplots(1, 2);
    axes.forEach((ax, k) => {
      ax.imshow([[0, k + 1], [k + 1, 0]], { cmap: "gray" });
      ax.set_title(`true ${k}, predicted ${k + 1}`);
      ax.axis("off");
    });
    const svg = parseSVG(await fig.toSVG());
    expect(texts(svg, "title-text")).toEqual(["true 0, predicted 1", "true 1, predicted 2"]);
    expect(texts(svg, "axis-label")).toEqual([]);
    expect(descendants(svg).filter((e) => e.getAttribute("aria-roledescription") === "axis")).toHaveLength(0);
    expect(pixels(svg)).toHaveLength(8);
    // cla() brings the axes back and forgets the image.
    axes[0]!.cla();
    expect(axes[0]!.images).toHaveLength(0);
    expect(axes[0]!.settings.axison).toBe(true);
  });
});
