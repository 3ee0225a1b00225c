import { describe, expect, it } from "vitest";
import { parseArgs } from "@flambeau/lesson-kit/node";

describe("the demo's command line", () => {
  it("takes lesson numbers and flags in any order", () => {
    expect(parseArgs(["3", "--device", "cpu", "1", "--seed=7", "--lesson-values", "--out", "o"])).toEqual({
      lessons: [3, 1],
      device: "cpu",
      outDir: "o",
      options: { seed: 7, startFromLessonValues: true },
      help: false,
    });
    expect(parseArgs([])).toEqual({ lessons: [], outDir: "out", options: {}, help: false });
    expect(parseArgs(["--device=gpu"]).device).toBe("gpu");
    expect(parseArgs(["6", "--epochs", "2"]).options).toEqual({ epochs: 2 });
  });

  it("refuses what it does not know", () => {
    expect(() => parseArgs(["--device", "cuda"])).toThrow(/--device must be cpu, webgpu, gpujs or gpu, got 'cuda'/);
    expect(() => parseArgs(["--device"])).toThrow(/--device needs a value/);
    expect(() => parseArgs(["--fast"])).toThrow(/unknown argument '--fast'/);
    expect(() => parseArgs(["--seed", "-1"])).toThrow(/--seed/);
    expect(() => parseArgs(["--epochs", "0"])).toThrow(/--epochs must be a positive integer/);
    expect(() => parseArgs(["--epochs", "1.5"])).toThrow(/--epochs must be a positive integer/);
  });
});
