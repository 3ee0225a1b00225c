// The lesson on the gpu.js device (its JavaScript fallback where Node has no X display): the
// same exact numbers as on the CPU, read back asynchronously.
import { describe, expect, it } from "vitest";
import { runQuietly } from "../../lesson-kit/test/helpers/run.js";
import { lesson } from "../src/index.js";

describe("lesson 2 on --device gpujs", () => {
  it("reproduces the lesson's numbers", async () => {
    const run = await runQuietly(lesson, { device: "gpujs", options: { startFromLessonValues: true } });
    expect(run.device.type).toBe("gpujs");
    const s = run.results.from_scratch;
    for (const [actual, expected] of [[s.loss, 14603], [s.loss_after_one_step, 10696], [s.loss_after_two_steps, 8052.7], [s.loss_after_100_epochs, 876.08]] as const)
      expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-3);
    expect(run.output).toContain("tensor([ 2.2341, -1.7922], device='gpujs', requires_grad=True)");
    const p = run.results.builtins.prediction[0]!;
    expect(Math.abs(p[0]! - 53)).toBeLessThanOrEqual(10);
    expect(Math.abs(p[1]! - 67)).toBeLessThanOrEqual(10);
  });
});
