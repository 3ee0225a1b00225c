// The gpujs device in headless Debian Chromium: WebGL2 through SwiftShader, the bundle built
// by esbuild as an app would build it, and the shared conformance suites run in the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "./browser/bundle.js";
import { openPage, type OpenPage } from "./browser/page.js";

interface Outcome {
  name: string;
  error: string | null;
  ms: number;
}
interface Suite {
  run(filter?: string): Promise<Outcome[]>;
  count(): number;
  mode(): string;
  fallbackReason(): string | null;
}
declare const suite: Suite;

let open: OpenPage;

beforeAll(async () => {
  open = await openPage(await bundle("./suite-page.ts"));
}, 120_000);

afterAll(async () => {
  await open?.close();
});

async function runInPage(filter: string): Promise<Outcome[]> {
  const outcomes = await open.page.evaluate((f) => suite.run(f), filter);
  const failed = outcomes.filter((o) => o.error !== null);
  console.log(`${filter}: ${outcomes.length - failed.length} of ${outcomes.length} passed in Chromium`);
  expect(failed.map((o) => `${o.name}: ${o.error}`)).toEqual([]);
  return outcomes;
}

describe("gpujs in Chromium", () => {
  it("runs on WebGL2, not on a CPU fallback", async () => {
    const { mode, reason } = await open.page.evaluate(() => ({ mode: suite.mode(), reason: suite.fallbackReason() }));
    expect(reason).toBeNull();
    expect(mode).toBe("webgl2");
  });

  it("passes the op conformance suite", async () => {
    const outcomes = await runInPage("conformance on 'gpujs'");
    expect(outcomes.length).toBeGreaterThan(400);
  }, 600_000);

  it("reads asynchronously through pixel-pack buffers", async () => {
    expect(await runInPage("gpujs async reads")).toHaveLength(1);
  }, 120_000);

  it("computes large products on the packed matmul kernels", async () => {
    expect(await runInPage("gpujs packed matmul")).toHaveLength(1);
  }, 120_000);

  it("passes the nn, optim and data conformance suites", async () => {
    for (const filter of ["nn conformance", "optimizer trajectories", "scheduler learning rates", "data conformance"]) {
      const outcomes = await runInPage(filter);
      expect(outcomes.length).toBeGreaterThan(10);
    }
  }, 600_000);
});
