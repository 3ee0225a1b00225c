// The webgpu device in headless Debian Chromium (navigator.gpu on SwiftShader's Vulkan), the
// bundle built by esbuild as an app would build it, and the shared conformance suites run in
// the page. No adapter is a failure, never a skip.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, type OpenPage } from "@flambeau/test-kit/browser";

interface Outcome {
  name: string;
  error: string | null;
  ms: number;
}
interface Suite {
  run(filter?: string): Promise<Outcome[]>;
  adapter(): string | null;
  error(): string | null;
}
declare const suite: Suite;

async function runInPage(open: OpenPage, filter: string): Promise<Outcome[]> {
  const outcomes = await open.page.evaluate((f) => suite.run(f), filter);
  const failed = outcomes.filter((o) => o.error !== null);
  console.log(`${filter}: ${outcomes.length - failed.length} of ${outcomes.length} passed in Chromium (WebGPU)`);
  expect(failed.map((o) => `${o.name}: ${o.error}`)).toEqual([]);
  return outcomes;
}

describe("webgpu in Chromium", () => {
  let open: OpenPage;
  beforeAll(async () => {
    // --expose-gc: the memory test collects garbage at its checkpoints.
    open = await openPage({ entry: new URL("./browser/suite-page.ts", import.meta.url), webgpu: true, args: ["--js-flags=--expose-gc"] });
  }, 120_000);
  afterAll(async () => {
    await open?.close();
  });

  it("finds a WebGPU adapter through navigator.gpu", async () => {
    const { adapter, error } = await open.page.evaluate(() => ({ adapter: suite.adapter(), error: suite.error() }));
    expect(error).toBeNull();
    expect(adapter).not.toBeNull();
  });
  it("passes the op conformance suite", async () => {
    expect((await runInPage(open, "conformance on 'webgpu'")).length).toBeGreaterThan(400);
  }, 300_000);
  it("passes the nn, optim and data suites", async () => {
    for (const s of ["nn conformance", "optim", "data conformance"]) await runInPage(open, s);
  }, 300_000);
  it("reads asynchronously, multiplies large matrices, and trains lesson 5 in flat memory", async () => {
    await runInPage(open, "page: ");
    const marks = await open.page.evaluate(() => (globalThis as { memoryMarks?: unknown }).memoryMarks);
    console.log(`webgpu memory in Chromium after 500 / 2,000 steps: ${JSON.stringify(marks)}`);
  }, 120_000);
});
