// Lesson 6 end to end in Node on the CPU, with the lesson's default training (4 epochs): the
// split, the training, >= 97% test accuracy, the confusion matrix and the misclassified digits.
// devices.test.ts runs the same lesson on WebGPU and gpu.js.
import { beforeAll, describe } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "@flambeau/test-kit/lessons";
import { lesson, type Lesson6Results } from "../src/index.js";
import { lesson6Checks } from "./checks.js";

describe("lesson 6: handwritten digits with a convolutional network (CPU)", () => {
  let run: NodeRunResult<Lesson6Results> & { dir: string };
  beforeAll(async () => {
    run = await runQuietly(lesson, { device: "cpu" });
  }, 900_000);

  lesson6Checks("cpu", () => run);
});
