import { describe, expect, it } from "vitest";
import { probeDevice, selectDevice, softwareRenderer, type BackendLoaders } from "@flambeau/lesson-kit";
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

  it("'gpu' skips a software rasteriser (SwiftShader, llvmpipe) unless told to take it", async () => {
    const adapter = { info: { vendor: "google", architecture: "swiftshader", device: "", description: "" } };
    const webgpu = async () => ({ is_available: async () => true, webgpu: { context: { adapter } }, registered: registerAsyncDevice("webgpu") });
    const gpujs = async () => ({ mode: () => "webgl2", renderer: () => "ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)", registered: registerAsyncDevice("gpujs") });
    const loaders = { webgpu, gpujs };
    expect(await probeDevice("webgpu", loaders)).toMatchObject({ available: true, accelerated: true, software: "SwiftShader" });
    expect(await probeDevice("gpujs", loaders)).toMatchObject({ available: true, accelerated: true, software: "llvmpipe" });
    expect((await selectDevice("gpu", loaders)).type).toBe("cpu");
    expect((await selectDevice("gpu", loaders, { allowSoftware: true })).type).toBe("webgpu");
    expect((await selectDevice("webgpu", loaders)).type).toBe("webgpu"); // asked for by name, it is used

    // A hardware WebGL renderer beside a software WebGPU adapter: gpu.js is the GPU.
    const hardware = async () => ({ mode: () => "webgl2", renderer: () => "ANGLE (NVIDIA, NVIDIA GeForce RTX 4070, OpenGL 4.5)", registered: registerAsyncDevice("gpujs") });
    expect((await selectDevice("gpu", { webgpu, gpujs: hardware })).type).toBe("gpujs");
  });

  it("softwareRenderer reads WebGPU's adapter info and fallback flag, and gpu.js's WebGL renderer", () => {
    const adapter = (info: object, isFallbackAdapter?: boolean) => ({ webgpu: { context: { adapter: { info, isFallbackAdapter } } } });
    expect(softwareRenderer(adapter({ vendor: "mesa", architecture: "", device: "llvmpipe (LLVM 15.0.6, 256 bits)", description: "" }))).toBe("llvmpipe");
    expect(softwareRenderer(adapter({ vendor: "mesa", description: "lavapipe" }))).toBe("lavapipe");
    expect(softwareRenderer(adapter({ vendor: "microsoft", description: "Microsoft Basic Render Driver" }))).toBe("WARP");
    expect(softwareRenderer(adapter({ vendor: "apple", architecture: "metal-3" }, true))).toBe("a fallback adapter");
    expect(softwareRenderer(adapter({ vendor: "google", isFallbackAdapter: true }))).toBe("a fallback adapter");
    expect(softwareRenderer(adapter({ vendor: "nvidia", architecture: "ada", description: "NVIDIA GeForce RTX 4070" }))).toBeNull();
    expect(softwareRenderer({ renderer: () => "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)" })).toBe("SwiftShader");
    expect(softwareRenderer({ renderer: () => "Apple M2" })).toBeNull();
    expect(softwareRenderer({ renderer: () => null })).toBeNull();
    expect(softwareRenderer({})).toBeNull();
  });
});
