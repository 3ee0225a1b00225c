// The web app's own servers (`pnpm --filter @flambeau/web dev` and `preview`) send the
// cross-origin isolation headers, so a learner's page gets the CPU backend's worker threads.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, preview } from "vite";
import { describe, expect, it } from "vitest";

const configFile = fileURLToPath(new URL("../vite.config.ts", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

function expectIsolated(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
}

describe("the web app's servers", () => {
  it("the dev server sends COOP/COEP", async () => {
    const server = await createServer({ configFile, root, logLevel: "silent", server: { port: 0 } });
    await server.listen();
    try {
      expectIsolated(await fetch(server.resolvedUrls!.local[0]));
    } finally {
      await server.close();
    }
  }, 60_000);

  it("the preview server sends COOP/COEP", async () => {
    // Preview serves a build; a one-file stand-in is enough to read the headers.
    const outDir = mkdtempSync(join(tmpdir(), "flambeau-web-preview-"));
    writeFileSync(join(outDir, "index.html"), "<!doctype html><title>preview</title>");
    const server = await preview({ configFile, root, logLevel: "silent", build: { outDir }, preview: { port: 0 } });
    try {
      expectIsolated(await fetch(server.resolvedUrls!.local[0]));
    } finally {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
