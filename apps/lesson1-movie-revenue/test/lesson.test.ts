// Lesson 1 end to end in Node: every number of shared/lessons/README.md, read from the lesson's
// own results and printed output, and every figure it writes (checks.ts; devices.test.ts runs
// the same checks on WebGPU and gpu.js).
import { beforeAll, describe } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "@flambeau/test-kit/lessons";
import { lesson, type Lesson1Results } from "../src/index.js";
import { lesson1Checks } from "./checks.js";

describe("lesson 1: from linear regression to deep learning", () => {
  let run: NodeRunResult<Lesson1Results> & { dir: string };
  beforeAll(async () => {
    run = await runQuietly(lesson);
  });

  lesson1Checks(() => run);
});
