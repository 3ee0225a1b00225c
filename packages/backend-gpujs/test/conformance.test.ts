// The shared op conformance suite (DESIGN.md, Decision 7) on gpu.js: every op of
// fixtures/ops.json against PyTorch, forward and backward, plus the error cases, on the GPU
// path (headless-gl under Xvfb), never on a silent CPU fallback.
import { expect, it } from "vitest";
import { fallbackReason, mode } from "@flambeau/backend-gpujs";
import { runConformance } from "@flambeau/conformance";

it("runs on headless-gl, not on a CPU fallback", () => {
  expect(fallbackReason()).toBeNull();
  expect(mode()).toBe("headlessgl");
});

runConformance("gpujs", { skipDtypes: ["float64"] });
