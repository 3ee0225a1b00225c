// Lesson 5 with --device webgpu and --device gpujs: the whole lesson runs there (the first model,
// the saved and reloaded state dict, the GPU version) with the CPU run's checks; without
// --device, the GPU part takes the best GPU there is, which in this test setup is WebGPU.
import { beforeAll, describe, expect, it } from "vitest";
import { GPU_DEVICES, LESSON_TIMEOUT, runOnDevice, type DeviceRun } from "../../lesson-kit/test/helpers/devices.js";
import { runQuietly } from "../../lesson-kit/test/helpers/run.js";
import { lesson, type Lesson5Results } from "../src/index.js";
import { lesson5Checks } from "./checks.js";

describe.each(GPU_DEVICES)("lesson 5 on --device %s", (device) => {
  let run: DeviceRun<Lesson5Results>;
  beforeAll(async () => {
    run = await runOnDevice(lesson, device);
  }, LESSON_TIMEOUT);

  lesson5Checks(device, () => run);
});

describe("lesson 5 without --device", () => {
  it("runs on the CPU and its GPU part takes the best GPU there is: WebGPU", async () => {
    const run = await runQuietly(lesson);
    expect(run.device.type).toBe("cpu");
    expect(run.accelerator.type).toBe("webgpu");
    expect(run.results.gpu.device).toBe("webgpu");
    expect(run.output).toContain("device: webgpu");
  });
});
