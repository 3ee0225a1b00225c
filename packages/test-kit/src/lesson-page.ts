// Reading a lesson page (the web app's, or a documentation tutorial's) as a user sees it: its
// device selector, its run state, what it printed, the figures and charts it drew; and the checks
// of lesson 1's page that both the web app's test and the documentation site's make.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { LESSON_FIGURES, SMALL_DATASET_PPRINT } from "./lessons/expected.js";

/** Opens lesson `id`'s page (a hash route of the app at `url`) and waits for its device selector. */
export async function openLesson(page: Page, url: string, id: number): Promise<void> {
  await page.goto(`${url}#/lesson/${id}`);
  await page.waitForSelector(`article[data-lesson="${id}"] select[name=device]`, { timeout: 30_000 });
}

/** The selector's value: the device the page chose (or the user picked). */
export function selectedDevice(page: Page): Promise<string> {
  return page.inputValue("select[name=device]");
}

/**
 * Waits until the page has completed `runs` runs, the last on `device`; a failed run throws
 * with the error the page shows.
 */
export async function waitForRun(page: Page, device: string, runs = 1, timeout = 60_000): Promise<{ status: string; seconds: number }> {
  const start = Date.now();
  await page.waitForSelector(`article[data-state="failed"], article[data-state="done"][data-runs="${runs}"]`, { timeout });
  if ((await page.getAttribute("article", "data-state")) === "failed")
    throw new Error(`the lesson failed: ${await page.textContent(".flambeau-error")}`);
  const ran = await page.getAttribute("article", "data-device");
  if (ran !== device) throw new Error(`the lesson ran on ${ran}, expected ${device}`);
  return { status: (await page.textContent(".status")) ?? "", seconds: (Date.now() - start) / 1000 };
}

/**
 * The device a page chooses in the tests' Chromium: its WebGPU adapter and WebGL renderer are
 * SwiftShader, software rasterisers, so the page prefers the CPU.
 */
export const DEFAULT_DEVICE = "cpu";

/**
 * Opens lesson `id`'s page, checks that the selector chose {@link DEFAULT_DEVICE}, and when
 * `device` is another, lets that first run finish and switches; resolves to what the lesson
 * printed on `device` and the runs the page has completed.
 */
export async function runLessonOn(page: Page, url: string, id: number, device: string): Promise<{ out: string; status: string; runs: number }> {
  await openLesson(page, url, id);
  const chosen = await selectedDevice(page);
  if (chosen !== DEFAULT_DEVICE) throw new Error(`the page chose ${chosen}, not ${DEFAULT_DEVICE}`);
  let runs = 1;
  if (device !== chosen) {
    await waitForRun(page, chosen, runs++);
    await page.selectOption("select[name=device]", device);
  }
  const run = await waitForRun(page, device, runs);
  console.log(`lesson ${id} on ${device}: ${run.seconds.toFixed(1)} s`);
  return { out: await printed(page), status: run.status, runs };
}

/** Everything the lesson printed, in order (one `print` a line or more). */
export async function printed(page: Page): Promise<string> {
  return (await page.locator(".output .flambeau-print").allTextContents()).join("");
}

/** The figures shown: name, number of drawn marks, and title texts. */
export function figures(page: Page): Promise<{ name: string; marks: number; titles: string[] }[]> {
  return page.$$eval(".output .flambeau-output-figure", (els) =>
    els.map((el) => ({
      name: (el as HTMLElement).dataset.name ?? "",
      marks: el.querySelectorAll("svg .role-mark path, svg .role-mark line").length,
      titles: Array.from(el.querySelectorAll(".role-title-text text"), (t) => t.textContent ?? ""),
    })),
  );
}

/** The live loss charts: label line and the number of vertices of the drawn curve. */
export function charts(page: Page, scope = ".output"): Promise<{ label: string; vertices: number }[]> {
  return page.$$eval(`${scope} .flambeau-progress, ${scope}.flambeau-progress`, (els) =>
    els.map((el) => ({
      label: el.querySelector(".flambeau-progress-label")?.textContent ?? "",
      vertices: (el.querySelector('svg [aria-roledescription="line mark"]')?.getAttribute("d")?.match(/[ML]/g) ?? []).length,
    })),
  );
}

/** The numbers of a matched text: `numbers("w = 1.5, b = -2e-3")` is `[1.5, -0.002]`. */
export function numbers(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g) ?? []).map(Number);
}

/**
 * Checks a finished run of lesson 1's page against shared/lessons/README.md: the small dataset's
 * pprint, Adam's 30 printed lines ending at the least-squares optimum (m, b, loss at step 3000),
 * the six figures drawn, and the two loss charts with every one of the 3000 steps (a CPU run
 * charts each). Resolves to what the lesson printed, for a test's own further checks.
 */
export async function expectLesson1Page(page: Page): Promise<string> {
  const out = await printed(page);
  expect(out).toContain(SMALL_DATASET_PPRINT);
  const epochs = out.match(/^e = \d+, loss = .*$/gm)!;
  expect(epochs).toHaveLength(30);
  const [e, loss, m, b] = numbers(epochs.at(-1)!);
  expect(e).toBe(3000);
  expect(Math.abs(m! - 1.48806)).toBeLessThan(1e-3);
  expect(Math.abs(b! - 10.2981)).toBeLessThan(1e-2);
  expect(Math.abs(loss! - 3012.6) / 3012.6).toBeLessThan(1e-4);
  const figs = await figures(page);
  expect(figs.map((f) => f.name)).toEqual(LESSON_FIGURES["lesson1-movie-revenue"]);
  for (const f of figs) expect(f.marks).toBeGreaterThan(0);
  const lossCharts = await charts(page);
  expect(lossCharts.map((c) => c.label.split(":")[0])).toEqual(["movies", "comedy"]);
  for (const c of lossCharts) {
    expect(c.label).toMatch(/: 3000\/3000 · loss /);
    expect(c.vertices).toBe(3000);
  }
  return out;
}
