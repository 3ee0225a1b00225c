// The page script of the browser test: the gpujs device with the shared conformance suites
// registered on the in-page runner, handed to the test as `window.suite`.
import "@flambeau/backend-cpu";
import { fallbackReason, mode, textureStats } from "@flambeau/backend-gpujs";
import { runConformance } from "@flambeau/conformance";
import { count, run } from "vitest";
import { runNnConformance } from "../../../nn/test/conformance.js";
import { runOptimConformance } from "../../../optim/test/conformance.js";
import { runDataConformance } from "../../../data/test/conformance.js";

runConformance("gpujs", { skipDtypes: ["float64"] });
runNnConformance("gpujs");
runOptimConformance("gpujs");
runDataConformance("gpujs");

(globalThis as unknown as { suite: unknown }).suite = { run, count, mode, fallbackReason, textureStats };
document.body.dataset.ready = "yes";
