// The nn, optim and data conformance suites (layers, losses, initialisers, optimisers,
// schedulers, data loading against PyTorch) on gpu.js, on headless-gl.
import { expect, it } from "vitest";
// Fixtures are decoded on the CPU, the default device, as with `import "flambeau"`.
import "@flambeau/backend-cpu";
import { mode } from "@flambeau/backend-gpujs";
import { runNnConformance, runOptimConformance, runDataConformance } from "@flambeau/test-kit";

it("runs on headless-gl", () => expect(mode()).toBe("headlessgl"));

runNnConformance("gpujs");
runOptimConformance("gpujs");
runDataConformance("gpujs");
