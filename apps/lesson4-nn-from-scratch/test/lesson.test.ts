// Lesson 4 end to end in Node, and the pure functions a web page's sliders use. Expected values
// come from NumPy with the same seed (np.random.seed(0); float32 data, as JAX's). The run's checks
// are in checks.ts; devices.test.ts runs them on WebGPU and gpu.js.
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "../../lesson-kit/test/helpers/run.js";
import { lesson, plot_model, SLIDERS, type Lesson4Results } from "../src/index.js";
import { lesson4Checks } from "./checks.js";

describe("lesson 4: neural networks from scratch (linear part)", () => {
  let run: NodeRunResult<Lesson4Results> & { dir: string };
  beforeAll(async () => {
    run = await runQuietly(lesson);
  });

  lesson4Checks("cpu", () => run);
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
