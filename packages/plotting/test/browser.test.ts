// The live chart in a real browser: Debian's Chromium driven by playwright-core, loading the
// package bundled by esbuild from a server on 127.0.0.1 (the test kit's browser harness).
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { openPage, type OpenPage } from "@flambeau/test-kit/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Plotting from "../src/index.js";

declare const plotting: typeof Plotting;

let open: OpenPage;
let page: Page;

beforeAll(async () => {
  open = await openPage({
    entry: new URL("./browser/page-entry.ts", import.meta.url),
    body: `<div id="chart" style="width:640px;height:400px"></div><div id="figure"></div>`,
    viewport: { width: 800, height: 1000 },
  });
  page = open.page;
}, 60_000);

afterAll(async () => {
  expect(open?.errors).toEqual([]);
  await open?.close();
});

function pixelVariety(png: Buffer): { colours: number; inked: number } {
  const img = PNG.sync.read(png);
  const seen = new Set<number>();
  let inked = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    seen.add(img.data.readUInt32BE(i));
    if (img.data[i]! < 200 || img.data[i + 1]! < 200 || img.data[i + 2]! < 200) inked++;
  }
  return { colours: seen.size, inked };
}

describe("in a browser", () => {
  it("a live loss chart streams points, redraws a few times a second, and is not blank", async () => {
    const result = await page.evaluate(async () => {
      const chart = new plotting.LossChart({ container: "#chart", title: "training loss", minInterval: 250 });
      // A burst in one task: the throttle serves it with one redraw.
      for (let step = 0; step < 500; step++) chart.append(step, 5 * Math.exp(-step / 100) + 0.1);
      await chart.flush();
      const afterBurst = chart.redraws;
      const svg = document.querySelector("#chart svg")!;
      (svg as unknown as { tagged: boolean }).tagged = true;
      // A steady stream over about 1.2 s.
      const start = performance.now();
      for (let step = 500; step < 620; step++) {
        chart.append(step, 5 * Math.exp(-step / 100) + 0.1);
        await new Promise((r) => setTimeout(r, 10));
      }
      const seconds = (performance.now() - start) / 1000;
      await chart.flush();
      const now = document.querySelector("#chart svg")!;
      const line = now.querySelector('[aria-roledescription="line mark"]')!.getAttribute("d")!;
      return {
        afterBurst,
        streamRedraws: chart.redraws - afterBurst,
        seconds,
        sameView: (now as unknown as { tagged?: boolean }).tagged === true,
        vertices: (line.match(/[ML]/g) ?? []).length,
        titles: Array.from(now.querySelectorAll(".role-axis-title text"), (t) => t.textContent),
      };
    });
    expect(result.afterBurst).toBeLessThanOrEqual(2);
    expect(result.streamRedraws).toBeGreaterThanOrEqual(2);
    expect(result.streamRedraws).toBeLessThanOrEqual(Math.ceil(result.seconds * 4) + 2);
    // New points went into the same Vega view as change sets; the view was not rebuilt.
    expect(result.sameView).toBe(true);
    expect(result.vertices).toBe(620);
    expect(result.titles).toEqual(["step", "loss"]);
    const shot = await page.locator("#chart").screenshot();
    const { colours, inked } = pixelVariety(shot);
    expect(colours).toBeGreaterThan(10);
    expect(inked).toBeGreaterThan(500);
  }, 60_000);

  it("pyplot.show() draws the figure into a page element, and again in place", async () => {
    const result = await page.evaluate(async () => {
      const plt = plotting.pyplot;
      const draw = async (w: number) => {
        plt.clf();
        plt.scatter([1, 2, 3, 4], [2, 4, 5, 8]);
        plt.plot([1, 2, 3, 4], [1, 2, 3, 4].map((v) => w * v), { color: "red" });
        plt.title(`MSE: ${w.toFixed(2)}`);
        await plt.show({ container: "#figure" });
      };
      await draw(1);
      await draw(2);
      const figure = document.querySelector("#figure")!;
      return {
        figures: figure.querySelectorAll("svg.marks").length,
        points: figure.querySelectorAll('[aria-roledescription="point"]').length,
        title: figure.querySelector(".role-title-text text")?.textContent,
      };
    });
    expect(result).toEqual({ figures: 1, points: 4, title: "MSE: 2.00" });
    const { colours } = pixelVariety(await page.locator("#figure").screenshot());
    expect(colours).toBeGreaterThan(10);
  }, 60_000);
});
