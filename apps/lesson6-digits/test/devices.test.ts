// Lesson 6 on WebGPU and gpu.js against the same run on the CPU. The lesson's own code runs, seeded
// as always, on a shortened schedule (LessonOptions: one epoch of STEPS steps), then its whole test
// loop over the 2,000 test digits, the confusion matrix and the misclassified grid. Lavapipe and
// llvmpipe are CPU drivers: the full default run (4 epochs of 250 steps) takes tens of minutes on
// each of them, too long for CI (docs/design.md, "Lesson 6 on the GPUs"). Here each GPU's loss
// at every step must match the CPU's (the first steps to float32 rounding), and its model must
// read the test digits as the CPU's does.
import { beforeAll, describe, expect, it } from "vitest";
import * as torch from "flambeau";
import type { LessonOptions, Progress } from "@flambeau/lesson-kit";
import { checkFigure, runQuietly } from "@flambeau/test-kit/lessons";
import { GPU_DEVICES, runOnDevice } from "@flambeau/test-kit/lessons/devices";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { lesson, type Lesson6Results } from "../src/index.js";

const STEPS = 20;
const SHORT: LessonOptions = { epochs: 1, stepsPerEpoch: STEPS };
/**
 * On a quiet 2-core machine a shortened run takes 34 s on WebGPU (lavapipe) and 96 s on gpu.js
 * (llvmpipe), the whole file 145 s; while 20-29 processes competed for the cores it took 266 s
 * and 358 s, so the limit is generous.
 */
const RUN_TIMEOUT = 1_500_000;

/**
 * How far a GPU's loss may be from the CPU's, relative. The first steps agree to float32 rounding
 * (measured: at most 2e-7); a wrong gradient would show from the second step, the first after an
 * update. Later steps drift apart as training amplifies the rounding of products summed in
 * another order and of the GPUs' own exp/log (measured after 20 steps: 3e-5 on WebGPU, 1.3e-3
 * on gpu.js).
 */
const FIRST_STEPS = 3;
const FIRST_RTOL = 1e-5;
const LOSS_RTOL = 5e-3;
/**
 * Test digits (of 2,000) the GPU's model may read differently from the CPU's: near-ties fall
 * either way once the weights differ in their last digits (measured: 7 on gpu.js).
 */
const MAX_DISAGREEMENTS = 15;

interface ShortRun {
  run: NodeRunResult<Lesson6Results> & { dir: string };
  /** The loss of every training step, as the lesson's progress bar received it. */
  losses: number[];
}

/** A progress hook keeping each step's loss on its device, read once at the end. */
function lossRecorder(): { progress: () => Progress; read: () => Promise<number[]> } {
  const losses: torch.Tensor[] = [];
  let other = 0;
  return {
    progress: () => ({
      tick: (loss) => {
        if (loss instanceof torch.Tensor) losses.push(loss.detach());
        else other++;
      },
      done: () => {},
    }),
    read: async () => {
      expect(other).toBe(0); // every tick carried the step's loss tensor
      return losses.length === 0 ? [] : ((await torch.stack(losses).tolist()) as number[]);
    },
  };
}

let cpu: ShortRun;
beforeAll(async () => {
  const rec = lossRecorder();
  const run = await runQuietly(lesson, { device: "cpu", options: SHORT, progress: rec.progress });
  cpu = { run, losses: await rec.read() };
}, RUN_TIMEOUT);

describe.each(GPU_DEVICES)("lesson 6 on --device %s: the CPU's seeded run, shortened", (device) => {
  let gpu: ShortRun | undefined;
  const get = (): ShortRun => {
    if (!gpu) throw new Error(`the lesson did not run on '${device}' (see the first test)`);
    return gpu;
  };

  it(`runs the lesson's code on ${device}: ${STEPS} training steps, then the test loop over 2,000 digits`, async () => {
    const rec = lossRecorder();
    const run = await runOnDevice(lesson, device, { options: SHORT, progress: rec.progress });
    gpu = { run, losses: await rec.read() };
    expect(gpu.losses).toHaveLength(STEPS);
    expect(run.results.epochs).toBe(1);
    expect(run.results.test_size).toBe(2000);
  }, RUN_TIMEOUT);

  it("each step's loss matches the CPU's (the first ones to float32 rounding), and training brings it down", () => {
    const { losses } = get();
    expect(cpu.losses).toHaveLength(STEPS);
    losses.forEach((loss, i) => {
      const want = cpu.losses[i]!;
      const rtol = i < FIRST_STEPS ? FIRST_RTOL : LOSS_RTOL;
      expect(Math.abs(loss - want), `step ${i + 1}: ${loss} on ${device}, ${want} on the CPU`).toBeLessThanOrEqual(rtol * want);
    });
    // The first step is the untrained model (~log 10); the last ones are well below it.
    expect(losses[0]!).toBeGreaterThan(2);
    expect(Math.max(...losses.slice(-3))).toBeLessThan(losses[0]! * 0.75);
    const mean = losses.reduce((a, b) => a + b, 0) / STEPS;
    expect(get().run.results.epoch_losses[0]!).toBeCloseTo(mean, 4);
  });

  it("reads the 2,000 test digits as the CPU's model does, most of them right", () => {
    const { results } = get().run;
    const ref = cpu.run.results;
    let disagreements = 0;
    for (let t = 0; t < 10; t++)
      for (let p = 0; p < 10; p++) disagreements += Math.abs(results.confusion[t]![p]! - ref.confusion[t]![p]!);
    // A digit read differently moves one count out of a cell and into another.
    expect(disagreements / 2).toBeLessThanOrEqual(MAX_DISAGREEMENTS);
    expect(Math.abs(results.test_accuracy - ref.test_accuracy) * 2000).toBeLessThanOrEqual(MAX_DISAGREEMENTS);
    expect(results.test_accuracy).toBeGreaterThan(0.7); // after 20 steps on the CPU: 0.8055
    expect(results.confusion.flat().reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it("prints the epoch's line and draws the confusion matrix and the misclassified digits", () => {
    const { run } = get();
    const line = run.output.find((l) => l.startsWith("Epoch 1/1: "));
    expect(line).toMatch(/^Epoch 1\/1: train loss \d\.\d{4}, test loss \d\.\d{4}, test accuracy \d+\.\d\d%$/);
    expect(checkFigure(run.dir, "confusion-matrix").titles[0]).toBe(
      `Confusion matrix: ${(100 * run.results.test_accuracy).toFixed(2)}% of 2000 right`,
    );
    const grid = checkFigure(run.dir, "misclassified");
    expect(grid.titles).toEqual(run.results.misclassified.map((m) => `${m.label}, read as ${m.predicted}`));
  });
});
