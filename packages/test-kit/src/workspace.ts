/**
 * `@flambeau/test-kit/workspace`: every workspace package's entry points mapped to their
 * TypeScript sources, read from each package.json's `exports` — so tests (vitest.config.ts) and
 * the browser pages of `@flambeau/test-kit/browser` run against the sources, without a build,
 * and a package or subpath export added to a package.json needs no edit here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

type Target = string | { development?: string; import?: string; default?: string } | null;

interface Manifest {
  name?: string;
  exports?: string | Record<string, Target>;
}

/**
 * The source file behind one export target: its `development` condition (the apps name their
 * sources there), else the built file under dist/ mapped back to src/ (`./dist/x/index.js` →
 * `./src/x/index.ts`), else the target itself when it is a source file (the private packages).
 */
function sourceOf(dir: string, target: Target): string | null {
  const path = typeof target === "string" ? target : (target?.development ?? target?.import ?? target?.default);
  if (!path) return null;
  const source = path.replace(/^\.\/dist\//, "./src/").replace(/\.js$/, ".ts");
  const file = fileURLToPath(new URL(source, `file://${dir}/`));
  return /\.tsx?$/.test(file) && existsSync(file) ? file : null;
}

/** Each workspace package's import specifiers (`@flambeau/tensor`, `@flambeau/tensor/internal`, …) and their source files. */
export function workspaceSources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of ["packages", "apps"]) {
    for (const name of readdirSync(`${ROOT}${group}`)) {
      const dir = `${ROOT}${group}/${name}`;
      if (!existsSync(`${dir}/package.json`)) continue;
      const pkg = JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as Manifest;
      if (!pkg.name || pkg.exports === undefined) continue;
      const exports = typeof pkg.exports === "string" ? { ".": pkg.exports } : pkg.exports;
      for (const [subpath, target] of Object.entries(exports)) {
        if (!subpath.startsWith(".") || subpath.includes("*")) continue;
        const file = sourceOf(dir, target);
        if (file) out.set(pkg.name + subpath.slice(1), file);
      }
    }
  }
  return out;
}

/**
 * {@link workspaceSources} as Vite/Vitest aliases, each matching its specifier exactly:
 * `@flambeau/tensor` must not also catch `@flambeau/tensor/internal`.
 */
export function workspaceAliases(): { find: RegExp; replacement: string }[] {
  return [...workspaceSources()].map(([specifier, file]) => ({
    find: new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
    replacement: file,
  }));
}
