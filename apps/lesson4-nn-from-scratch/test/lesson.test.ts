// Lesson 4 end to end in Node, and the pure functions a web page's sliders use. Expected values
// come from NumPy with the same seed (np.random.seed(0); float32 data, as JAX's).
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { checkFigure, figureNames } from "../../lesson-kit/test/helpers/files.js";
import { runQuietly } from "../../lesson-kit/test/helpers/run.js";
import { lesson, plot_model, SLIDERS, type Lesson4Results } from "../src/index.js";

describe("lesson 4: neural networks from scratch (linear part)", () => {
  let run: NodeRunResult<Lesson4Results> & { dir: string };
  beforeAll(async () => {
    run = await runQuietly(lesson);
  });

  it("the bad guess w = -5, b = 3 has the MSE of the lesson's data", () => {
    expect(run.results.bad_guess).toMatchObject({ w: -5, b: 3 });
    expect(run.results.bad_guess.mse).toBeCloseTo(705.09644, 3);
    expect(run.output).toContain("tensor(705.0965)");
  });

  it("by hand: the sliders' start and a good guess, titled MSE: …", () => {
    expect(run.results.by_hand).toEqual([
      { w: 0, b: 0, title: "MSE: 436.41" },
      { w: 2, b: 20, title: "MSE: 1.02" },
    ]);
    const fig = checkFigure(run.dir, "optimize-by-hand");
    expect(fig.titles).toEqual(["MSE: 436.41"]);
  });

  it("torch.func.grad gives the gradient of mseloss at w = 0.3, b = 0.5", () => {
    expect(run.results.gradient_example.w).toBeCloseTo(-28.400166, 3);
    expect(run.results.gradient_example.b).toBeCloseTo(-39.119617, 3);
  });

  it("gradient descent recovers w_true = 2 and b_true = 20", () => {
    const { theta, truth, losses } = run.results;
    // NumPy's float64 run of the same 3000 steps from the same start.
    expect(theta.w).toBeCloseTo(1.970267, 3);
    expect(theta.b).toBeCloseTo(20.007062, 2);
    expect(Math.abs(theta.w - truth.w)).toBeLessThan(0.1);
    expect(Math.abs(theta.b - truth.b)).toBeLessThan(0.1);
    expect(losses).toHaveLength(3000);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    expect(losses.at(-1)!).toBeCloseTo(1.0110927, 2);
  });

  it("writes every figure as a valid SVG and PNG", () => {
    expect(figureNames(run.files)).toEqual([
      "ground-truth",
      "bad-model",
      "optimize-by-hand",
      "optimize-by-hand-good-guess",
      "loss-over-time",
      "optimized-model",
    ]);
    for (const name of figureNames(run.files)) checkFigure(run.dir, name);
    expect(checkFigure(run.dir, "bad-model").legend).toEqual(["bad model", "data"]);
  });
});

describe("lesson 4's sliders (the web page's pure functions)", () => {
  let data: Lesson4Results["data"];
  beforeAll(async () => {
    data = (await runQuietly(lesson)).results.data;
  });

  it("spans w ∈ [-10, 10] and b ∈ [-10, 30], starting at 0", () => {
    expect(SLIDERS.w).toMatchObject({ value: 0, min: -10, max: 10 });
    expect(SLIDERS.b).toMatchObject({ value: 0, min: -10, max: 30 });
  });

  it("plot_model redraws the line with the MSE of each slider position in the title", async () => {
    const cases: [number, number, string][] = [
      [-10, 30, "MSE: 1318.00"],
      [10, -10, "MSE: 1452.76"],
      [2.5, 19.5, "MSE: 3.71"],
    ];
    for (const [w, b, title] of cases) {
      const drawn = await plot_model(data.x, data.y, w, b);
      expect(drawn.title).toBe(title);
      const svg = await drawn.figure.toSVG();
      expect(svg).toContain(title);
    }
  });
});
