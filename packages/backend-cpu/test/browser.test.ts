// The SIMD kernels in headless Chromium: on a cross-origin isolated page large products run on
// Web Workers over shared WebAssembly memory, joined by a spin on the main thread (which may not
// block); on a page that is not isolated they run on the main thread alone. Both agree with the
// plain kernels.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../plotting/test/browser/chromium.js";
import { bundle } from "../../backend-gpujs/test/browser/bundle.js";

interface Outcome {
  isolated: boolean;
  kernels: string;
  threads: number;
  threadedJobs: number;
  maxDiff: number;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="/page.js"></script></body></html>`;
const ISOLATION = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  // Bundled as an app would bundle it (the gpujs tests' esbuild set-up, sources aliased).
  const script = await bundle("../../../backend-cpu/test/browser/threads-page.ts");
  server = createServer((req, res) => {
    const headers = req.url?.startsWith("/isolated") ? ISOLATION : {};
    if (req.url?.endsWith("page.js")) res.writeHead(200, { "content-type": "text/javascript", ...headers }).end(script);
    else res.writeHead(200, { "content-type": "text/html", ...headers }).end(PAGE.replace("/page.js", `${req.url === "/isolated/" ? "/isolated" : ""}/page.js`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function run(path: string): Promise<Outcome> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(base + path);
  await page.waitForSelector("body[data-ready=yes]", { state: "attached", timeout: 60_000 });
  const outcome = await page.evaluate(() => (globalThis as unknown as { check(): Promise<Outcome> }).check());
  await page.close();
  expect(errors).toEqual([]);
  return outcome;
}

it("runs large products on two threads on a cross-origin isolated page", async () => {
  const o = await run("/isolated/");
  expect(o).toMatchObject({ isolated: true, kernels: "simd", threads: 2 });
  expect(o.threadedJobs).toBeGreaterThan(0);
  expect(o.maxDiff).toBeLessThan(1e-3);
}, 120_000);

it("runs them on the main thread alone on a page that is not isolated", async () => {
  const o = await run("/");
  expect(o).toMatchObject({ isolated: false, kernels: "simd", threads: 1, threadedJobs: 0 });
  expect(o.maxDiff).toBeLessThan(1e-3);
}, 120_000);
