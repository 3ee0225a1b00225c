// The shared conformance suites (ops, nn, optim, data) on the CPU backend's plain JavaScript
// kernels, the path taken where WebAssembly SIMD is missing. The same suites run on the
// default SIMD path in conformance.test.ts and in the nn, optim and data packages.
import { setCpuKernels, cpuKernels } from "@flambeau/backend-cpu";
import { expect, it } from "vitest";
import { runConformance, runNnConformance, runOptimConformance, runDataConformance } from "@flambeau/test-kit";

setCpuKernels("plain");

it("runs on the plain kernels", () => {
  expect(cpuKernels()).toBe("plain");
});

runConformance("cpu");
runNnConformance("cpu");
runOptimConformance("cpu");
runDataConformance("cpu");
