// The checks of a whole lesson 5 run, on whichever device it ran (lesson.test.ts: the CPU;
// devices.test.ts: WebGPU and gpu.js). The numbers are the lesson's own results.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import * as torch from "flambeau";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { checkFigure, figureNames, LESSON_FIGURES } from "@flambeau/test-kit/lessons";
import { LinearRegressionModel, type Lesson5Results } from "../src/index.js";

type Run = NodeRunResult<Lesson5Results> & { dir: string };

const FIGURES = LESSON_FIGURES["lesson5-linear-regression-gpu"];

/** Declares the checks of a lesson 5 run made with `--device <device>`; `get` gives the run. */
export function lesson5Checks(device: string, get: () => Run): void {
  it("builds y = 2x + 1 on x = 0 … 10", () => {
    const run = get();
    expect(run.results.x_values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(run.results.y_values).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21]);
    expect(run.output).toContain("[11, 1]");
  });

  it("trains 100 epochs, printing `epoch N, loss L`, to a final loss below 0.1", () => {
    const run = get();
    const { losses } = run.results;
    expect(losses).toHaveLength(100);
    expect(losses.at(-1)!).toBeLessThan(0.1);
    const lines = run.output.filter((l) => /^epoch \d+, loss \S+$/.test(l));
    expect(lines).toHaveLength(200); // the first run and the GPU version's
    expect(lines[99]).toMatch(/^epoch 100, loss /);
  });

  it("predicts within 0.5 of 2x + 1", () => {
    get().results.predicted.forEach((p, i) => expect(Math.abs(p - (2 * i + 1))).toBeLessThan(0.5));
  });

  it("saves the state_dict with torch.save and a fresh model loads it: identical predictions", async () => {
    const run = get();
    expect(run.results.saved_to).toMatch(/awesome_model\.safetensors$/);
    expect(run.results.reloaded_predicted).toEqual(run.results.predicted);
    // The file is safetensors, so PyTorch (and a second load here, on the CPU) read the same weights.
    const bytes = readFileSync(run.results.saved_to);
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8")) as Record<string, { shape: number[] }>;
    expect(header["linear.weight"]!.shape).toEqual([1, 1]);
    expect(header["linear.bias"]!.shape).toEqual([1]);
    const again = new LinearRegressionModel(1, 1);
    again.load_state_dict(await torch.load(run.results.saved_to));
    expect(Array.from(await again(torch.tensor([[4]], { dtype: torch.float32 })).detach().data())[0]).toBeCloseTo(run.results.predicted[4]!, 6);
  });

  it(`the GPU version moves the model and tensors to ${device} and trains the same way`, () => {
    const run = get();
    expect(run.results.gpu.device).toBe(device);
    expect(run.results.gpu.losses).toHaveLength(100);
    expect(run.results.gpu.losses.at(-1)!).toBeLessThan(0.1);
    run.results.gpu.predicted.forEach((p, i) => expect(Math.abs(p - (2 * i + 1))).toBeLessThan(0.5));
    expect(run.output).toContain(`device: ${device}`);
  });

  it("plots the true data (green dots) and the predictions (dashed) with a legend", () => {
    const run = get();
    expect(figureNames(run.files)).toEqual(FIGURES);
    const fig = checkFigure(run.dir, "predictions");
    expect(fig.legend).toEqual(["True data", "Predictions"]);
    checkFigure(run.dir, "simple-linear-regression");
  });
}
