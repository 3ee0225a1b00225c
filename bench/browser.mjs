// The MLP 784-256-256-10 training step (batch 128) in the browser: Flambeau's CPU backend beside
// TensorFlow.js's wasm backend in one headless Chromium page, cross-origin isolated (COOP/COEP,
// so SharedArrayBuffer and threads are there for both). The page is bundled and served by the
// test kit's browser harness (@flambeau/test-kit/browser: esbuild bundle, Vite's preview server,
// Debian's Chromium through playwright-core), loaded here through Vite's module runner because
// the kit is TypeScript source.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const WASM_FILES = ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"];

/** A folder holding the bundled page and tfjs-backend-wasm's binaries; removed by the caller. */
async function pageDir(bundle) {
  const dir = mkdtempSync(join(tmpdir(), "flambeau-bench-browser-"));
  writeFileSync(join(dir, "bundle.js"), await bundle(new URL("./browser/mlp-page.mjs", import.meta.url)));
  writeFileSync(join(dir, "index.html"), '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body><script type="module" src="./bundle.js"></script></body></html>');
  const wasmDist = dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm"));
  for (const f of WASM_FILES) copyFileSync(join(wasmDist, f), join(dir, f));
  return dir;
}

export async function browser() {
  const kit = fileURLToPath(import.meta.resolve("@flambeau/test-kit/browser"));
  const { module: harness } = await runnerImport(kit);
  const dir = await pageDir(harness.bundle);
  const open = await harness.openPage({ dir, isolated: true, ready: "body[data-ready=yes]" });
  try {
    const setup = await open.page.evaluate(() => window.bench.setup());
    console.log(`browser: ${setup.userAgent}\n  flambeau cpu: ${setup.kernels}, ${setup.threads} thr; tfjs-${setup.backend}: ${setup.tfjs}`);
    // Flambeau on all its threads and on one. tfjs-wasm's XNNPACK takes at most half of
    // navigator.hardwareConcurrency (it assumes two hyperthreads per core), whatever
    // setThreadsCount asks: one thread on a 2-core machine.
    const threadCounts = [...new Set([setup.threads, 1])];
    const { ours, peer } = await open.page.evaluate((counts) => window.bench.mlp(counts), threadCounts);
    if (open.errors.length) throw new Error(`browser bench page: ${open.errors.join("; ")}`);
    console.log(`browser mlp step: flambeau ${threadCounts.map((n) => `${ours[n].toFixed(1)} ms (${n} thr)`).join(", ")}, tfjs-wasm ${peer.toFixed(1)} ms`);
    return threadCounts.map((n) => ({
      name: "MLP 784-256-256-10 step, batch 128, Chromium (isolated)", unit: "ms",
      ours: ours[n], oursSetup: `${setup.kernels}, ${n} thr`, peerName: "tfjs-wasm", peerSetup: setup.tfjs, peer, target: "<= 10 ms, ahead",
    }));
  } finally {
    await open.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
