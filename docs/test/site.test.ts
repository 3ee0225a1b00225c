// The built documentation site (`pnpm docs:build` writes docs/dist) in Debian's Chromium,
// served as a static host serves it: every page loads with no console error and is cross-origin
// isolated, every internal link resolves, the local search finds Tensor.matmul's API entry,
// lesson 1's tutorial runs the lesson in the page on the CPU with the lesson's numbers, and
// lesson 6's loads its digits and trains, its drawing canvas in place.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, type OpenPage } from "@flambeau/test-kit/browser";
import { expectLesson1Page, printed, selectedDevice, waitForRun } from "@flambeau/test-kit/lesson-page";

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
    await expectLesson1Page(page);
    // Lesson 4's page keeps its sliders and its gradient-descent button.
    await page.goto(`${open.url}tutorials/lesson-4.html`, { waitUntil: "load" });
    await waitForRun(page, "cpu", 1, 120_000);
    await page.waitForSelector(".lesson-run .by-hand:not([hidden]) input[name=w]");
    expect(await page.locator(".lesson-run .by-hand button.descend").textContent()).toBe("Let gradient descent finish the job");
    expect(errors).toEqual([]);
  }, 300_000);

  it("lesson 6's tutorial loads the MNIST digits the build copied and trains in the page, its drawing canvas waiting for the model", async () => {
    await page.goto(`${open.url}tutorials/lesson-6.html`, { waitUntil: "load" });
    await page.waitForSelector('.lesson-run article[data-lesson="6"] select[name=device]', { timeout: 30_000 });
    expect(await selectedDevice(page)).toBe("cpu");
    expect(await page.locator(".lesson-run .draw-digit canvas.digit-canvas").count()).toBe(1);
    expect(await page.textContent(".lesson-run .digit-prediction")).toBe("The model is training: draw once the lesson has run.");
    // The digits loaded and split, and training steps are being charted: the whole run and the
    // canvas's readings are apps/web's digits-page test.
    await page.waitForFunction(() => /^training: [1-9]\d*\/1000/.test(document.querySelector(".lesson-run .flambeau-progress-label")?.textContent ?? ""), null, { timeout: 120_000 });
    expect(await printed(page)).toContain("train: 8000, test: 2000");
    expect(errors).toEqual([]);
  }, 180_000);
});
