// Running a lesson on a GPU device in a test, and proving it ran there: the run's device is that
// device, that device's backend (the instance this file imports) did the lesson's work, and
// gpu.js ran on WebGL (headless-gl under Xvfb in Node), not on its JavaScript fallback. A missing
// WebGPU adapter or WebGL context fails the run; nothing is skipped.
import { describe, expect, it, vi } from "vitest";
import { getBackend } from "@flambeau/tensor/internal";
import { gpujs, mode } from "@flambeau/backend-gpujs";
import { webgpu } from "@flambeau/backend-webgpu";
import type { Lesson } from "@flambeau/lesson-kit";
import type { NodeRunOptions, NodeRunResult } from "@flambeau/lesson-kit/node";
import { runQuietly } from "./run.js";

// Mesa's software drivers (llvmpipe under headless-gl, lavapipe under Dawn) hand every draw or
// dispatch to rasterizer threads. The lessons' kernels are tiny and number in the hundreds of
// thousands (lesson 1: ~300,000), so on a 2-core machine the hand-off costs more than the work:
// gpu.js runs lesson 1 in ~50 s single-threaded, ~80 s with the default threads. The drivers read
// this when the first context or adapter opens, which happens after this module loads (on first use).
process.env.LP_NUM_THREADS ??= "0";

/** The GPU devices every lesson app must run on. */
export const GPU_DEVICES = ["webgpu", "gpujs"] as const;
export type GpuDevice = (typeof GPU_DEVICES)[number];

/** gpu.js modes that run kernels on a GPU; "cpu" and "webasm" are its fallbacks. */
export const GL_MODES = ["headlessgl", "webgl", "webgl2"];

/**
 * How long a whole lesson may take on a GPU device in a test. Lavapipe and llvmpipe are CPU
 * drivers: a lesson of thousands of tiny steps takes tens of seconds on them (lesson 1: 6000
 * Adam steps of ~50 kernels and 3 reads each).
 */
export const LESSON_TIMEOUT = 300_000;

// The primitives of the backend interface that launch work on the device.
const PRIMITIVES = ["upload", "full", "unary", "binary", "where", "reduce", "matmul", "copy", "assign", "gather", "scatterAdd"] as const;

/** A lesson's run on a GPU device. */
export type DeviceRun<R> = NodeRunResult<R> & {
  dir: string;
  /** Calls of the device backend's primitives during the run. */
  primitives: number;
};

/**
 * Runs `lesson` quietly with `--device <device>` and checks that it ran there (see the top of
 * this file). Throws, failing the test, when the device is unavailable.
 */
export async function runOnDevice<R>(lesson: Lesson<R>, device: GpuDevice, options: Omit<NodeRunOptions, "device"> = {}): Promise<DeviceRun<R>> {
  const backend = getBackend(device);
  // The registered backend is the one this file imported, so mode() below speaks of it.
  expect(backend).toBe(device === "webgpu" ? webgpu : gpujs);
  const spies = PRIMITIVES.filter((p) => typeof backend[p] === "function").map((p) => vi.spyOn(backend, p));
  let run: NodeRunResult<R> & { dir: string };
  let primitives: number;
  try {
    run = await runQuietly(lesson, { ...options, device });
  } finally {
    primitives = spies.reduce((n, s) => n + s.mock.calls.length, 0);
    for (const s of spies) s.mockRestore();
  }
  expect(run.device.type).toBe(device);
  expect(run.accelerator.type).toBe(device);
  expect(primitives).toBeGreaterThan(0);
  if (device === "gpujs") expect(GL_MODES).toContain(mode());
  else expect(webgpu.ready).toBe(true);
  return { ...run, primitives };
}

/**
 * Declares, for each GPU device, a suite whose first test runs `lesson` there (see
 * {@link runOnDevice}; its duration is the lesson's run time on that device) and whose other
 * tests are `checks(device, get)`: the same checks as the lesson's CPU run, `get` giving the run.
 * When the device is missing, the first test fails saying why and every check fails with it.
 */
export function describeOnGpus<R>(
  title: string,
  lesson: Lesson<R>,
  checks: (device: GpuDevice, get: () => DeviceRun<R>) => void,
  options: Omit<NodeRunOptions, "device"> = {},
): void {
  describe.each(GPU_DEVICES)(`${title} on --device %s`, (device) => {
    let run: DeviceRun<R> | undefined;
    it(`runs the whole lesson on ${device}`, async () => {
      run = await runOnDevice(lesson, device, options);
    }, LESSON_TIMEOUT);

    checks(device, () => {
      if (!run) throw new Error(`the lesson did not run on '${device}' (see the test above)`);
      return run;
    });
  });
}
