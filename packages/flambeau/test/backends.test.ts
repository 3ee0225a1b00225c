// `torch.backends`: filled in by each backend package on import, and helpful before that.
import { describe, expect, it } from "vitest";
import * as torch from "flambeau";

describe("torch.backends", () => {
  it("answers is_available() with false for a backend that is not imported, and names its package otherwise", async () => {
    const backends = torch.backends as unknown as Record<string, Record<string, () => unknown>>;
    expect("webgpu" in torch.backends).toBe(false);
    expect(await backends.webgpu!.is_available!()).toBe(false);
    expect(() => backends.webgpu!.init!()).toThrow(
      /torch\.backends\.webgpu\.init: the 'webgpu' backend is not installed\. Install and import its package first: npm i @flambeau\/backend-webgpu/,
    );
    // A promise-aware caller must not mistake an entry for a thenable.
    expect(backends.webgpu!.then).toBeUndefined();
  });

  it("holds the WebGPU backend's controls once its package is imported", async () => {
    await import("@flambeau/backend-webgpu");
    expect(Object.keys(torch.backends)).toContain("webgpu");
    expect(await torch.backends.webgpu.is_available()).toBe(true);
    expect(torch.backends.webgpu.is_initialized()).toBe(true);
    expect(torch.backends.webgpu.init_error()).toBeNull();
    const x = torch.ones([4], { device: "webgpu" }).mul(3);
    await torch.backends.webgpu.synchronize();
    expect(Array.from(await x.data())).toEqual([3, 3, 3, 3]);
    expect(torch.backends.webgpu.pool_stats().buffers).toBeGreaterThan(0);
  });

  it("holds gpu.js's controls once its package is imported, running on headless-gl", async () => {
    await import("@flambeau/backend-gpujs");
    expect(torch.backends.gpujs.mode()).toBe("headlessgl");
    expect(torch.backends.gpujs.is_available()).toBe(true);
    expect(torch.backends.gpujs.fallbackReason()).toBeNull();
  });
});
