// What a user of the published packages gets (DESIGN.md, decision 9; issue 12). Every package is
// packed as npm would publish it and the CPU set is installed from those tarballs alone into
// empty projects, with no registry: the CPU set has no third-party dependency, so an offline
// install that needs anything else fails. The projects then train, require() the ESM packages
// from CommonJS, and type-check the published types as a strict, DOM-free TypeScript consumer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tsc = join(root, "node_modules/typescript/bin/tsc");

/** The packages a CPU-only program installs: the facade and the six it depends on. */
const CPU_SET = ["flambeau", "@flambeau/tensor", "@flambeau/autograd", "@flambeau/backend-cpu", "@flambeau/nn", "@flambeau/optim", "@flambeau/data"];
const PUBLISHED = [...CPU_SET, "@flambeau/plotting", "@flambeau/scalar-math", "@flambeau/backend-webgpu", "@flambeau/backend-gpujs"];
const MAX_CPU_INSTALL_BYTES = 5 * 1024 * 1024;

// pnpm's bin shims (npx vitest) set NODE_PATH to the workspace's packages: a consumer must not
// see them, or a package missing from its install would still be found.
const { NODE_PATH: _workspacePaths, ...consumerEnv } = process.env;

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, env: consumerEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}${err.stderr ?? err.message}`);
  }
}

const tarballName = (name: string) => `${name.replace(/^@/, "").replace("/", "-")}-0.1.0.tgz`;

/** Installs `names` from the packed tarballs into `dir`, offline, with an empty npm cache. */
function installFromTarballs(dir: string, names: string[], type: "module" | "commonjs"): void {
  const deps = Object.fromEntries(names.map((n) => [n, `file:${join(packs, tarballName(n))}`]));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type, dependencies: deps }));
  run("npm", ["install", "--offline", "--cache", join(dir, ".npm-cache"), "--registry", "http://127.0.0.1:9/",
    "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], dir);
}

/** Package names under node_modules (scoped ones as @scope/name). */
const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function installedPackages(dir: string): string[] {
  const nm = join(dir, "node_modules");
  return readdirSync(nm).filter((e) => !e.startsWith(".")).flatMap((e) =>
    e.startsWith("@") ? readdirSync(join(nm, e)).map((s) => `${e}/${s}`) : [e]).sort();
}

function bytesUnder(path: string): number {
  const st = lstatSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, e) => sum + bytesUnder(join(path, e)), 0);
}

// A tiny regression trained with the facade's nn, optim and data: y = 2x + 1.
const TRAIN = `
torch.manual_seed(0);
const x = torch.arange(0, 16, { dtype: torch.float32 }).reshape(-1, 1).div(16);
const y = x.mul(2).add(1);
const model = new torch.nn.Linear(1, 1);
const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.5 });
const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(x, y), { batch_size: 4, shuffle: true });
const lossFn = new torch.nn.MSELoss();
for (let epoch = 0; epoch < 150; epoch++)
  for (const [xb, yb] of loader) {
    optimizer.zero_grad();
    lossFn(model(xb), yb).backward();
    optimizer.step();
  }
let plotting = "";
try { torch.plotting.pyplot; } catch (e) { plotting = e.message; }
console.log(JSON.stringify({ w: model.weight.itemSync(), b: model.bias.itemSync(), plotting }));
`;

function expectTrained(out: string): void {
  const result = JSON.parse(out.trim().split("\n").pop()!);
  expect(result.w).toBeCloseTo(2, 2);
  expect(result.b).toBeCloseTo(1, 2);
  expect(result.plotting).toMatch(/torch\.plotting\.pyplot: .*@flambeau\/plotting is not installed.*npm i @flambeau\/plotting/);
}

let packs: string;
let project: string;

beforeAll(() => {
  packs = tempDir("flambeau-packs-");
  // pnpm pack turns workspace:* into the versions a registry would hold.
  const filters = PUBLISHED.flatMap((n) => ["--filter", n]);
  run("pnpm", [...filters, "-r", "pack", "--pack-destination", packs], root);
  project = tempDir("flambeau-consumer-");
  installFromTarballs(project, CPU_SET, "module");
}, 300_000);

describe("the packed packages", () => {
  it("each carries its LICENSE, a README, repository, engines and the MIT license", () => {
    for (const name of PUBLISHED) {
      const tarball = join(packs, tarballName(name));
      const files = run("tar", ["-tzf", tarball], packs).split("\n");
      expect(files, name).toContain("package/LICENSE");
      expect(files, name).toContain("package/README.md");
      const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], packs));
      expect(manifest.license, name).toBe("MIT");
      expect(manifest.repository?.directory, name).toMatch(/^packages\//);
      expect(manifest.engines?.node, name).toBe(">=20.19");
      for (const [subpath, entry] of Object.entries<Record<string, string>>(manifest.exports)) {
        expect(entry.default, `${name} ${subpath}`).toBe(entry.import);
        expect(entry.types, `${name} ${subpath}`).toMatch(/\.d\.ts$/);
      }
      // workspace: ranges must not leak into what is published.
      expect(JSON.stringify(manifest), name).not.toContain("workspace:");
    }
  });
});

describe("a CPU-only install of flambeau", () => {
  it("holds the CPU set and nothing else: no plotting, no GPU backend, no third-party package", () => {
    expect(installedPackages(project)).toEqual([...CPU_SET].sort());
  });

  it(`is at most ${MAX_CPU_INSTALL_BYTES / 1024 / 1024} MB`, () => {
    const bytes = bytesUnder(join(project, "node_modules"));
    expect(bytes).toBeGreaterThan(100_000); // the packages are really there
    expect(bytes).toBeLessThanOrEqual(MAX_CPU_INSTALL_BYTES);
  });

  it("trains a model from an ES module, and torch.plotting says what to install", () => {
    writeFileSync(join(project, "train.mjs"), `import * as torch from "flambeau";\n${TRAIN}`);
    expectTrained(run("node", ["train.mjs"], project));
  }, 60_000);

  it("trains a model through require() from CommonJS", () => {
    writeFileSync(join(project, "train.cjs"), `const torch = require("flambeau");\n${TRAIN}`);
    expectTrained(run("node", ["train.cjs"], project));
  }, 60_000);

  it("serves @flambeau/tensor/internal to import and require(), one module graph with the public entry", () => {
    const probe = `const x = torch.ones([2], { requires_grad: true }).mul(2);
console.log(JSON.stringify({ storage: x._storage instanceof internal.Storage, node: x.grad_fn instanceof internal.Node,
  cpu: internal.getBackend("cpu").name, onFacade: ["record", "Storage", "registerBackend"].filter((n) => n in torch) }));`;
    writeFileSync(join(project, "internal.mjs"), `import * as torch from "flambeau";\nimport * as internal from "@flambeau/tensor/internal";\n${probe}`);
    writeFileSync(join(project, "internal.cjs"), `const torch = require("flambeau");\nconst internal = require("@flambeau/tensor/internal");\n${probe}`);
    const expected = { storage: true, node: true, cpu: "cpu", onFacade: [] };
    expect(JSON.parse(run("node", ["internal.mjs"], project))).toEqual(expected);
    expect(JSON.parse(run("node", ["internal.cjs"], project))).toEqual(expected);
  }, 60_000);

  it("type-checks as a strict TypeScript ES module with lib ES2022, no DOM and no skipLibCheck", () => {
    // No @types/node either: the published types must not need it. The consumer declares the
    // one global it uses.
    writeFileSync(join(project, "consumer.ts"), `import * as torch from "flambeau";
declare const console: { log(...args: unknown[]): void };
${TRAIN.replace("catch (e) { plotting = e.message; }", "catch (e) { plotting = (e as Error).message; }")
  .replace("try { torch.plotting.pyplot; }", "// @ts-expect-error plotting's types join torch.plotting only where it is installed\ntry { torch.plotting.pyplot; }")
  .replace("model.bias.itemSync()", "model.bias!.itemSync()")}
const t: torch.Tensor = torch.ones([2, 2]);
t.dispose();
// The internal subpath's types resolve through its own "types" condition.
export type BackendName = import("@flambeau/tensor/internal").Backend["name"];
const net: torch.nn.Module = new torch.nn.Sequential(new torch.nn.Linear(2, 4), new torch.nn.ReLU(), new torch.nn.Linear(4, 1));
const out: torch.Tensor = net(torch.randn([3, 2]));
export const shape: readonly number[] = out.shape;
`);
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
      compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], types: [], module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, noEmit: true },
      files: ["consumer.ts"],
    }));
    run("node", [tsc, "-p", "tsconfig.json"], project);
  }, 180_000);

  it("compiles as a TypeScript project with type commonjs, and the output runs", () => {
    const cjs = join(project, "cjs");
    mkdirSync(cjs, { recursive: true });
    writeFileSync(join(cjs, "package.json"), JSON.stringify({ name: "cjs-consumer", private: true, type: "commonjs" }));
    writeFileSync(join(cjs, "main.ts"), `import * as torch from "flambeau";
declare const console: { log(...args: unknown[]): void };
const x = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32, requires_grad: true });
x.matmul(x).sum().backward();
console.log(JSON.stringify(x.grad!.tolistSync()));
`);
    writeFileSync(join(cjs, "tsconfig.json"), JSON.stringify({
      compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], types: [], module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, esModuleInterop: true, outDir: "out" },
      files: ["main.ts"],
    }));
    run("node", [tsc, "-p", "tsconfig.json"], cjs);
    // The compiler wrote require("flambeau"), not an import: it is really the CommonJS path.
    expect(run("cat", ["out/main.js"], cjs)).toMatch(/require\("flambeau"\)/);
    expect(run("node", ["out/main.js"], cjs).trim()).toBe("[[7,11],[9,13]]");
  }, 180_000);
});

describe("a selective install", () => {
  it("@flambeau/tensor with @flambeau/backend-cpu computes without autograd", () => {
    const dir = tempDir("flambeau-tensor-only-");
    installFromTarballs(dir, ["@flambeau/tensor", "@flambeau/backend-cpu"], "module");
    writeFileSync(join(dir, "probe.mjs"), `import * as t from "@flambeau/tensor"; import "@flambeau/backend-cpu";
       const x = t.tensor([[1, 2], [3, 4]], { dtype: "float32" });
       console.log(JSON.stringify(x.matmul(x).tolistSync()));
       try { x.requires_grad_().sum().backward(); } catch (e) { console.log(e.message.includes("@flambeau/autograd")); }`);
    expect(run("node", ["probe.mjs"], dir).trim().split("\n")).toEqual(["[[7,10],[15,22]]", "true"]);
  }, 120_000);
});
