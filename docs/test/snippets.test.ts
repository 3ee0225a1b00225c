// Every code sample of the guides is a file in docs/snippets/, shown in its page with VitePress's
// `<<< @/snippets/name.ts` and type-checked by tsconfig.tests.json. Here each one runs, and what
// it prints must be its `name.out.txt`, which the page shows as the sample's output: neither the
// code nor the output a reader sees can drift from the API.
import { readdirSync, readFileSync } from "node:fs";
import { format } from "node:util";
import { describe, expect, it, vi } from "vitest";

const SNIPPETS = new URL("../snippets/", import.meta.url);
const samples = readdirSync(SNIPPETS).filter((f) => f.endsWith(".ts")).sort();

describe("the guides' code samples", () => {
  it("there are samples, each with the output its page shows", () => {
    expect(samples.length).toBeGreaterThan(5);
    const outputs = readdirSync(SNIPPETS).filter((f) => f.endsWith(".out.txt"));
    expect(outputs.sort()).toEqual(samples.map((f) => f.replace(/\.ts$/, ".out.txt")));
  });

  for (const sample of samples) {
    it(`${sample} runs and prints ${sample.replace(/\.ts$/, ".out.txt")}`, async () => {
      const printed: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
      try {
        await import(new URL(sample, SNIPPETS).href);
      } finally {
        log.mockRestore();
      }
      const expected = readFileSync(new URL(sample.replace(/\.ts$/, ".out.txt"), SNIPPETS), "utf8");
      expect(printed.join("\n") + "\n").toBe(expected);
      // The first sample to run loads the packages' sources, which takes a while on a busy machine.
    }, 120_000);
  }
});
