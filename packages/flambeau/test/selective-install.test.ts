// Decision 9: each package works when installed alone. Packs the built packages as npm would
// publish them and installs them into an empty project, with no workspace around.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packages = fileURLToPath(new URL("../../", import.meta.url));

function pack(name: string, into: string): string {
  // pnpm pack prints the tarball's path last, and turns workspace:* into real versions.
  const out = execFileSync("pnpm", ["pack", "--pack-destination", into], { cwd: join(packages, name), encoding: "utf8" });
  const tarball = out.trim().split("\n").pop()!;
  if (!tarball.endsWith(".tgz")) throw new Error(`pnpm pack printed no tarball for ${name}: ${out}`);
  return tarball;
}

/** A package's folder name and those of every workspace package it depends on. */
function withWorkspaceDeps(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const manifest = JSON.parse(readFileSync(join(packages, name, "package.json"), "utf8"));
  for (const [dep, range] of Object.entries<string>(manifest.dependencies ?? {}))
    if (range.startsWith("workspace:")) withWorkspaceDeps(dep.replace("@flambeau/", ""), seen);
  return [...seen];
}

function installAndRun(names: string[], script: string): string {
  const dir = mkdtempSync(join(tmpdir(), "flambeau-install-"));
  const deps = Object.fromEntries(names.map((n) => [n === "flambeau" ? "flambeau" : `@flambeau/${n}`, `file:${pack(n, dir)}`]));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "probe", private: true, type: "module", dependencies: deps }));
  // Third-party dependencies (the plotting package's charting library) come from the registry,
  // as for any user; the cache keeps repeated runs fast.
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "pipe" });
  writeFileSync(join(dir, "probe.mjs"), script);
  return execFileSync("node", ["probe.mjs"], { cwd: dir, encoding: "utf8" }).trim();
}

describe("selective installs", () => {
  it("@flambeau/tensor with @flambeau/backend-cpu computes without autograd", () => {
    const out = installAndRun(
      ["tensor", "backend-cpu"],
      `import * as t from "@flambeau/tensor"; import "@flambeau/backend-cpu";
       const x = t.tensor([[1, 2], [3, 4]], { dtype: "float32" });
       console.log(JSON.stringify(x.matmul(x).tolistSync()));
       try { x.requires_grad_().sum().backward(); } catch (e) { console.log(e.message.includes("@flambeau/autograd")); }`,
    );
    expect(out.split("\n")).toEqual(["[[7,10],[15,22]]", "true"]);
  }, 120_000);

  it("flambeau trains on its own", () => {
    const out = installAndRun(
      withWorkspaceDeps("flambeau"),
      `import * as torch from "flambeau";
       const w = torch.tensor([3.0], { requires_grad: true });
       w.pow(2).sum().backward();
       console.log(w.grad.itemSync());`,
    );
    expect(out).toBe("6");
  }, 300_000);
});
