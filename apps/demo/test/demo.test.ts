// `pnpm demo` as a user runs it (the README's main-job command): all six lessons on the CPU,
// what they print on stdout, every figure written to out/<lesson>/ as a valid SVG and PNG; and
// `pnpm demo 5 --device webgpu`, which must find @flambeau/backend-webgpu and Dawn's adapter.
// Lesson 6 trains one epoch here (`--epochs 1`, a quarter of its ~2 minutes on the CPU): its
// default four epochs and their >= 97% test accuracy are checked once, by apps/lesson6-digits'
// own test, which CI runs anyway; this one checks that the demo runs it, prints what it prints
// and writes its figures.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "@flambeau/lesson-kit/node";
import { checkFigure, LESSON_FIGURES as FIGURES } from "@flambeau/test-kit/lessons";
import { LESSONS } from "../src/lessons.js";

const root = resolve(import.meta.dirname, "../../..");

/** Runs `pnpm demo <args> --out <a new folder>` as a user does; resolves to its stdout and the folder. */
async function demo(args: string[]): Promise<{ stdout: string; out: string }> {
  const out = mkdtempSync(join(tmpdir(), "demo-"));
  const run = await promisify(execFile)("pnpm", ["demo", ...args, "--out", out], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: run.stdout, out };
}

describe("pnpm demo", () => {
  let stdout = "";
  let out = "";
  beforeAll(async () => {
    ({ stdout, out } = await demo(["--device", "cpu", "--epochs", "1"]));
  }, 600_000);

  it("runs the six lessons in order and says how long they took", () => {
    const headers = [...stdout.matchAll(/^━━ Lesson (\d): /gm)].map((m) => Number(m[1]));
    expect(headers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stdout).toMatch(/^\(lesson 6 on cpu: \d+\.\d s, 4 files in .*\/lesson6-digits\/\)$/m);
    expect(stdout).toMatch(/^6 lessons in \d+\.\d s$/m);
  });

  it("prints what the lessons print", () => {
    expect(stdout).toContain("Predicts revenue when budget is 60 (in millions): $99.58");
    expect(stdout).toMatch(/^Epoch \[500\/500\], Loss: \d+\.\d{4}$/m);
    expect(stdout).toMatch(/^Epoch 30\/30, Loss: \d+\.\d{4}$/m);
    expect(stdout).toContain("tensor(705.0965)");
    expect(stdout).toMatch(/^epoch 100, loss \S+$/m);
    // Lesson 6, one epoch of its CNN: already most of the test digits right.
    expect(stdout).toContain("train: 8000, test: 2000");
    expect(stdout).toMatch(/^Epoch 1\/1: train loss \d\.\d{4}, test loss \d\.\d{4}, test accuracy \d+\.\d\d%$/m);
    const [, correct, percent] = /^Test set: Accuracy: (\d+)\/2000 \((\d+\.\d\d)%\)$/m.exec(stdout)!;
    expect(Number(correct) / 2000).toBeGreaterThanOrEqual(0.9);
    expect(Number(percent)).toBeCloseTo(Number(correct) / 20, 2);
    expect(stdout).toContain(`${2000 - Number(correct)} test digits are misclassified; the first 12:`);
  });

  it("writes every figure to out/<lesson>/ as a valid SVG and PNG, and lesson 5's model", () => {
    for (const [dir, names] of Object.entries(FIGURES)) {
      const files = readdirSync(join(out, dir)).filter((f) => /\.(svg|png)$/.test(f));
      expect(files.sort()).toEqual(names.flatMap((n) => [`${n}.png`, `${n}.svg`]).sort());
      for (const name of names) {
        const fig = checkFigure(join(out, dir), name);
        expect(fig.width).toBeGreaterThan(100);
      }
    }
    expect(existsSync(join(out, "lesson5-linear-regression-gpu", "awesome_model.safetensors"))).toBe(true);
  });
});

describe("pnpm demo 5 --device webgpu", () => {
  it("runs lesson 5 on WebGPU through the command line and says so", async () => {
    const { stdout, out } = await demo(["5", "--device", "webgpu"]);
    expect([...stdout.matchAll(/^━━ Lesson (\d): /gm)].map((m) => Number(m[1]))).toEqual([5]);
    expect(stdout).toContain("device: webgpu");
    expect(stdout).toContain("tensor([[2.0140]], device='webgpu')");
    expect(stdout).toMatch(/^epoch 100, loss 0\.0\d+/m);
    expect(stdout).toMatch(/^\(lesson 5 on webgpu: \d+\.\d s, 5 files in .*\/lesson5-linear-regression-gpu\/\)$/m);
    // Dawn here runs on Mesa's lavapipe (llvmpipe): Node keeps it, and says it is software.
    expect(stdout).toMatch(/^\(note: 'webgpu' here is a software rasteriser, llvmpipe: it runs on the CPU, slower than a GPU\)$/m);
    expect(stdout).toMatch(/^1 lesson in \d+\.\d s$/m);
    for (const name of FIGURES["lesson5-linear-regression-gpu"]!) checkFigure(join(out, "lesson5-linear-regression-gpu"), name);
    expect(existsSync(join(out, "lesson5-linear-regression-gpu", "awesome_model.safetensors"))).toBe(true);
  }, 300_000);
});

describe("the demo's command line", () => {
  afterEach(() => vi.restoreAllMocks());

  it("runs one lesson by number", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await main(LESSONS, ["2", "--out", mkdtempSync(join(tmpdir(), "demo-"))])).toBe(0);
    expect(log.mock.calls.map((c) => String(c[0])).filter((l) => l.includes("━━ Lesson"))).toHaveLength(1);
    expect(stdout).toHaveBeenCalled();
  });

  it("refuses unknown lessons and devices with a usage message", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await main(LESSONS, ["9"])).toBe(2);
    expect(String(error.mock.calls[0]![0])).toMatch(/no lesson 9: choose from 1, 2, 3, 4, 5, 6/);
    expect(await main(LESSONS, ["--device", "cuda"])).toBe(2);
    expect(String(error.mock.calls[1]![0])).toMatch(/--device must be cpu, webgpu, gpujs or gpu, got .cuda.\n\nusage: /);
  });
});
