// One test page in headless Chromium: bundle the test entry (or take a built site), serve it,
// launch the browser with the GPUs asked for, open the page, wait until it says it is ready, and
// keep every console error and uncaught exception for the test to check. After tfjs's
// jasmine_util.ts: one harness every package's browser tests share.
import { chromium, type Browser, type Page } from "playwright-core";
import { bundle } from "./bundle.js";
import { chromiumArgs, chromiumPath, type GpuFlags } from "./chromium.js";
import { servePage, serveDir, type Served } from "./serve.js";

/** What to open, and how. */
export interface PageOptions extends GpuFlags {
  /** The test entry (a path or file URL), bundled for the browser (see bundle.ts). */
  entry?: string | URL;
  /** Or a folder of built files (a Vite build) to serve instead. */
  dir?: string;
  /** HTML placed before the entry's script in the page's body. */
  body?: string;
  /** Serve with COOP/COEP (cross-origin isolated: SharedArrayBuffer, threads). Default true. */
  isolated?: boolean;
  /** More Chromium flags, e.g. `--disable-webgl2`, `--js-flags=--expose-gc`. */
  args?: readonly string[];
  /** The path to open, relative to the server's root. An entry's page is opened at once (at the
   * root by default); a site only when `path` or `ready` is given, else the test navigates. */
  path?: string;
  /** Selector the page shows once it is ready; default `body[data-ready=yes]` for an entry, none for a site. */
  ready?: string | null;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
}

/** An open page, with the browser and server behind it. */
export interface OpenPage {
  browser: Browser;
  page: Page;
  /** The server's root URL. */
  url: string;
  /** Console errors and uncaught exceptions of the page, in order. */
  errors: string[];
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

/**
 * Opens a test page in Debian's headless Chromium (through playwright-core).
 *
 * ```ts
 * const open = await openPage({ entry: new URL("./browser/suite-page.ts", import.meta.url), webgpu: true });
 * const outcomes = await open.page.evaluate(() => suite.run("conformance"));
 * await open.close();
 * ```
 */
export async function openPage(options: PageOptions): Promise<OpenPage> {
  const { entry, dir, body, isolated = true, args = [], path = "", viewport, acceptDownloads } = options;
  if ((entry === undefined) === (dir === undefined)) throw new Error("openPage: give one of 'entry' (a test script) or 'dir' (a built site)");
  const served: Served = entry !== undefined ? await servePage(await bundle(entry), { body, isolated }) : await serveDir(dir!, { isolated });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs(options, args) });
    const page = await browser.newPage({ viewport, acceptDownloads });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const ready = options.ready === undefined ? (entry !== undefined ? "body[data-ready=yes]" : null) : options.ready;
    if (ready !== null || path !== "") await page.goto(served.url + path.replace(/^\//, ""));
    if (ready !== null)
      await page.waitForSelector(ready, { state: "attached", timeout: 60_000 }).catch((e: unknown) => {
        throw new Error(`the page did not load: ${errors.join("; ") || String(e)}`);
      });
    const opened = browser;
    return {
      browser: opened,
      page,
      url: served.url,
      errors,
      async close() {
        await opened.close();
        await served.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await served.close();
    throw e;
  }
}
