// Lesson 6's page in Debian's Chromium: the lesson trains on the page (on the CPU, chosen over
// SwiftShader) to the lesson's >= 97% test accuracy with its default training, draws its two
// figures, and then a digit drawn on the canvas with the mouse gets the model's prediction and
// its ten probabilities, live while the stroke goes on. No page error along the way. The page is
// served cross-origin isolated (COOP/COEP, as `pnpm docs:preview` serves the tutorials), so the
// CPU backend's WebAssembly kernels share memory with their worker threads.
import type { Page } from "playwright-core";
import { openPage, type OpenPage } from "@flambeau/test-kit/browser";
import { LESSON_FIGURES } from "@flambeau/test-kit/lessons";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DEVICE, figures, numbers, openLesson, printed, selectedDevice, waitForRun } from "@flambeau/test-kit/lesson-page";
import { buildApp } from "./helpers/build.js";

let open: OpenPage;
let page: Page;

beforeAll(async () => {
  open = await openPage({ dir: await buildApp(), webgl: true, webgpu: true, isolated: true, viewport: { width: 1400, height: 900 } });
  page = open.page;
}, 120_000);

afterAll(async () => {
  await open?.close();
});

/** Draws a stroke through `points` (fractions of the canvas) with the mouse. */
async function stroke(points: [number, number][]): Promise<void> {
  const box = (await page.locator("canvas.digit-canvas").boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 8 });
  await page.mouse.up();
}

/** The probabilities the page shows, digit by digit. */
function probabilities(): Promise<number[]> {
  return page.$$eval(".digit-probs li", (rows) => rows.map((r) => Number((r as HTMLElement).dataset.p)));
}

describe("lesson 6's page in Chromium", () => {
  it("trains to >= 97% test accuracy, draws the confusion matrix and the misclassified digits", async () => {
    await openLesson(page, open.url, 6);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    expect(await selectedDevice(page)).toBe(DEFAULT_DEVICE);
    // Before the model is trained, the canvas says to wait.
    expect(await page.textContent(".digit-prediction")).toMatch(/training/);
    const run = await waitForRun(page, DEFAULT_DEVICE, 1, 900_000);
    console.log(`lesson 6 on ${DEFAULT_DEVICE} in Chromium: ${run.seconds.toFixed(1)} s`);
    const out = await printed(page);
    expect(out).toContain("train: 8000, test: 2000");
    expect(out.match(/^Epoch \d\/4: train loss .*$/gm)).toHaveLength(4);
    const [correct, total, percent] = numbers(/^Test set: Accuracy: (\d+)\/(\d+) \(([\d.]+)%\)$/m.exec(out)![0]);
    expect(total).toBe(2000);
    expect(correct! / 2000).toBeGreaterThanOrEqual(0.97);
    expect(percent).toBeCloseTo((100 * correct!) / 2000, 2);
    const figs = await figures(page);
    expect(figs.map((f) => f.name)).toEqual(LESSON_FIGURES["lesson6-digits"]);
    expect(figs[0]!.titles[0]).toMatch(/^Confusion matrix: /);
    expect(await page.locator(".output .flambeau-output-figure").first().locator("svg [aria-roledescription='rect mark']").count()).toBe(100);
  }, 960_000);

  it("reads a digit drawn with the mouse: a '1' is a 1, its ten probabilities summing to 1", async () => {
    await page.waitForSelector(".draw-digit[data-ready=true]");
    expect(await page.textContent(".digit-prediction")).toBe("Draw a digit in the box.");
    await stroke([[0.52, 0.15], [0.5, 0.5], [0.48, 0.85]]);
    await page.waitForSelector(".digit-prediction[data-digit]");
    // Live: readings came while the stroke went on, not only at its end.
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>(".digit-prediction")!.dataset.predictions) > 1);
    // The last reading is of the whole stroke.
    await page.waitForTimeout(500);
    const p = await probabilities();
    expect(p).toHaveLength(10);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(p.indexOf(Math.max(...p))).toBe(1);
    expect(await page.getAttribute(".digit-prediction", "data-digit")).toBe("1");
    expect(await page.textContent(".digit-prediction")).toMatch(/^The model reads: 1 \(\d+\.\d%\)$/);
    expect(await page.getAttribute(".digit-probs li.best", "data-digit")).toBe("1");

    // Cleared, and a '0' drawn instead: a round loop.
    await page.click(".draw-digit button.clear");
    expect(await page.textContent(".digit-prediction")).toBe("Draw a digit in the box.");
    const loop = Array.from({ length: 25 }, (_, k): [number, number] => [0.5 + 0.25 * Math.sin((2 * Math.PI * k) / 24), 0.5 - 0.33 * Math.cos((2 * Math.PI * k) / 24)]);
    await stroke(loop);
    await page.waitForSelector(".digit-prediction[data-digit]");
    await page.waitForTimeout(500);
    const q = await probabilities();
    expect(q.indexOf(Math.max(...q))).toBe(0);
  }, 60_000);

  it("no page error or console error along the way", () => {
    expect(open.errors).toEqual([]);
  });
});
