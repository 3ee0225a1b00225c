// Lesson 5 with --device gpujs: the model and tensors move there, train the same way, and the
// state dict saved from it loads into a fresh model with identical predictions.
import { describe, expect, it } from "vitest";
import { runQuietly } from "../../lesson-kit/test/helpers/run.js";
import { lesson } from "../src/index.js";

describe("lesson 5 on --device gpujs", () => {
  it("trains on the device, saves and reloads", async () => {
    const run = await runQuietly(lesson, { device: "gpujs" });
    expect(run.results.gpu.device).toBe("gpujs");
    expect(run.results.losses.at(-1)!).toBeLessThan(0.1);
    expect(run.results.gpu.losses.at(-1)!).toBeLessThan(0.1);
    run.results.gpu.predicted.forEach((p, i) => expect(Math.abs(p - (2 * i + 1))).toBeLessThan(0.5));
    expect(run.results.reloaded_predicted).toEqual(run.results.predicted);
  });

  it("without --device, the GPU part takes the best GPU there is (the CPU when gpu.js has no WebGL)", async () => {
    const run = await runQuietly(lesson);
    expect(run.device.type).toBe("cpu");
    expect(["webgpu", "gpujs", "cpu"]).toContain(run.accelerator.type);
    expect(run.results.gpu.device).toBe(run.accelerator.toString());
  });
});
