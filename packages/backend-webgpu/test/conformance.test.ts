// The shared op suite on WebGPU (Dawn over a CPU Vulkan driver in Node). A missing adapter
// fails here: CI must not pass by skipping the GPU.
import { beforeAll } from "vitest";
import { init } from "@flambeau/backend-webgpu";
import { runConformance } from "@flambeau/conformance";

beforeAll(async () => {
  await init();
});

runConformance("webgpu", { skipDtypes: ["float64"] });
