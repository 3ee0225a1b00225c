// Lesson 6 end to end in Node on the CPU, with the lesson's default training (4 epochs): the
// split, the training, >= 97% test accuracy, the confusion matrix and the misclassified digits.
// devices.test.ts runs the same lesson on WebGPU and gpu.js. The run draws its progress bar on a
// (stand-in) terminal, as `pnpm demo 6` does in a shell.
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { fakeTerminal, runQuietly } from "@flambeau/test-kit/lessons";
import { lesson, type Lesson6Results } from "../src/index.js";
import { lesson6Checks } from "./checks.js";

describe("lesson 6: handwritten digits with a convolutional network (CPU)", () => {
  let run: NodeRunResult<Lesson6Results> & { dir: string };
  const terminal = fakeTerminal();
  beforeAll(async () => {
    run = await runQuietly(lesson, { device: "cpu", stderr: terminal });
  }, 900_000);

  lesson6Checks("cpu", () => run);

  it("shows a progress bar over the 4 × 250 training steps, with the loss, on a terminal", () => {
    const frames = terminal.text().match(/training \[[^\]]*\] \d+\/1000 \| loss \d\.\d+/g) ?? [];
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.at(-1)).toMatch(/ 1000\/1000 /);
  });
});
