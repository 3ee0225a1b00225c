// The built documentation site (`pnpm docs:build` writes docs/dist) in Debian's Chromium,
// served as a static host serves it: every page loads with no console error and is cross-origin
// isolated, every internal link resolves, the local search finds Tensor.matmul's API entry, and
// lesson 1's tutorial runs the lesson in the page on the CPU with the lesson's numbers.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, type OpenPage } from "@flambeau/test-kit/browser";
import { charts, figures, numbers, printed, selectedDevice, waitForRun } from "@flambeau/test-kit/lesson-page";
import { LESSON_FIGURES, SMALL_DATASET_PPRINT } from "@flambeau/test-kit/lessons";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));

/** Every page of the built site, as paths relative to its root (`api/index.html`). */
function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html") && f !== "404.html")
    .map((f) => relative(dir, join(dir, f)).split("\\").join("/"))
    .sort();
}

let open: OpenPage;
let page: Page;
let errors: string[];

beforeAll(async () => {
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`no built site in ${DIST}: run 'pnpm docs:build' first`);
  if (process.env.FLAMBEAU_DOCS_BASE && process.env.FLAMBEAU_DOCS_BASE !== "/") throw new Error("the test serves the site at the root: build it without FLAMBEAU_DOCS_BASE");
  // Served cross-origin isolated, as `pnpm docs:preview` serves it; WebGPU and WebGL on (SwiftShader),
  // so the tutorials probe their devices as in a user's browser.
  open = await openPage({ dir: DIST, webgl: true, webgpu: true });
  ({ page, errors } = open);
}, 60_000);

afterAll(async () => {
  await open?.close();
});

describe("the documentation site in Chromium", () => {
  it("every page loads without a console error, cross-origin isolated, and every internal link resolves", async () => {
    const all = pages(DIST);
    // The sections a PyTorch user looks for, and the API reference with one section per package.
    for (const want of ["index.html", "guides/getting-started.html", "guides/porting-from-pytorch.html", "tutorials/lesson-4.html", "design.html", "api/index.html", "api/@flambeau/tensor/classes/Tensor.html"])
      expect(all).toContain(want);
    const links = new Map<string, string>(); // target → first page linking to it
    const failed: string[] = [];
    for (const path of all) {
      const before = errors.length;
      await page.goto(open.url + path, { waitUntil: "load" });
      await page.waitForSelector(".VPContent");
      expect(await page.evaluate(() => self.crossOriginIsolated), path).toBe(true);
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== new URL(open.url).origin) continue;
        url.hash = "";
        if (!links.has(url.href)) links.set(url.href, path);
      }
      if (errors.length > before) failed.push(`${path}: ${errors.slice(before).join("; ")}`);
    }
    expect(failed).toEqual([]);
    // A link resolves when the built site has its file (the server would answer a missing page
    // with the home page, as a single-page app's server does).
    const root = new URL(open.url).pathname;
    const broken: string[] = [];
    for (const [target, from] of links) {
      const path = decodeURIComponent(new URL(target).pathname).slice(root.length);
      const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
      if (!existsSync(join(DIST, file))) broken.push(`${target} (linked from ${from})`);
    }
    expect(broken).toEqual([]);
    expect(links.size).toBeGreaterThan(all.length / 2);
  }, 600_000);

  it("the local search finds Tensor.matmul and opens its API entry", async () => {
    await page.goto(open.url, { waitUntil: "load" });
    await page.click(".VPNavBarSearch button");
    await page.fill(".VPLocalSearchBox input", "matmul");
    // A result is a link to a section: Tensor's page, its matmul() heading.
    const result = page.locator('.VPLocalSearchBox a.result[href*="classes/Tensor"]', { hasText: "matmul" });
    await result.first().waitFor({ timeout: 30_000 });
    await result.first().click();
    await page.waitForURL(/classes\/Tensor\.html#matmul/);
    await page.waitForSelector("h3#matmul");
    expect(await page.textContent("h3#matmul")).toContain("matmul()");
    expect(errors).toEqual([]);
  }, 60_000);

  it("lesson 1's tutorial runs the lesson in the page on the CPU: its numbers, its six figures, its two loss charts", async () => {
    await page.goto(`${open.url}tutorials/lesson-1.html`, { waitUntil: "load" });
    await page.waitForSelector('.lesson-run article[data-lesson="1"] select[name=device]', { timeout: 30_000 });
    // SwiftShader's WebGPU and WebGL are software: the page starts on the CPU.
    expect(await selectedDevice(page)).toBe("cpu");
    await waitForRun(page, "cpu", 1, 120_000);
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
    for (const c of lossCharts) expect(c.vertices).toBe(3000);
    // Lesson 4's page keeps its sliders and its gradient-descent button.
    await page.goto(`${open.url}tutorials/lesson-4.html`, { waitUntil: "load" });
    await waitForRun(page, "cpu", 1, 120_000);
    await page.waitForSelector(".lesson-run .by-hand:not([hidden]) input[name=w]");
    expect(await page.locator(".lesson-run .by-hand button.descend").textContent()).toBe("Let gradient descent finish the job");
    expect(errors).toEqual([]);
  }, 300_000);
});
