/**
 * `@flambeau/test-kit` (private): the suites every backend runs (DESIGN.md, Decision 7), written
 * once and registered on a device with one call each. The op suite is `@flambeau/conformance`'s
 * (re-exported here); the nn, optim, data and memory suites live in this package. In a browser
 * page bundled by `@flambeau/test-kit/browser` they run on the in-page runner of
 * `@flambeau/test-kit/page`.
 *
 * ```ts
 * import "@flambeau/backend-webgpu"; // registers the device
 * import { runConformance, runNnConformance, runOptimConformance, runDataConformance } from "@flambeau/test-kit";
 * runConformance("webgpu", { skipDtypes: ["float64"] });
 * runNnConformance("webgpu");
 * runOptimConformance("webgpu");
 * runDataConformance("webgpu");
 * ```
 *
 * @packageDocumentation
 */
export * from "@flambeau/conformance";
export { runNnConformance } from "./suites/nn.js";
export { runOptimConformance } from "./suites/optim.js";
export { runDataConformance } from "./suites/data.js";
export { runMemoryConformance } from "./suites/memory.js";
export { LinearRegressionModel } from "./suites/lesson-model.js";
