// The checks of a whole lesson 4 run, on whichever device it ran (lesson.test.ts: the CPU;
// devices.test.ts: WebGPU and gpu.js). Expected values come from NumPy with the same seed
// (np.random.seed(0); float32 data, as JAX's); the numbers are the lesson's own results.
import { expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { checkFigure, figureNames, LESSON_FIGURES } from "@flambeau/test-kit/lessons";
import type { Lesson4Results } from "../src/index.js";

const FIGURES = LESSON_FIGURES["lesson4-nn-from-scratch"];

/** Declares the checks of a lesson 4 run made with `--device <device>`; `get` gives the run. */
export function lesson4Checks(device: string, get: () => NodeRunResult<Lesson4Results> & { dir: string }): void {
  // PyTorch's repr names the device of a tensor that is not on the CPU.
  const on = device === "cpu" ? "" : `, device='${device}'`;

  it("the bad guess w = -5, b = 3 has the MSE of the lesson's data", () => {
    const run = get();
    expect(run.results.bad_guess).toMatchObject({ w: -5, b: 3 });
    expect(run.results.bad_guess.mse).toBeCloseTo(705.09644, 3);
    expect(run.output).toContain(`tensor(705.0965${on})`);
  });

  it("by hand: the sliders' start and a good guess, titled MSE: …", () => {
    const run = get();
    expect(run.results.by_hand).toEqual([
      { w: 0, b: 0, title: "MSE: 436.41" },
      { w: 2, b: 20, title: "MSE: 1.02" },
    ]);
    const fig = checkFigure(run.dir, "optimize-by-hand");
    expect(fig.titles).toEqual(["MSE: 436.41"]);
  });

  it("torch.func.grad gives the gradient of mseloss at w = 0.3, b = 0.5", () => {
    const run = get();
    expect(run.results.gradient_example.w).toBeCloseTo(-28.400166, 3);
    expect(run.results.gradient_example.b).toBeCloseTo(-39.119617, 3);
    expect(run.output).toContain(`{'w': tensor(-28.4002${on}), 'b': tensor(-39.1196${on})}`);
  });

  it("gradient descent recovers w_true = 2 and b_true = 20", () => {
    const run = get();
    const { theta, truth, losses } = run.results;
    // NumPy's float64 run of the same 3000 steps from the same start.
    expect(theta.w).toBeCloseTo(1.970267, 3);
    expect(theta.b).toBeCloseTo(20.007062, 2);
    expect(Math.abs(theta.w - truth.w)).toBeLessThan(0.1);
    expect(Math.abs(theta.b - truth.b)).toBeLessThan(0.1);
    expect(losses).toHaveLength(3000);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    expect(losses.at(-1)!).toBeCloseTo(1.0110927, 2);
    expect(run.output).toContain(`{'w': tensor(1.9703${on}), 'b': tensor(20.0071${on})}`);
  });

  it("writes every figure as a valid SVG and PNG", () => {
    const run = get();
    expect(figureNames(run.files)).toEqual(FIGURES);
    for (const name of figureNames(run.files)) checkFigure(run.dir, name);
    expect(checkFigure(run.dir, "bad-model").legend).toEqual(["bad model", "data"]);
  });
}
