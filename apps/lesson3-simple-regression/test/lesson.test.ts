// Lesson 3 end to end in Node: the loss comes down, the line lands near the true one, and the
// lecture's detach lesson holds (checks.ts; devices.test.ts runs the same checks on WebGPU and
// gpu.js).
import { beforeAll, describe } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "@flambeau/test-kit/lessons";
import { lesson, type Lesson3Results } from "../src/index.js";
import { lesson3Checks } from "./checks.js";

describe("lesson 3: simple linear regression in code", () => {
  let run: NodeRunResult<Lesson3Results> & { dir: string };
  beforeAll(async () => {
    run = await runQuietly(lesson);
  });

  lesson3Checks(() => run);
});
