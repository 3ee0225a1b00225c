// Serving a test page from 127.0.0.1 (WebGL and WebGPU need a real origin, not about:blank) with
// Vite's static preview server: a folder of built files, or a bundled script in a one-line page.
// Cross-origin isolated by default (COOP/COEP), so SharedArrayBuffer and the CPU backend's
// threaded kernels work in the page.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { preview } from "vite";

const ISOLATION = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };

/** A running server: its URL and how to stop it. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves the files under `dir` until closed. */
export async function serveDir(dir: string, { isolated = true } = {}): Promise<Served> {
  const server = await preview({
    configFile: false,
    root: dir,
    logLevel: "silent",
    build: { outDir: dir },
    preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false, headers: isolated ? ISOLATION : {} },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("the test page's server has no local URL");
  return { url, close: () => server.close() };
}

/** Serves a page whose body is `body` and whose script is `script` (an ES module) until closed. */
export async function servePage(script: string, { body = "", isolated = true } = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), "flambeau-page-"));
  writeFileSync(join(dir, "bundle.js"), script);
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>test</title></head><body>${body}<script type="module" src="./bundle.js"></script></body></html>`,
  );
  const served = await serveDir(dir, { isolated });
  return {
    url: served.url,
    async close() {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
