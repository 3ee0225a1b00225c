// Lesson 5 end to end in Node: training on the CPU, the figure, the state dict saved with
// torch.save and loaded into a fresh model, and the GPU version on whatever device is picked
// (here --device cpu; devices.test.ts runs the lesson on WebGPU and gpu.js).
import { beforeAll, describe } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "@flambeau/test-kit/lessons";
import { lesson, type Lesson5Results } from "../src/index.js";
import { lesson5Checks } from "./checks.js";

describe("lesson 5: linear regression with PyTorch (CPU and GPU)", () => {
  let run: NodeRunResult<Lesson5Results> & { dir: string };
  beforeAll(async () => {
    run = await runQuietly(lesson, { device: "cpu" });
  });

  lesson5Checks("cpu", () => run);
});
