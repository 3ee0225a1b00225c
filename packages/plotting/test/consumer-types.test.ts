// Plotting is used from Node too (SVG/PNG files), so its published types must compile in a
// strict Node project without the DOM library and without skipLibCheck (issue 12): no DOM
// `Element` may leak into them. The built declarations are checked as a consumer sees them,
// with the facade, whose `torch.plotting` takes plotting's types once the program imports it.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dts = (pkg: string) => join(root, "packages", pkg, "dist/index.d.ts");

function typecheck(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "flambeau-plotting-types-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  writeFileSync(join(dir, "consumer.ts"), source);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, target: "ES2022", lib: ["ES2022"], module: "NodeNext", moduleResolution: "NodeNext",
      skipLibCheck: false, noEmit: true, types: ["node"], typeRoots: [join(root, "node_modules/@types")],
      // The built packages, as installed; their own dependencies resolve from the workspace.
      paths: { flambeau: [dts("flambeau")], "@flambeau/plotting": [dts("plotting")] },
    },
    files: ["consumer.ts"],
  }));
  try {
    execFileSync("node", [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
    return "";
  } catch (e) {
    return (e as { stdout?: string }).stdout || String(e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("@flambeau/plotting's published types", () => {
  it("compile under strict with lib ES2022 and no DOM, and join torch.plotting once imported", () => {
    const errors = typecheck(`import * as torch from "flambeau";
import { pyplot as plt, Figure, type ShowResult } from "@flambeau/plotting";
plt.plot([0, 1, 2], [0, 1, 4], { label: "square" });
const figure: Figure = torch.plotting.pyplot.gcf();
export const svg: Promise<string> = figure.toSVG();
export function where(r: ShowResult): string {
  return "path" in r ? r.path : "a page element";
}
// @ts-expect-error a misspelt function is still an error: torch.plotting is typed, not any
torch.plotting.pyplott;
`);
    expect(errors).toBe("");
  }, 180_000);
});
