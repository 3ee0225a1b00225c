// The gpujs device in headless Debian Chromium: WebGL2 through SwiftShader (and WebGL 1, with
// WebGL2 switched off), the bundle built by esbuild as an app would build it, and the shared
// conformance suites run in the page. A CPU fallback fails these tests; it is never skipped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, type OpenPage } from "@flambeau/test-kit/browser";

interface Outcome {
  name: string;
  error: string | null;
  ms: number;
}
interface Suite {
  run(filter?: string): Promise<Outcome[]>;
  mode(): string;
  fallbackReason(): string | null;
}
declare const suite: Suite;

// WebGL on SwiftShader, the shared suites on the in-page runner (see suite-page.ts).
const openSuitePage = (args: string[] = []) => openPage({ entry: new URL("./browser/suite-page.ts", import.meta.url), webgl: true, args });

async function runInPage(open: OpenPage, filter: string): Promise<Outcome[]> {
  const outcomes = await open.page.evaluate((f) => suite.run(f), filter);
  const failed = outcomes.filter((o) => o.error !== null);
  const mode = await open.page.evaluate(() => suite.mode());
  console.log(`${filter}: ${outcomes.length - failed.length} of ${outcomes.length} passed in Chromium (${mode})`);
  expect(failed.map((o) => `${o.name}: ${o.error}`)).toEqual([]);
  return outcomes;
}

async function expectMode(open: OpenPage, expected: string): Promise<void> {
  const { mode, reason } = await open.page.evaluate(() => ({ mode: suite.mode(), reason: suite.fallbackReason() }));
  expect(reason).toBeNull();
  expect(mode).toBe(expected);
}

describe("gpujs in Chromium on WebGL2", () => {
  let open: OpenPage;
  beforeAll(async () => {
    open = await openSuitePage();
  }, 120_000);
  afterAll(async () => {
    await open?.close();
  });

  it("runs on WebGL2, not on a CPU fallback", () => expectMode(open, "webgl2"));

  it("passes the op conformance suite", async () => {
    expect((await runInPage(open, "conformance on 'gpujs'")).length).toBeGreaterThan(400);
  }, 600_000);

  it("reads asynchronously through pixel-pack buffers", async () => {
    expect(await runInPage(open, "gpujs async reads")).toHaveLength(1);
  }, 120_000);

  it("computes large products on the packed matmul kernels", async () => {
    expect(await runInPage(open, "gpujs packed matmul")).toHaveLength(1);
  }, 120_000);

  it("passes the nn, optim and data conformance suites", async () => {
    for (const filter of ["nn conformance", "optimizer trajectories", "scheduler learning rates", "data conformance"])
      expect((await runInPage(open, filter)).length).toBeGreaterThan(10);
  }, 600_000);
});

describe("gpujs in Chromium on WebGL 1 (WebGL2 switched off)", () => {
  let open: OpenPage;
  beforeAll(async () => {
    open = await openSuitePage(["--disable-webgl2"]);
  }, 120_000);
  afterAll(async () => {
    await open?.close();
  });

  it("runs on WebGL 1, not on a CPU fallback", () => expectMode(open, "webgl"));

  it("passes the op conformance suite, reads and packed matmuls", async () => {
    expect((await runInPage(open, "conformance on 'gpujs'")).length).toBeGreaterThan(400);
    expect(await runInPage(open, "gpujs async reads")).toHaveLength(1);
    expect(await runInPage(open, "gpujs packed matmul")).toHaveLength(1);
  }, 600_000);
});
