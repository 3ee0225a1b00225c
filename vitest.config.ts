import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}/src/index.ts`, import.meta.url));

// Tests run against the sources, so a change is tested without a build step.
export default defineConfig({
  resolve: {
    alias: {
      "@flambeau/tensor": src("tensor"),
      "@flambeau/scalar-math": src("scalar-math"),
      "@flambeau/autograd": src("autograd"),
      "@flambeau/backend-cpu": src("backend-cpu"),
      "@flambeau/backend-gpujs": src("backend-gpujs"),
      "@flambeau/nn": src("nn"),
      "@flambeau/optim": src("optim"),
      "@flambeau/data": src("data"),
      "@flambeau/plotting": src("plotting"),
      "@flambeau/conformance": src("conformance"),
      "@flambeau/backend-webgpu": src("backend-webgpu"),
      flambeau: src("flambeau"),
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", "scripts/test/**/*.test.ts"],
    testTimeout: 30000,
    // headless-gl (the gpu.js backend in Node) needs an X display: Xvfb when none is set.
    globalSetup: ["packages/backend-gpujs/test/setup/xvfb.ts"],
  },
});
