// The nn, optim and data conformance suites on WebGPU in Node.
import { beforeAll } from "vitest";
import "@flambeau/backend-cpu"; // the default device, as in an app: fixtures and collated scalars live there
import { init } from "@flambeau/backend-webgpu";
import { runNnConformance, runOptimConformance, runDataConformance } from "@flambeau/test-kit";

beforeAll(async () => {
  await init();
});

runNnConformance("webgpu");
runOptimConformance("webgpu");
runDataConformance("webgpu");
