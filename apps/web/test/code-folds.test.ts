// The code panel folds each lesson's setup (header, imports, results type, seed, entry point):
// what a learner sees first is the lesson's code, and no internal file name. The markers are
// read from the lesson files themselves; a stray or unclosed one is an error, never hidden code.
import { lessonSource } from "@flambeau/test-kit/lessons";
import { describe, expect, it } from "vitest";
import { setupFolds } from "../src/code-folds.js";

const LESSONS = [
  "lesson1-movie-revenue",
  "lesson2-crop-yields",
  "lesson3-simple-regression",
  "lesson4-nn-from-scratch",
  "lesson5-linear-regression-gpu",
  "lesson6-digits",
];

/**
 * Plumbing inside a lesson's training loop, folded too: lesson 6's shortened run for the GPU
 * checks (`stepsPerEpoch`), which its PyTorch original does not have.
 */
const TRAINING_FOLDS: Record<string, string[]> = {
  "lesson6-digits": ["a shortened run (checks on slow devices) ends each epoch early", "where a shortened run ends the epoch"],
};

/** The lines of `source` a learner sees before opening a fold. */
function visible(source: string): string[] {
  const hidden = new Set(setupFolds(source).flatMap((f) => Array.from({ length: f.last - f.first + 1 }, (_, k) => f.first + k)));
  return source.split("\n").filter((_, n) => !hidden.has(n));
}

describe("the code panel's setup folds", () => {
  for (const slug of LESSONS) {
    it(`${slug}: the lesson's code shows, its plumbing and file name are folded`, () => {
      const source = lessonSource(slug);
      const folds = setupFolds(source);
      expect(folds.map((f) => f.label)).toEqual([
        "the port's header and imports",
        "the results the tests check, the seed, the lesson's name and source, its entry point",
        ...(TRAINING_FOLDS[slug] ?? []),
      ]);
      expect(folds[0]!.first).toBe(0);
      const shown = visible(source).join("\n");
      expect(shown).not.toMatch(/^import /m);
      expect(shown).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      expect(shown).not.toMatch(/LessonContext|DEFAULT_SEED|Results \{|export const lesson\b/);
      // What is folded is all that is hidden: every other line of the file is shown, in order.
      expect(visible(source).length + folds.reduce((n, f) => n + f.last - f.first + 1, 0)).toBe(source.split("\n").length);
      // The first thing shown (after blank lines) is lesson code, not more setup.
      expect(visible(source).find((l) => l.trim())).toMatch(/^(const|type|export|\/\/ |\/\*\*)/);
    });
  }

  it("reads a region's label and lines; a region opened twice or left open is an error", () => {
    expect(setupFolds("// #region setup: imports\nimport x from 'x';\n// #endregion\nprint(1)")).toEqual([{ first: 0, last: 2, label: "imports" }]);
    expect(setupFolds("// #region other\nx\n// #endregion")).toEqual([]);
    expect(() => setupFolds("// #region setup: a\n// #region setup: b\n// #endregion")).toThrow(/line 2: a setup region opens inside the one opened on line 1/);
    expect(() => setupFolds("x\n// #region setup: a\ny")).toThrow(/line 2: a setup region is never closed/);
  });
});
