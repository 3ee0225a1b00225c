// Bundles a test page with esbuild, as an app would bundle Flambeau for the browser: the
// workspace packages from their sources (the aliases of vitest.config.ts), gpu.js from its
// browser build. For the shared conformance suites, "vitest" becomes a small in-page runner
// (vitest-shim.ts) and the PyTorch fixtures they read with node:fs are embedded.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = new URL("../../../../", import.meta.url);
const src = (p: string) => fileURLToPath(new URL(`packages/${p}/src/index.ts`, root));
const PACKAGES = ["tensor", "scalar-math", "autograd", "backend-cpu", "backend-gpujs", "nn", "optim", "data", "plotting", "conformance"];

/** `readFileSync(new URL("…/fixtures/ops.json", import.meta.url))` answered from the embedded fixtures. */
const fixtures: Plugin = {
  name: "fixtures",
  setup(b) {
    b.onResolve({ filter: /^(node:)?fs$/ }, () => ({ path: "fs", namespace: "fixtures" }));
    b.onLoad({ filter: /.*/, namespace: "fixtures" }, () => {
      const dir = new URL("fixtures/", root);
      const files: Record<string, string> = {};
      for (const name of readdirSync(dir)) if (name.endsWith(".json")) files[name] = readFileSync(new URL(name, dir), "utf8");
      return {
        contents: `const files = ${JSON.stringify(files)};
export function readFileSync(u) {
  const name = String(u).split("/").pop();
  if (!(name in files)) throw new Error("no embedded fixture " + name);
  return files[name];
}`,
        loader: "js",
      };
    });
  },
};

/** The page script `entry` (a path relative to this folder), bundled as one ES module. */
export async function bundle(entry: string): Promise<string> {
  const alias: Record<string, string> = { flambeau: src("flambeau"), vitest: fileURLToPath(new URL("./vitest-shim.ts", import.meta.url)) };
  for (const p of PACKAGES) alias[`@flambeau/${p}`] = src(p);
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    alias,
    plugins: [fixtures],
  });
  return result.outputFiles[0]!.text;
}
