// CI runs `.ci/run` on a clean clone; these checks keep that run equal to what the README tells a
// new user to type, so a green CI means the README's commands work on a fresh machine.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const commands = (script: string) =>
  script.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#") && !/^(set|cd) /.test(l));

describe("the README's commands are what CI runs", () => {
  const readme = read("README.md");
  const testCommand = readme.split("\n").find((l) => l.startsWith("npm i -g pnpm@") && l.endsWith("pnpm test"));

  it("the README gives one install-and-test command", () => {
    expect(testCommand).toBeDefined();
  });

  it(".ci/run runs that command and nothing else", () => {
    expect(commands(read(".ci/run"))).toEqual([testCommand]);
  });

  it("pnpm installs gl's build tools before any dependency is built", () => {
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    // pnpm:devPreinstall runs before dependencies install; plain preinstall runs after them.
    expect(pkg.scripts["pnpm:devPreinstall"]).toBe("bash scripts/native-build-deps.sh");
    const deps = read("scripts/native-build-deps.sh");
    for (const p of ["libxi-dev", "g++", "make", "python3", "pkg-config"]) expect(deps).toContain(p);
  });

  it("pnpm test repairs a gl the install could not build", () => {
    expect(read("package.json")).toContain('"test": "bash scripts/system-deps.sh &&');
    expect(read("scripts/system-deps.sh")).toMatch(/require\("gl"\)[\s\S]*pnpm rebuild gl/);
  });
});
