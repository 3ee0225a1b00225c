// The checks of a whole lesson 6 run, on whichever device it ran (lesson.test.ts: the CPU;
// devices.test.ts: WebGPU and gpu.js). The numbers are the lesson's own results.
import { expect, it } from "vitest";
import type { NodeRunResult } from "@flambeau/lesson-kit/node";
import { checkFigure, figureNames, LESSON_FIGURES } from "@flambeau/test-kit/lessons";
import { load_mnist, predict_digit, SIDE, type Lesson6Results } from "../src/index.js";

type Run = NodeRunResult<Lesson6Results> & { dir: string };

const FIGURES = LESSON_FIGURES["lesson6-digits"];

/** The accuracy the lesson promises after its default training. */
export const TARGET_ACCURACY = 0.97;

/** Declares the checks of a lesson 6 run made on `device`; `get` gives the run. */
export function lesson6Checks(device: string, get: () => Run): void {
  it("splits the package's 10,000 digits into 8,000 to train on and 2,000 to test on", () => {
    const run = get();
    expect(run.results.train_size).toBe(8000);
    expect(run.results.test_size).toBe(2000);
    expect(run.output).toContain("10000 digits of 28×28 pixels");
    expect(run.output).toContain("train: 8000, test: 2000");
    expect(run.output.join("\n")).toMatch(/one batch: \[32, 1, 28, 28\] \[32\]/);
  });

  it(`trains the stated epochs, the training loss coming down, to >= 97% test accuracy on ${device}`, () => {
    const run = get();
    const { epochs, epoch_losses, test_accuracies, test_accuracy } = run.results;
    expect(epochs).toBe(4);
    expect(epoch_losses).toHaveLength(epochs);
    expect(test_accuracies).toHaveLength(epochs);
    expect(epoch_losses.at(-1)!).toBeLessThan(epoch_losses[0]!);
    expect(epoch_losses[0]!).toBeLessThan(Math.log(10)); // better than guessing from the start
    expect(test_accuracy).toBe(test_accuracies.at(-1));
    expect(test_accuracy).toBeGreaterThanOrEqual(TARGET_ACCURACY);
    const lines = run.output.filter((l) => /^Epoch \d\/4: train loss \d\.\d{4}, test loss \d\.\d{4}, test accuracy \d+\.\d\d%$/.test(l));
    expect(lines).toHaveLength(4);
    const correct = Math.round(test_accuracy * 2000);
    expect(run.output).toContain(`Test set: Accuracy: ${correct}/2000 (${(100 * test_accuracy).toFixed(2)}%)`);
  });

  it("the confusion matrix counts every test digit once, its diagonal the correct ones", () => {
    const { confusion, test_accuracy } = get().results;
    expect(confusion).toHaveLength(10);
    for (const row of confusion) expect(row).toHaveLength(10);
    const total = confusion.flat().reduce((a, b) => a + b, 0);
    const diagonal = confusion.reduce((a, row, i) => a + row[i]!, 0);
    expect(total).toBe(2000);
    expect(diagonal).toBe(Math.round(test_accuracy * 2000));
    // Every digit is in the test set, and most of each are read right.
    confusion.forEach((row, t) => expect(row[t]! / row.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.9));
  });

  it("lists the digits it got wrong, each with a prediction that is not its label", () => {
    const { misclassified, test_accuracy } = get().results;
    expect(misclassified.length).toBe(Math.min(12, 2000 - Math.round(test_accuracy * 2000)));
    for (const m of misclassified) {
      expect(m.predicted).not.toBe(m.label);
      expect(m.index).toBeGreaterThanOrEqual(0);
      expect(m.index).toBeLessThan(2000);
    }
    expect(new Set(misclassified.map((m) => m.index)).size).toBe(misclassified.length);
  });

  it("the trained model reads test digits through predict_digit as the accuracy loop did", async () => {
    const { model } = get().results;
    const mnist = await load_mnist();
    // The first image of each digit in the package (they are in the training or the test set).
    let right = 0;
    for (let digit = 0, at = 0; digit < 10; digit++) {
      at = mnist.labels.indexOf(digit);
      const p = await predict_digit(model, mnist.images.slice(at * SIDE * SIDE, (at + 1) * SIDE * SIDE));
      expect(p).toHaveLength(10);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      if (p.indexOf(Math.max(...p)) === digit) right++;
    }
    expect(right).toBeGreaterThanOrEqual(9);
  });

  it("draws the confusion matrix and a grid of the misclassified digits", () => {
    const run = get();
    expect(figureNames(run.files)).toEqual(FIGURES);
    const cm = checkFigure(run.dir, "confusion-matrix");
    expect(cm.titles[0]).toBe(`Confusion matrix: ${(100 * run.results.test_accuracy).toFixed(2)}% of 2000 right`);
    const grid = checkFigure(run.dir, "misclassified");
    expect(grid.titles).toEqual(run.results.misclassified.map((m) => `${m.label}, read as ${m.predicted}`));
  });
}
