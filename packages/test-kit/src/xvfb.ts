// Vitest global setup of the tests that need an X display (the "x11" project of vitest.config.ts):
// headless-gl renders through an X server, so when no display is set (CI, a terminal over ssh)
// this starts Xvfb for the run (xvfb-display.mjs, which the benchmarks share). Without Xvfb
// installed it does nothing; the gpu.js tests then fail and say why (they never skip).
import { startXvfb } from "./xvfb-display.mjs";

export default async function setup(): Promise<(() => void) | undefined> {
  // Test workers are forked after global setup and inherit the DISPLAY it sets.
  return (await startXvfb()) ?? undefined;
}
