// Launching Debian's Chromium with WebGL on SwiftShader, its software GPU, and opening a
// bundled page served from 127.0.0.1 (WebGL needs a real origin, not about:blank).
import type { Server } from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumPath } from "../../../plotting/test/browser/chromium.js";
import { servePage } from "../../../plotting/test/browser/server.js";

// No --disable-gpu: WebGL must stay on, rendered by SwiftShader through ANGLE.
const ARGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export interface OpenPage {
  browser: Browser;
  page: Page;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serve `bundle`, open it in headless Chromium (with `extraArgs`, e.g. `--disable-webgl2`) and
 * wait for `body[data-ready=yes]`.
 */
export async function openPage(bundle: string, extraArgs: readonly string[] = []): Promise<OpenPage> {
  const served = await servePage(bundle);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...ARGS, ...extraArgs] });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  await page.goto(served.url);
  await page.waitForSelector("body[data-ready=yes]", { timeout: 60_000 }).catch((e: unknown) => {
    throw new Error(`the page did not load: ${errors.join("; ") || String(e)}`);
  });
  return {
    browser,
    page,
    server: served.server,
    async close() {
      await browser.close();
      await new Promise((resolve) => served.server.close(resolve));
    },
  };
}
