// The CPU sorts with its own argsort kernel; the GPU backends get the composed sorts: ranking by
// counting for short rows, the bitonic network for long ones. Here both run on the CPU too,
// over the same PyTorch fixture cases, so every path is checked on every run (the GPU suites
// check them again on their devices; sort_long_row takes the network there).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as torch from "flambeau";
import { getBackend } from "@flambeau/tensor/internal";
import { casesByOp, checkCase } from "@flambeau/conformance";

const backend = getBackend("cpu");
const kernel = backend.argsort;

describe("sort, argsort and topk composed from primitives (no argsort primitive)", () => {
  beforeAll(() => {
    (backend as { argsort?: unknown }).argsort = undefined;
  });
  afterAll(() => {
    (backend as { argsort?: unknown }).argsort = kernel;
  });

  it("the CPU backend has the primitive that this suite turns off", () => expect(kernel).toBeTypeOf("function"));
  const byOp = casesByOp();
  for (const op of ["sort", "argsort", "topk"])
    for (const c of byOp.get(op) ?? []) it(c.name, () => checkCase(c, "cpu"));

  it("agrees with the kernel on rows with ties and NaN, both directions, counted and by the network", () => {
    const values = Array.from({ length: 4000 }, (_, i) => (i % 17 === 0 ? NaN : ((i * 7919) % 113) - 56));
    // [4, 250] is ranked by counting; [2, 2000] (2 · 2000² comparisons, over the limit) goes through the network.
    for (const [x, descending] of [[4, 250], [2, 2000]].flatMap((s) => [false, true].map((d) => [torch.tensor(values.slice(0, s[0]! * s[1]!)).reshape(s), d] as const))) {
      const composed = x.argsort(1, descending).tolistSync();
      (backend as { argsort?: unknown }).argsort = kernel;
      const direct = x.argsort(1, descending).tolistSync();
      (backend as { argsort?: unknown }).argsort = undefined;
      expect(composed).toEqual(direct);
    }
  });
});
