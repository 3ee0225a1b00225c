// The app built by Vite's JS API, as `pnpm --filter @flambeau/web build` builds it, into a fresh
// temporary folder (never the turbo-cached dist/): the test always sees the current sources.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const app = fileURLToPath(new URL("../../", import.meta.url));

/** Builds the web app; resolves to the folder of the built site. */
export async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "flambeau-web-"));
  await build({ root: app, configFile: join(app, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true } });
  return outDir;
}
