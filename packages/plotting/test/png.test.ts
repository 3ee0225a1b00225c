import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { beforeEach, describe, expect, it } from "vitest";
import { Figure, pyplot as plt } from "../src/index.js";
import { marks, parseSVG, texts } from "./helpers/svg.js";

const dir = mkdtempSync(join(tmpdir(), "flambeau-plotting-"));
const decode = (bytes: Uint8Array) => PNG.sync.read(Buffer.from(bytes));

function colours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(png.data.readUInt32BE(i));
  return seen.size;
}

// Pixels that differ between two images of the same size.
function difference(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) n++;
  return n;
}

beforeEach(() => plt.close("all"));

describe("files", () => {
  it("savefig writes a PNG of figsize × dpi pixels that is not one colour", async () => {
    plt.figure({ figsize: [4, 3], dpi: 80 });
    plt.scatter([1, 2, 3], [3, 1, 2], { label: "data" });
    plt.legend();
    const path = await plt.savefig(join(dir, "nested", "scatter.png"));
    const png = decode(readFileSync(path));
    expect([png.width, png.height]).toEqual([320, 240]);
    expect(colours(png)).toBeGreaterThan(20);
  });

  it("savefig's dpi gives more pixels of the same figure", async () => {
    const fig = new Figure({ figsize: [2, 1.5] });
    fig.gca().plot([1, 2, 3]);
    const png = decode(await fig.toPNG({ dpi: 150 }));
    expect([png.width, png.height]).toEqual([300, 225]);
  });

  it("draws the text of axis titles into the PNG (fonts ship with the package)", async () => {
    // A label and as many spaces lay out alike, so the pixels that differ are the glyphs' ink.
    const render = async (label: string, fontFiles?: string[]) => {
      const fig = new Figure({ figsize: [3, 2] });
      const ax = fig.gca();
      ax.plot([1, 2], [1, 2]);
      ax.set_xlabel(label);
      return decode(await fig.toPNG(fontFiles ? { fontFiles } : {}));
    };
    const label = "budget (millions)";
    const blank = " ".repeat(label.length);
    expect(difference(await render(label), await render(blank))).toBeGreaterThan(150);
    // Without a font the text would vanish, and this comparison would see it.
    expect(difference(await render(label, []), await render(blank, []))).toBe(0);
  });

  it("savefig writes an SVG that parses, with its marks", async () => {
    plt.plot([0, 1, 2], [2, 1, 0], "k:");
    plt.ylabel("loss");
    const svg = parseSVG(readFileSync(await plt.savefig(join(dir, "line.svg")), "utf8"));
    expect(svg.getAttribute("width")).toBe("640");
    expect(marks(svg, "line mark")).toHaveLength(1);
    expect(texts(svg, "axis-title")).toEqual(["loss"]);
  });

  it("refuses a file name whose format it cannot tell", async () => {
    plt.plot([1, 2]);
    await expect(plt.savefig(join(dir, "x.jpg"))).rejects.toThrow("savefig: cannot tell the format of");
  });

  it("show() in Node writes numbered PNG files and closes the figures", async () => {
    plt.figure();
    plt.plot([1, 2]);
    plt.figure();
    plt.scatter([1], [1]);
    const shown = await plt.show({ dir: join(dir, "shown") });
    const paths = shown.map((r) => ("path" in r ? r.path : ""));
    expect(paths).toHaveLength(2);
    expect(paths[0]).not.toBe(paths[1]);
    for (const p of paths) expect(decode(readFileSync(p)).width).toBe(640);
    expect(plt.get_fignums()).toEqual([]);
  });
});
