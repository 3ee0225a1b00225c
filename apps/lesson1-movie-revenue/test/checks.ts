// The checks of a whole lesson 1 run, on whichever device it ran (lesson.test.ts: the CPU;
// devices.test.ts: WebGPU and gpu.js): every number of shared/lessons/README.md, read from the
// lesson's own results and printed output, and every figure it writes.
import { expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { checkFigure, figureNames, LESSON_FIGURES, SMALL_DATASET_PPRINT } from "@flambeau/test-kit/lessons";
import type { Lesson1Results } from "../src/index.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const FIGURES = LESSON_FIGURES["lesson1-movie-revenue"];

/** Declares the checks of a lesson 1 run on any device; `get` gives the run. */
export function lesson1Checks(get: () => NodeRunResult<Lesson1Results> & { dir: string }): void {
  it("m_b_data(1.5, 20, [0, 50, 100]) gives y = [20, 95, 170]", () => {
    const run = get();
    expect(run.results.m_b_data_example).toEqual({ x: [0, 50, 100], y: [20, 95, 170] });
  });

  it("draws NumPy's exact stream for the synthetic dataset (10, 1.5, 10, 0.5)", () => {
    const run = get();
    const expected = [10.27132064, 11.02075195, 13.13364823, 14.74880388, 15.99850701,
      17.22479665, 18.69806286, 20.76053071, 21.66911084, 23.08833981];
    expect(run.results.small_dataset_y).toHaveLength(10);
    run.results.small_dataset_y.forEach((y, i) => expect(y).toBeCloseTo(expected[i]!, 8));
  });

  it("pprints the small dataset exactly as the lesson shows it", () => {
    const run = get();
    expect(run.output).toContain(SMALL_DATASET_PPRINT);
  });

  it("Adam converges to the least-squares line m = 1.48806, b = 10.2981, loss = 3012.60", () => {
    const run = get();
    expect(Math.abs(run.results.m - 1.48806)).toBeLessThan(1e-3);
    expect(Math.abs(run.results.b - 10.2981)).toBeLessThan(1e-2);
    expect(rel(run.results.loss, 3012.6)).toBeLessThan(1e-4);
    expect(run.results.losses).toHaveLength(3000);
  });

  it("prints a line every 100 epochs, as the lesson does", () => {
    const run = get();
    const lines = run.output.filter((l) => /^e = \d+, loss = [\d.]+, m = [\d.-]+, b = [\d.-]+$/.test(l));
    expect(lines).toHaveLength(30);
    expect(lines[0]).toMatch(/^e = 100, /);
    expect(lines.at(-1)).toMatch(/^e = 3000, loss = 3012\.6/);
  });

  it("predicts $11.79 at budget 1 and $99.58 at budget 60", () => {
    const run = get();
    expect(Math.abs(run.results.predictions.budget_1 - 11.79)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(run.results.predictions.budget_60 - 99.58)).toBeLessThanOrEqual(0.03);
    expect(run.output).toContain("Predicts revenue when budget is 1 (in millions): $11.79");
    expect(run.output).toContain("Predicts revenue when budget is 60 (in millions): $99.58");
  });

  it("prints the answers of the f(x) exercises", () => {
    const run = get();
    expect(run.output).toContain("When movie budget is $25, the expected movie revenue is $25 (in millions).");
    expect(run.output).toContain("When movie budget is $25, the expected movie revenue is $50 (in millions).");
    expect(run.output).toContain("When movie budget is $25, the expected movie revenue is $100 (in millions).");
  });

  it("continues NumPy's stream for the comedy dataset and fits its least-squares line", () => {
    const run = get();
    // NumPy: seed(10), 100 draws for the movies, then these (np.polyfit gives the line).
    const { comedy } = run.results;
    expect(comedy.y[0]).toBeCloseTo(21.5627286, 6);
    expect(comedy.y[1]).toBeCloseTo(28.57867501, 6);
    expect(comedy.y[99]).toBeCloseTo(160.36880753887533, 8);
    expect(Math.abs(comedy.m - 1.4982073804652212)).toBeLessThan(1e-3);
    expect(Math.abs(comedy.b - 19.263935424113093)).toBeLessThan(1e-2);
    expect(rel(comedy.loss, 2998.3517362130215)).toBeLessThan(1e-4);
  });

  it("writes every figure as a valid SVG and PNG, titled as in the lesson", () => {
    const run = get();
    const names = figureNames(run.files);
    expect(names).toEqual(FIGURES);
    const figs = names.map((n) => checkFigure(run.dir, n));
    expect(figs[0]!.titles.join(" ")).toBe("Movie Budget and Revenue (in millions)");
    expect(figs[1]!.legend).toEqual(["increased estimated revenue", "estimated revenue"]);
    expect(figs[3]!.legend).toEqual(["synthetic movie revenue vs budget data", "estimated line of best fit"]);
    expect(figs[4]!.titles.join(" ")).toBe("School comedy show attendance vs budget");
    for (const f of figs) expect([f.width, f.height]).toEqual([700, 450]);
  });
}
