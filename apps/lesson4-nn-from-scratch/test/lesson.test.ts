// Lesson 4 end to end in Node, and the pure functions a web page's sliders use. Expected values
// come from NumPy with the same seed (np.random.seed(0); float32 data, as JAX's). The run's checks
// are in checks.ts; devices.test.ts runs them on WebGPU and gpu.js.
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "@flambeau/test-kit/lessons";
import * as torch from "flambeau";
import { lesson, linear_params, model_optimization_loop, plot_model, SLIDERS, type Lesson4Results } from "../src/index.js";
import { lesson4Checks } from "./checks.js";

// One run of the lesson for every block below.
let run: NodeRunResult<Lesson4Results> & { dir: string };
let data: Lesson4Results["data"];
beforeAll(async () => {
  run = await runQuietly(lesson);
  data = run.results.data;
}, 60_000);

describe("lesson 4: neural networks from scratch (linear part)", () => {
  lesson4Checks("cpu", () => run);
});

describe("lesson 4's sliders (the web page's pure functions)", () => {

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

// The page's "Let gradient descent finish the job" starts from the sliders, whose values are
// often whole numbers (their start is 0, 0): θ must still be float, as the workshop's floats are.
describe("lesson 4's gradient descent from the sliders' positions", () => {

  // The same descent in float64 on plain arrays: d/dw mean((y - wx - b)²) = -2 mean(x (y - wx - b)).
  async function reference(w: number, b: number, steps: number, lr: number): Promise<[number, number]> {
    const x = Array.from(await data.x.data());
    const y = Array.from(await data.y.data());
    for (let i = 0; i < steps; i++) {
      const r = x.map((xi, k) => y[k]! - w * xi - b);
      const dw = (-2 * r.reduce((s, rk, k) => s + rk * x[k]!, 0)) / x.length;
      const db = (-2 * r.reduce((s, rk) => s + rk, 0)) / x.length;
      w -= lr * dw;
      b -= lr * db;
    }
    return [w, b];
  }

  it("linear_params makes float32 tensors from whole numbers", () => {
    const theta = linear_params(0, 3);
    expect([theta.w.dtype, theta.b.dtype]).toEqual([torch.float32, torch.float32]);
  });

  for (const [w0, b0] of [[SLIDERS.w.value, SLIDERS.b.value], [-5, 3], [10, -10]] as const) {
    it(`model_optimization_loop from w = ${w0}, b = ${b0} follows gradient descent and nears w = 2, b = 20`, async () => {
      const [losses, theta] = await model_optimization_loop(linear_params(w0, b0), data.x, data.y, 3000, 0.001);
      const [w, b] = [await theta.w.item(), await theta.b.item()];
      const [rw, rb] = await reference(w0, b0, 3000, 0.001);
      expect(Math.abs(w - rw)).toBeLessThan(1e-3);
      expect(Math.abs(b - rb)).toBeLessThan(1e-3);
      expect(Math.abs(w - 2)).toBeLessThan(0.1);
      expect(Math.abs(b - 20)).toBeLessThan(0.1);
      expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    });
  }
});
