// Source file and folder names are kebab-case everywhere (issue 13: optim's were snake_case), so
// a file is found by one spelling of its name. PyTorch's snake_case stays in exported names only
// (`torch.optim.lr_scheduler` is exported from optim's lr-scheduler/).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

it("every TypeScript source path under packages/, apps/, bench/ and scripts/ is kebab-case", () => {
  const files = execFileSync("git", ["ls-files", "packages", "apps", "bench", "scripts"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|mts|vue)$/.test(f));
  expect(files.length).toBeGreaterThan(300);
  // Each folder below the package and the file name up to its first dot (`train-rings.test.ts`).
  const offending = files.filter((f) => f.split("/").slice(2).some((part, i, all) => !KEBAB.test(i === all.length - 1 ? part.split(".")[0]! : part)));
  expect(offending).toEqual([]);
});
