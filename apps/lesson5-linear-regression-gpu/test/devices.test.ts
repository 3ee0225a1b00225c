// Lesson 5 with --device webgpu and --device gpujs: the whole lesson runs there (the first model,
// the saved and reloaded state dict, the GPU version) with the CPU run's checks; without
// --device, the GPU part takes the best GPU there is, which in this test setup is WebGPU.
import { describe, expect, it } from "vitest";
import { runQuietly } from "@flambeau/test-kit/lessons";
import { describeOnGpus } from "@flambeau/test-kit/lessons/devices";
import { lesson } from "../src/index.js";
import { lesson5Checks } from "./checks.js";

describeOnGpus("lesson 5", lesson, lesson5Checks);

describe("lesson 5 without --device", () => {
  it("runs on the CPU and its GPU part takes the best GPU there is: WebGPU", async () => {
    const run = await runQuietly(lesson);
    expect(run.device.type).toBe("cpu");
    expect(run.accelerator.type).toBe("webgpu");
    expect(run.results.gpu.device).toBe("webgpu");
    expect(run.output).toContain("device: webgpu");
  });
});
