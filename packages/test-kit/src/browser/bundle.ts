// A test page's script, bundled with esbuild as an app would bundle Flambeau for the browser:
// workspace packages from their sources (every package.json export, as the tests resolve them),
// third-party packages from their browser builds (gpu.js's). For the shared suites, "vitest"
// becomes the in-page runner (../page.ts) and the PyTorch fixtures they read with node:fs are
// embedded in the bundle.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { ROOT, workspaceSources } from "../workspace.js";

/** Workspace packages (exact specifiers, subpaths included) to their sources; "vitest" to the in-page runner. */
function workspace(): Plugin {
  const sources = workspaceSources();
  sources.set("vitest", fileURLToPath(new URL("../page.ts", import.meta.url)));
  return {
    name: "workspace",
    setup(b) {
      b.onResolve({ filter: /^[@\w]/ }, (args) => {
        const path = sources.get(args.path);
        return path === undefined ? undefined : { path };
      });
    },
  };
}

/** `readFileSync(new URL("…/fixtures/ops.json", import.meta.url))` answered from the embedded fixtures. */
const fixtures: Plugin = {
  name: "fixtures",
  setup(b) {
    b.onResolve({ filter: /^(node:)?fs$/ }, () => ({ path: "fs", namespace: "fixtures" }));
    b.onLoad({ filter: /.*/, namespace: "fixtures" }, () => {
      const dir = `${ROOT}fixtures/`;
      const files: Record<string, string> = {};
      for (const name of readdirSync(dir)) if (name.endsWith(".json")) files[name] = readFileSync(dir + name, "utf8");
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

/** How to bundle: for a browser page (the default) or for a Node script. */
export interface BundleOptions {
  /** "node": Node's built-ins and real files (no embedded fixtures), for a script run in a child process. */
  platform?: "browser" | "node";
  /** Packages left as imports (resolved where the bundle is written). */
  external?: string[];
}

const bundles = new Map<string, Promise<string>>();

/**
 * The script `entry` (a path or file URL), bundled as one ES module with the workspace's
 * packages from their sources; bundled once per test file.
 */
export function bundle(entry: string | URL, { platform = "browser", external = [] }: BundleOptions = {}): Promise<string> {
  const file = entry instanceof URL || entry.startsWith("file:") ? fileURLToPath(entry) : entry;
  const key = JSON.stringify([file, platform, external]);
  let out = bundles.get(key);
  if (out === undefined) {
    out = build({
      entryPoints: [file],
      bundle: true,
      format: "esm",
      platform,
      target: platform === "browser" ? "es2022" : "node20",
      external,
      write: false,
      logLevel: "silent",
      plugins: platform === "browser" ? [workspace(), fixtures] : [workspace()],
    }).then((result) => result.outputFiles[0]!.text);
    bundles.set(key, out);
  }
  return out;
}
