// The SIMD kernels in headless Chromium: on a cross-origin isolated page large products run on
// Web Workers over shared WebAssembly memory, joined by a spin on the main thread (which may not
// block); on a page that is not isolated they run on the main thread alone. Both agree with the
// plain kernels.
import { openPage } from "@flambeau/test-kit/browser";
import { expect, it } from "vitest";

interface Outcome {
  isolated: boolean;
  kernels: string;
  threads: number;
  threadedJobs: number;
  maxDiff: number;
}

/** Runs the page's check, served cross-origin isolated (COOP/COEP) or not. */
async function run(isolated: boolean): Promise<Outcome> {
  // Bundled as an app would bundle it, by the test kit's harness (sources aliased).
  const open = await openPage({ entry: new URL("./browser/threads-page.ts", import.meta.url), isolated });
  try {
    const outcome = await open.page.evaluate(() => (globalThis as unknown as { check(): Promise<Outcome> }).check());
    expect(open.errors).toEqual([]);
    return outcome;
  } finally {
    await open.close();
  }
}

it("runs large products on two threads on a cross-origin isolated page", async () => {
  const o = await run(true);
  expect(o).toMatchObject({ isolated: true, kernels: "simd", threads: 2 });
  expect(o.threadedJobs).toBeGreaterThan(0);
  expect(o.maxDiff).toBeLessThan(1e-3);
}, 120_000);

it("runs them on the main thread alone on a page that is not isolated", async () => {
  const o = await run(false);
  expect(o).toMatchObject({ isolated: false, kernels: "simd", threads: 1, threadedJobs: 0 });
  expect(o.maxDiff).toBeLessThan(1e-3);
}, 120_000);
