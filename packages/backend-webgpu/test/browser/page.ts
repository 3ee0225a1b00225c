// Headless Debian Chromium with WebGPU on (SwiftShader's Vulkan, since the machine has no GPU)
// and a bundled page served from 127.0.0.1: WebGPU needs a real origin, not about:blank.
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumPath } from "../../../plotting/test/browser/chromium.js";
import { servePage } from "../../../plotting/test/browser/server.js";

const ARGS = [
  "--no-sandbox",
  "--enable-unsafe-webgpu",
  "--js-flags=--expose-gc", // the memory test collects garbage at its checkpoints
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export interface OpenPage {
  page: Page;
  browser: Browser;
  close(): Promise<void>;
}

/** Serve `bundle`, open it, and wait for `body[data-ready=yes]`. */
export async function openPage(bundle: string): Promise<OpenPage> {
  const served = await servePage(bundle);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(served.url);
  await page.waitForSelector("body[data-ready=yes]", { timeout: 60_000 }).catch((e: unknown) => {
    throw new Error(`the page did not load: ${errors.join("; ") || String(e)}`);
  });
  return {
    page,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => served.server.close(resolve));
    },
  };
}
