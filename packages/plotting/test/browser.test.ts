// The live chart in a real browser: Debian's Chromium driven by playwright-core, loading the
// package bundled by esbuild from a server on 127.0.0.1.
import type { Server } from "node:http";
import { PNG } from "pngjs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "./browser/chromium.js";
import { bundlePage, servePage } from "./browser/server.js";
import type * as Plotting from "../src/index.js";

declare const plotting: typeof Plotting;

let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  const executablePath = chromiumPath();
  const served = await servePage(await bundlePage());
  server = served.server;
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(served.url);
  await page.waitForSelector("body[data-ready=yes]", { timeout: 20_000 }).catch((e: unknown) => {
    throw new Error(`the page did not load: ${errors.join("; ") || String(e)}`);
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
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
