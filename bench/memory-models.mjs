// The MLPs the memory bench trains. "full" is the timed benches' 784-256-256-10 at batch 128;
// on this project's software drivers (lavapipe, headless-gl on llvmpipe) it takes ~0.1 s (WebGPU)
// and ~0.3 s (gpu.js) a step, so the eight runs of 10,000 steps would take ~20 hours. "small" has
// the same layers and step at 64-32-32-10, batch 32 (~20 ms and ~40 ms a step): what grows or
// stays flat over the steps does not depend on the sizes, only the byte counts do.
export const MEMORY_MODELS = {
  small: { sizes: [64, 32, 32, 10], batch: 32 },
  full: { sizes: [784, 256, 256, 10], batch: 128 },
};
