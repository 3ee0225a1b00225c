import { configDefaults, defineConfig } from "vitest/config";
import { workspaceAliases } from "./packages/test-kit/src/workspace.js";

const TESTS = ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", "scripts/test/**/*.test.ts", "docs/test/**/*.test.ts"];

// The tests that open headless-gl (the gpu.js backend in Node), which renders through an X
// display: gpu.js's own tests, the facade's backend test, and the lesson runs on every device.
// Only these get Xvfb (started when no DISPLAY is set); the browser tests' Chromium is headless.
const NEEDS_X = [
  "packages/backend-gpujs/test/**/*.test.ts",
  "packages/flambeau/test/backends.test.ts",
  "apps/lesson*/test/devices.test.ts",
  "apps/demo/test/**/*.test.ts",
];

// Tests run against the sources, so a change is tested without a build step: every workspace
// package's exports (subpaths included) resolve to its src/ (see packages/test-kit/src/workspace.ts).
export default defineConfig({
  resolve: { alias: workspaceAliases() },
  test: {
    testTimeout: 30000,
    // A beforeAll that runs a whole lesson is a test's body: lesson 1's takes ~10 s on a busy 2-core machine.
    hookTimeout: 30000,
    projects: [
      { extends: true, test: { name: "node", include: TESTS, exclude: [...configDefaults.exclude, ...NEEDS_X] } },
      { extends: true, test: { name: "x11", include: NEEDS_X, globalSetup: ["packages/test-kit/src/xvfb.ts"] } },
    ],
  },
});
