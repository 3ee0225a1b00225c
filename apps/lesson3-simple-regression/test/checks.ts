// The checks of a whole lesson 3 run, on whichever device it ran (lesson.test.ts: the CPU;
// devices.test.ts: WebGPU and gpu.js): the loss comes down, the line lands near the true one,
// and the lecture's detach lesson holds. The numbers are the lesson's own results.
import { expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { checkFigure, figureNames, LESSON_FIGURES } from "@flambeau/test-kit/lessons";
import type { Lesson3Results } from "../src/index.js";

const FIGURES = LESSON_FIGURES["lesson3-simple-regression"];

/** Declares the checks of a lesson 3 run on any device; `get` gives the run. */
export function lesson3Checks(get: () => NodeRunResult<Lesson3Results> & { dir: string }): void {
  it("makes N = 20 points with X in (-5, 5)", () => {
    const run = get();
    expect(run.results.X).toHaveLength(20);
    expect(run.results.Y).toHaveLength(20);
    for (const x of run.results.X) expect(Math.abs(x)).toBeLessThan(5);
  });

  it("trains 30 epochs, printing iteration and loss, the loss steadily decreasing", () => {
    const run = get();
    const { losses } = run.results;
    expect(losses).toHaveLength(30);
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1]!);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 2);
    const lines = run.output.filter((l) => /^Epoch \d+\/30, Loss: \d+\.\d{4}$/.test(l));
    expect(lines).toHaveLength(30);
    expect(lines[29]).toBe(`Epoch 30/30, Loss: ${losses[29]!.toFixed(4)}`);
  });

  it("lands near the true slope 0.5 and intercept -1 (±0.35)", () => {
    const run = get();
    expect(Math.abs(run.results.w - 0.5)).toBeLessThanOrEqual(0.35);
    expect(Math.abs(run.results.b + 1)).toBeLessThanOrEqual(0.35);
  });

  it("the predictions are the fitted line", () => {
    const run = get();
    const { X, predicted, w, b } = run.results;
    predicted.forEach((p, i) => expect(p).toBeCloseTo(w * X[i]! + b, 4));
  });

  it("numpy() on a tensor that requires grad tells the user to detach() first; no_grad works too", () => {
    const run = get();
    expect(run.results.detach_error).toMatch(/requires grad/);
    expect(run.results.detach_error).toMatch(/detach\(\)/);
    expect(run.output).toContain(`RuntimeError: ${run.results.detach_error}`);
    expect(run.results.no_grad_requires_grad).toBe(false);
  });

  it("plots the data, the loss per iteration and the fitted line", () => {
    const run = get();
    expect(figureNames(run.files)).toEqual(FIGURES);
    const fitted = checkFigure(run.dir, "fitted-line");
    expect(fitted.legend).toEqual(["Original data", "Fitted line"]);
    expect([fitted.width, fitted.height]).toEqual([640, 480]);
    checkFigure(run.dir, "data");
    checkFigure(run.dir, "loss-per-iteration");
  });
}
