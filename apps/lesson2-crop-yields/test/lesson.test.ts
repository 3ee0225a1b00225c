// Lesson 2 end to end in Node. Started from the weights the lesson printed, every number of the
// "from scratch" part is the lesson's (relative 1e-3); the built-in part lands in its bands
// (checks.ts; devices.test.ts runs the same checks on WebGPU and gpu.js).
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "@flambeau/test-kit/lessons";
import { lesson, type Lesson2Results } from "../src/index.js";
import { lesson2Checks } from "./checks.js";

describe("lesson 2: gradient descent and linear regression (crop yields)", () => {
  let run: NodeRunResult<Lesson2Results>;
  beforeAll(async () => {
    run = await runQuietly(lesson, { options: { startFromLessonValues: true } });
  });

  lesson2Checks("cpu", () => run);

  it("by default starts from torch.randn (the lesson's own code path)", async () => {
    const fresh = await runQuietly(lesson);
    expect(Math.abs(fresh.results.from_scratch.loss - 14603)).toBeGreaterThan(1);
    const p = fresh.results.builtins.prediction[0]!;
    expect(Math.abs(p[0]! - 53)).toBeLessThanOrEqual(10);
    expect(Math.abs(p[1]! - 67)).toBeLessThanOrEqual(10);
  });
});
