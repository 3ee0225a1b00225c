import { describe, expect, it } from "vitest";
import { probeDevice, selectDevice, type BackendLoaders } from "@flambeau/lesson-kit";
import { registerAsyncDevice } from "./helpers/async-device.js";

const missing = () => Promise.reject(new Error("Cannot find package"));

describe("device selection", () => {
  it("the CPU is always there", async () => {
    expect((await selectDevice("cpu")).type).toBe("cpu");
  });

  it("a named device that cannot load says why", async () => {
    const loaders: BackendLoaders = { webgpu: missing, gpujs: missing };
    await expect(selectDevice("webgpu", loaders)).rejects.toThrow(
      /device 'webgpu' is not available: @flambeau\/backend-webgpu is not installed \(Cannot find package\)/,
    );
  });

  it("'gpu' falls back to the CPU when no GPU backend loads", async () => {
    expect((await selectDevice("gpu", { webgpu: missing, gpujs: missing })).type).toBe("cpu");
  });

  it("'gpu' prefers WebGPU, then gpu.js, and skips gpu.js's CPU fallback", async () => {
    const gpujs = async () => ({ mode: () => "webgl2", registered: registerAsyncDevice("gpujs") });
    expect((await selectDevice("gpu", { webgpu: missing, gpujs })).type).toBe("gpujs");

    const webgpu = async () => ({ is_available: async () => true, registered: registerAsyncDevice("webgpu") });
    expect((await selectDevice("gpu", { webgpu, gpujs })).type).toBe("webgpu");

    const fallback = async () => ({ mode: () => "cpu", registered: registerAsyncDevice("gpujs") });
    const loaders = { webgpu: missing, gpujs: fallback };
    expect(await probeDevice("gpujs", loaders)).toMatchObject({ available: true, accelerated: false });
    expect((await selectDevice("gpu", loaders)).type).toBe("cpu");
    expect((await selectDevice("gpujs", loaders)).type).toBe("gpujs");
  });

  it("a backend that reports no device is unavailable", async () => {
    const webgpu = async () => ({ is_available: async () => false });
    expect(await probeDevice("webgpu", { webgpu })).toMatchObject({ available: false, reason: expect.stringMatching(/no usable device/) });
  });
});
