// The built documentation site (`pnpm docs:build` writes docs/dist) in Debian's Chromium,
// served as a static host serves it: every page loads with no console error and is cross-origin
// isolated, every internal link resolves, and the local search finds Tensor.matmul's API entry.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../packages/plotting/test/browser/chromium.js";
import { serveSite } from "../serve.mjs";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
// The base the site was built for (FLAMBEAU_DOCS_BASE), so links are checked as built.
const BASE = process.env.FLAMBEAU_DOCS_BASE ?? "/";

/** Every page of the built site, as paths relative to its root (`api/index.html`). */
function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html") && f !== "404.html")
    .map((f) => relative(dir, join(dir, f)).split("\\").join("/"))
    .sort();
}

let browser: Browser;
let page: Page;
let site: { url: string; close(): Promise<void> };
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`no built site in ${DIST}: run 'pnpm docs:build' first`);
  site = await serveSite(DIST, { base: BASE });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${String(e)}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("the documentation site in Chromium", () => {
  it("every page loads without a console error, cross-origin isolated, and every internal link resolves", async () => {
    const all = pages(DIST);
    // The sections a PyTorch user looks for, and the API reference with one section per package.
    for (const want of ["index.html", "guides/porting-from-pytorch.html", "design.html", "api/index.html", "api/@flambeau/tensor/classes/Tensor.html"])
      expect(all).toContain(want);
    const links = new Map<string, string>(); // target → first page linking to it
    for (const path of all) {
      await page.goto(site.url + path, { waitUntil: "load" });
      await page.waitForSelector(".VPContent");
      expect(await page.evaluate(() => self.crossOriginIsolated), path).toBe(true);
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== new URL(site.url).origin) continue;
        url.hash = "";
        if (!links.has(url.href)) links.set(url.href, path);
      }
    }
    expect(errors).toEqual([]);
    const broken: string[] = [];
    for (const [target, from] of links) {
      const res = await fetch(target);
      if (res.status !== 200) broken.push(`${target} (linked from ${from}): ${res.status}`);
    }
    expect(broken).toEqual([]);
    expect(links.size).toBeGreaterThan(all.length / 2);
  }, 600_000);

  it("the local search finds Tensor.matmul and opens its API entry", async () => {
    await page.goto(site.url, { waitUntil: "load" });
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
});
