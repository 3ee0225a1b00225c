// Every workspace package an app imports, mapped to its TypeScript sources: a package of
// packages/ to its src/index.ts (a subpath export to its src/ file), an app's export to its
// "development" entry (apps/*/package.json).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Alias } from "vite";

const root = new URL("../../../", import.meta.url);

interface Manifest {
  name: string;
  exports?: Record<string, { development?: string; import?: string } | string>;
}

function manifests(folder: string): [URL, Manifest][] {
  const dir = new URL(`${folder}/`, root);
  return readdirSync(dir)
    .map((name) => new URL(`${name}/`, dir))
    .filter((pkg) => existsSync(new URL("package.json", pkg)))
    .map((pkg) => [pkg, JSON.parse(readFileSync(new URL("package.json", pkg), "utf8")) as Manifest]);
}

// An exact match: "@flambeau/lesson-kit" must not also catch "@flambeau/lesson-kit/browser".
const exact = (specifier: string, file: URL): Alias => ({
  find: new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`),
  replacement: fileURLToPath(file),
});

/** Vite aliases from each workspace package's name (and subpath exports) to its sources. */
export function sourceAliases(): Alias[] {
  const aliases: Alias[] = [];
  for (const [dir, pkg] of manifests("packages")) {
    const index = new URL("src/index.ts", dir);
    if (existsSync(index)) aliases.push(exact(pkg.name, index));
    // A subpath export ("./internal": ./dist/internal.js) to its source (src/internal.ts).
    for (const [subpath, entry] of Object.entries(pkg.exports ?? {})) {
      const built = typeof entry === "object" ? entry.import : entry;
      const source = built?.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
      if (subpath !== "." && source && existsSync(new URL(source, dir))) aliases.push(exact(pkg.name + subpath.slice(1), new URL(source, dir)));
    }
  }
  for (const [dir, pkg] of manifests("apps")) {
    for (const [subpath, entry] of Object.entries(pkg.exports ?? {})) {
      if (typeof entry === "object" && entry.development) aliases.push(exact(pkg.name + subpath.slice(1), new URL(entry.development, dir)));
    }
  }
  return aliases;
}
